// `edu-credit init` (CLI process): sets up a new school or bureau installation via 'setup.init'.
import { parseArgs } from 'node:util';
import { MODES } from '../../../shared/domain/roles';
import { COMMON_OPTIONS, oneOf, parseStrict, required } from '../args';
import { call, openForSetup } from '../call';
import { EXIT_OK, type CliCtx } from '../context';
import { readPassword } from '../password';
import { t } from '../text';
import { modeWord, printSetup } from './setup-output';

const DEFAULT_ADMIN_NAME = { 'zh-CN': '系统管理员', en: 'Administrator' } as const;

export async function initCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        ...COMMON_OPTIONS,
        'data-dir': { type: 'string' },
        mode: { type: 'string' },
        name: { type: 'string' },
        uscc: { type: 'string' },
        admin: { type: 'string' },
        'admin-name': { type: 'string' },
        'password-file': { type: 'string' },
      },
    }),
  );
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const mode = oneOf(ctx, values.mode, '--mode', MODES);
  const orgName = required(ctx, values.name, '--name');
  const uscc = required(ctx, values.uscc, '--uscc');
  const username = required(ctx, values.admin, '--admin');
  const inst = openForSetup(ctx, dataDir);
  try {
    const password = await readPassword(ctx, values['password-file'], { confirm: true });
    const { recoveryKey } = call(ctx, inst, 'setup.init', {
      mode,
      orgName,
      uscc,
      admin: { username, displayName: values['admin-name'] ?? DEFAULT_ADMIN_NAME[ctx.lang], password },
      language: ctx.lang,
    });
    const headline = t(ctx.lang, 'created', { mode: modeWord(ctx, mode), name: orgName.trim(), uscc: uscc.trim().toUpperCase(), dir: inst.dataDir });
    printSetup(ctx, { dataDir: inst.dataDir, mode, username: username.trim(), recoveryKey, headline }, values.json === true);
    return EXIT_OK;
  } finally {
    inst.close();
  }
}
