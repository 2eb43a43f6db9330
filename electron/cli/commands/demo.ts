// `edu-credit demo` (CLI process): a new installation filled with demo data via 'setup.demo'.
import { parseArgs } from 'node:util';
import { MODES } from '../../../shared/domain/roles';
import { COMMON_OPTIONS, oneOf, parseStrict, required } from '../args';
import { call, openForSetup } from '../call';
import { EXIT_OK, type CliCtx } from '../context';
import { readPassword } from '../password';
import { t } from '../text';
import { modeWord, printSetup } from './setup-output';

export async function demoCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { ...COMMON_OPTIONS, 'data-dir': { type: 'string' }, scale: { type: 'string' }, 'password-file': { type: 'string' } },
    }),
  );
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const scale = oneOf(ctx, values.scale, '--scale', MODES);
  const inst = openForSetup(ctx, dataDir);
  try {
    const password = await readPassword(ctx, values['password-file'], { confirm: true });
    const { recoveryKey, username } = call(ctx, inst, 'setup.demo', { scale, password });
    const headline = t(ctx.lang, 'createdDemo', { mode: modeWord(ctx, scale), dir: inst.dataDir });
    printSetup(ctx, { dataDir: inst.dataDir, mode: scale, username, recoveryKey, headline }, values.json === true);
    return EXIT_OK;
  } finally {
    inst.close();
  }
}
