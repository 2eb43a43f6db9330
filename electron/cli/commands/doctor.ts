// `edu-credit doctor` (CLI process): logs in, runs the core health checks and prints each as ok or
// FAIL; exit 1 when any fails.
import { parseArgs } from 'node:util';
import type { DoctorCheck } from '../../../shared/api/contract';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { call, withLogin } from '../call';
import { EXIT_FAILURE, EXIT_OK, type CliCtx } from '../context';
import { t, type TextKey } from '../text';

const LABEL: Record<DoctorCheck['id'], TextKey> = {
  integrity: 'checkIntegrity',
  foreignKeys: 'checkForeignKeys',
  auditChain: 'checkAuditChain',
  schemaVersion: 'checkSchemaVersion',
};

function detailOf(ctx: CliCtx, c: DoctorCheck): string {
  const { lang } = ctx;
  if (c.error !== undefined) return t(lang, 'checkError', { detail: c.error });
  switch (c.id) {
    case 'integrity':
      return c.ok ? 'ok' : t(lang, 'integrityProblems', { n: c.problems.length, first: c.problems[0] ?? '' });
    case 'foreignKeys': {
      const v = c.violations[0];
      return c.ok || !v ? 'ok' : t(lang, 'fkViolations', { n: c.violations.length, table: v.table, rowid: v.rowid ?? '?', parent: v.parent });
    }
    case 'auditChain':
      return c.ok ? t(lang, 'auditOk', { n: c.checked }) : t(lang, 'auditBroken', { seq: c.firstBrokenSeq ?? '?', reason: c.reason ?? '', n: c.checked });
    case 'schemaVersion':
      return t(lang, c.ok ? 'schemaOk' : 'schemaBad', { found: c.found ?? '?', supported: c.supported });
  }
}

export async function doctorCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () => parseArgs({ args, strict: true, allowPositionals: false, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS } }));
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const report = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, ({ inst, session }) => call(ctx, inst, 'system.doctor', {}, session));
  const failed = report.checks.filter((c) => !c.ok).length;
  if (values.json) {
    ctx.io.out(`${JSON.stringify(report)}\n`);
  } else {
    const lines = report.checks.map((c) => `${c.ok ? 'ok  ' : 'FAIL'}  ${t(ctx.lang, LABEL[c.id])}: ${detailOf(ctx, c)}`);
    if (failed === 0) lines.push(t(ctx.lang, 'doctorAllOk', { n: report.checks.length }));
    ctx.io.out(`${lines.join('\n')}\n`);
  }
  if (failed === 0) return EXIT_OK;
  ctx.io.err(`${t(ctx.lang, 'doctorFailed', { n: failed })}\n`);
  return EXIT_FAILURE;
}
