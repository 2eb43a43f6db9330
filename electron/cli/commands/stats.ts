// `edu-credit stats` (CLI process): the dashboard counts, as one JSON object or a readable table.
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { call, withLogin } from '../call';
import { EXIT_OK, type CliCtx } from '../context';
import { displayWidth, padEnd, padStart } from '../table';
import { t, type TextKey } from '../text';

/** Labels for the counts known today; a count added by a later feature shows under its key. */
const LABELS: Record<string, TextKey> = {
  schools: 'countSchools',
  teachers: 'countTeachers',
  students: 'countStudents',
  classes: 'countClasses',
  institutions: 'countInstitutions',
  users: 'countUsers',
  auditEntries: 'countAuditEntries',
  records: 'countRecords',
};

export async function statsCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () => parseArgs({ args, strict: true, allowPositionals: false, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS } }));
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const summary = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, ({ inst, session }) =>
    call(ctx, inst, 'dashboard.summary', {}, session),
  );
  if (values.json) {
    ctx.io.out(`${JSON.stringify(summary.counts)}\n`);
    return EXIT_OK;
  }
  const rows = Object.entries(summary.counts).map(([key, n]) => {
    const label = LABELS[key];
    return [label ? t(ctx.lang, label) : key, n.toLocaleString(ctx.lang)] as const;
  });
  const labelWidth = Math.max(0, ...rows.map(([label]) => displayWidth(label)));
  const numberWidth = Math.max(0, ...rows.map(([, n]) => n.length));
  const lines = [t(ctx.lang, 'statsTitle', { name: summary.org.name }), ...rows.map(([label, n]) => `  ${padEnd(label, labelWidth)}  ${padStart(n, numberWidth)}`)];
  ctx.io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
