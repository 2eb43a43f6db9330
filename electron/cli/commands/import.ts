// `edu-credit import` (CLI process): previews a roster or records file through the same routes as
// the UI (import.preview, then import.commit), prints every bad row as `第 N 行 [列]: reason`, and
// writes nothing — exit 1 — when any row is bad, and says "nothing to import" — exit 1 — for a file
// with a header and no data. On success it prints the counts.
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { describeNothingToImport, formatImportProblem, isNothingToImport } from '../../../shared/api/importMessages';
import { formatError } from '../../../shared/api/messages';
import { IMPORT_KINDS } from '../../../shared/api/routes/import';
import { COMMON_OPTIONS, LOGIN_OPTIONS, oneOf, parseStrict, required } from '../args';
import { call, callAsync, withLogin } from '../call';
import { readInput } from '../files';
import { CliFailure, EXIT_OK, usageFailure, type CliCtx } from '../context';
import { t } from '../text';

export async function importCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values, positionals } = parseStrict(ctx, () =>
    parseArgs({ args, strict: true, allowPositionals: true, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS, kind: { type: 'string' } } }),
  );
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const kind = oneOf(ctx, values.kind, '--kind', IMPORT_KINDS);
  const [file, extra] = positionals;
  if (file === undefined) throw usageFailure(ctx, 'missingOption', { flag: 'FILE' });
  if (extra !== undefined) throw usageFailure(ctx, 'unexpectedArg', { value: extra });
  // Read before the password is asked for: a wrong path should not cost a login.
  const bytes = readInput(ctx, file);
  const fileName = basename(file);

  const outcome = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, async ({ inst, session }) => {
    const preview = await callAsync(ctx, inst, 'import.preview', { kind, fileName, dataBase64: bytes.toString('base64') }, session);
    const bad = preview.problems.length + preview.moreProblems;
    if (bad > 0) {
      // Free the parsed rows at once; nothing is written either way.
      call(ctx, inst, 'import.cancel', { jobId: preview.jobId }, session);
      return { preview, result: null };
    }
    return { preview, result: call(ctx, inst, 'import.commit', { jobId: preview.jobId }, session) };
  });

  const { preview, result } = outcome;
  const { lang } = ctx;
  const nothing = isNothingToImport(preview);
  if (values.json) {
    const problems = preview.problems.map((p) => ({ ...p, message: formatImportProblem(p, lang) }));
    ctx.io.out(`${JSON.stringify({ ...preview, problems, result })}\n`);
  } else {
    if (preview.ignoredColumns.length > 0) ctx.io.out(`${t(lang, 'importIgnored', { columns: preview.ignoredColumns.join(lang === 'zh-CN' ? '、' : ', ') })}\n`);
    // "Nothing to import" is the one line on stderr, not a list of errors.
    if (!nothing) for (const p of preview.problems) ctx.io.out(`${formatImportProblem(p, lang)}\n`);
    if (preview.moreProblems > 0) ctx.io.out(`${t(lang, 'importMore', { n: preview.moreProblems })}\n`);
  }
  if (nothing) throw new CliFailure(describeNothingToImport(preview, lang));
  if (!result) {
    throw new CliFailure(formatError({ code: 'IMPORT_HAS_PROBLEMS', params: { count: preview.problems.length + preview.moreProblems } }, lang));
  }
  if (!values.json) {
    ctx.io.out(`${t(lang, 'importDone', { file: fileName, rows: preview.rows, inserted: result.inserted, updated: result.updated, unchanged: result.unchanged })}\n`);
  }
  return EXIT_OK;
}
