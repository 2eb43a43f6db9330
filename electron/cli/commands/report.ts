// `edu-credit verify-report` and `edu-credit report batch` (CLI process): the same routes as the UI.
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dateTimeText } from '../../../shared/format/dates';
import { batchAlreadyIssued, verificationReason, verificationStatus } from '../../../shared/api/reportMessages';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { call, callAsync, withLogin } from '../call';
import { EXIT_FAILURE, EXIT_OK, usageFailure, type CliCtx } from '../context';
import { readInput } from '../files';
import { t } from '../text';

/** Exit code for a genuine report that is not (or no longer) confirmed: usable by scripts. */
export const EXIT_NOT_CONFIRMED = 3;

export async function verifyReportCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(ctx, () => parseArgs({ args, strict: true, allowPositionals: true, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS } }));
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const [file, extra] = positionals;
  if (file === undefined) throw usageFailure(ctx, 'missingOption', { flag: 'FILE.pdf' });
  if (extra !== undefined) throw usageFailure(ctx, 'unexpectedArg', { value: extra });
  const bytes = readInput(ctx, file);
  const v = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, ({ inst, session }) =>
    call(ctx, inst, 'reports.verify', { fileName: basename(file), dataBase64: bytes.toString('base64') }, session),
  );
  if (values.json) ctx.io.out(`${JSON.stringify(v)}\n`);
  else {
    const lines = [t(ctx.lang, 'verifyStatus', { status: verificationStatus(v, ctx.lang), file: basename(file) }), `  ${verificationReason(v, ctx.lang)}`];
    if (v.number) lines.push(`  ${t(ctx.lang, 'verifyReport', { number: v.number, teacher: v.teacherName ?? '' })}`);
    if (v.confirmation) lines.push(`  ${t(ctx.lang, 'verifyConfirmation', { signer: v.confirmation.signer, at: dateTimeText(v.confirmation.confirmedAt, ctx.lang), fingerprint: v.confirmation.keyFingerprint ?? '—' })}`);
    lines.push(`  SHA-256 ${v.fileSha256}`);
    ctx.io.out(`${lines.join('\n')}\n`);
  }
  return v.status === 'confirmed' ? EXIT_OK : v.status === 'tampered' || v.status === 'foreign' ? EXIT_FAILURE : EXIT_NOT_CONFIRMED;
}

const POLL_MS = 250;

export async function reportCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub !== 'batch') throw usageFailure(ctx, 'unknownCommand', { value: `report ${sub ?? ''}`.trim() });
  const { values } = parseStrict(ctx, () =>
    parseArgs({ args: rest, strict: true, allowPositionals: false, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS, year: { type: 'string' }, out: { type: 'string' } } }),
  );
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const folder = resolve(required(ctx, values.out, '--out'));
  const yearText = required(ctx, values.year, '--year');
  if (!/^\d{4}$/.test(yearText)) throw usageFailure(ctx, 'badChoice', { flag: '--year', choices: 'YYYY', value: yearText });
  const year = Number(yearText);
  const job = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, async ({ inst, session }) => {
    let state = await callAsync(ctx, inst, 'reports.batchStart', { year, folder }, session);
    // Ctrl-C stops between two reports: the ones written are whole and registered.
    const onInt = (): void => void call(ctx, inst, 'reports.batchCancel', { jobId: state.jobId }, session);
    process.once('SIGINT', onInt);
    try {
      while (state.phase === 'running') {
        await new Promise((r) => setTimeout(r, POLL_MS));
        state = call(ctx, inst, 'reports.batchProgress', { jobId: state.jobId }, session);
        ctx.io.err(`\r${t(ctx.lang, 'batchProgress', { done: state.done, total: state.total })}`);
      }
    } finally {
      process.removeListener('SIGINT', onInt);
    }
    ctx.io.err('\n');
    return state;
  });
  if (job.phase === 'done') {
    ctx.io.out(`${t(ctx.lang, 'batchDone', { n: job.done, year: job.year, folder })}\n`);
    if (job.existing > 0) ctx.io.out(`${batchAlreadyIssued(job.existing, ctx.lang)}\n`);
    return EXIT_OK;
  }
  ctx.io.err(`edu-credit: ${t(ctx.lang, job.phase === 'cancelled' ? 'batchCancelled' : 'batchFailed', { done: job.done, total: job.total, detail: job.error ?? '' })}\n`);
  return EXIT_FAILURE;
}
