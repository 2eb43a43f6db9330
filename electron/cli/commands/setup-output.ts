// Prints what setup made (CLI process): where, for whom, and the recovery key with its warning.
import type { Mode } from '../../../shared/domain/roles';
import type { CliCtx } from '../context';
import { t } from '../text';

export interface SetupOutcome {
  dataDir: string;
  mode: Mode;
  username: string;
  recoveryKey: string;
  /** The headline: "created a school installation: …" or "created demo data …". */
  headline: string;
}

export function modeWord(ctx: CliCtx, mode: Mode): string {
  return t(ctx.lang, mode === 'school' ? 'modeSchool' : 'modeBureau');
}

export function printSetup(ctx: CliCtx, outcome: SetupOutcome, json: boolean): void {
  const warning = t(ctx.lang, 'recoveryWarning');
  if (json) {
    const { dataDir, mode, username, recoveryKey } = outcome;
    ctx.io.out(`${JSON.stringify({ dataDir, mode, username, recoveryKey, warning })}\n`);
    return;
  }
  // The key stands alone on its line, indented, so it is easy to copy and to read off paper.
  ctx.io.out(
    [outcome.headline, t(ctx.lang, 'adminIs', { user: outcome.username }), '', t(ctx.lang, 'recoveryKey'), `    ${outcome.recoveryKey}`, '', warning, ''].join('\n'),
  );
}
