// `edu-credit grade`: grades every subject and prints the counts by kind and grade (CLI process).
// The run goes through the API (grading.run), so it is role-checked (bureau administrator) and
// audited like a run from the screen; a school installation is refused before any password.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { Installation } from '../../core/app/installation';
import { GRADE_NAMES, SUBJECT_KIND_NAMES } from '../../../shared/api/gradingMessages';
import type { Lang } from '../../../shared/api/messages';
import type { GradingRunView } from '../../../shared/api/routes/grading';
import { GRADES } from '../../../shared/domain/creditRules';
import { SUPERVISED_KINDS } from '../../../shared/domain/supervision';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { call, withLogin } from '../call';
import { CliFailure, EXIT_OK, type CliCtx } from '../context';
import { displayWidth, padEnd, padStart } from '../table';
import { dateText } from '../../../shared/format/dates';

const WORDS: Record<Lang, { title: (version: number, asOf: string) => string; kind: string; total: string; done: (ms: number, id: number) => string; schoolRefused: string }> = {
  'zh-CN': {
    title: (version, asOf) => `信用分级（第 ${version} 版规则，按 ${dateText(asOf, 'zh-CN')} 的数据）`,
    kind: '主体类别',
    total: '合计',
    done: (ms, id) => `用时 ${ms} 毫秒；已记入审计日志（分级记录 #${id}）。`,
    schoolRefused: 'grade 只能在教体局的安装上运行：这是学校的安装。学校不做信用分级，教师数据通过数据包报送教体局后由教体局评级。',
  },
  en: {
    title: (version, asOf) => `Credit grading (rules version ${version}, data as of ${dateText(asOf, 'en')})`,
    kind: 'Kind',
    total: 'Total',
    done: (ms, id) => `Took ${ms} ms; written to the audit log (grading run #${id}).`,
    schoolRefused: 'grade runs only on a bureau installation: this one is a school\'s. Schools do not grade; the bureau grades teachers once their bundles arrive.',
  },
};

/** Refuses a school installation before a password is asked for: the route would refuse it anyway, less plainly. */
function refuseSchool(ctx: CliCtx, dataDir: string): void {
  const inst = new Installation(resolve(dataDir));
  try {
    const { status } = call(ctx, inst, 'system.status', {});
    if ((status.state === 'locked' || status.state === 'open') && status.mode === 'school') throw new CliFailure(WORDS[ctx.lang].schoolRefused);
  } finally {
    inst.close();
  }
}

function table(run: GradingRunView, lang: Lang): string[] {
  const w = WORDS[lang];
  // English grade names are long: the letters head the columns and a legend names them.
  const header = [w.kind, ...GRADES.map((g) => (lang === 'en' ? g : `${g} ${GRADE_NAMES[lang][g]}`)), w.total];
  const rowOf = (label: string, byGrade: Record<(typeof GRADES)[number], number>): string[] => {
    const values = GRADES.map((g) => byGrade[g]);
    return [label, ...values.map((n) => n.toLocaleString(lang)), values.reduce((a, b) => a + b, 0).toLocaleString(lang)];
  };
  const sums = Object.fromEntries(GRADES.map((g) => [g, SUPERVISED_KINDS.reduce((n, k) => n + run.counts[k][g], 0)])) as Record<(typeof GRADES)[number], number>;
  const rows = [...SUPERVISED_KINDS.map((k) => rowOf(SUBJECT_KIND_NAMES[lang][k], run.counts[k])), rowOf(w.total, sums)];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i]!))));
  const line = (cols: string[]): string => `  ${cols.map((c, i) => (i === 0 ? padEnd(c, widths[i]!) : padStart(c, widths[i]!))).join('  ')}`.trimEnd();
  const legend = lang === 'en' ? [`  ${GRADES.map((g) => `${g} ${GRADE_NAMES.en[g].toLowerCase()}`).join(' · ')}`] : [];
  return [line(header), `  ${widths.map((n) => '-'.repeat(n)).join('  ')}`, ...rows.map(line), ...legend];
}

export async function gradeCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () => parseArgs({ args, strict: true, allowPositionals: false, options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS } }));
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  refuseSchool(ctx, dataDir);
  const run = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, ({ inst, session }) => call(ctx, inst, 'grading.run', {}, session));
  if (values.json) {
    ctx.io.out(`${JSON.stringify({ rulesVersion: run.rulesVersion, asOf: run.asOf, counts: run.counts, total: run.total, ms: run.ms, runId: run.id })}\n`);
    return EXIT_OK;
  }
  const w = WORDS[ctx.lang];
  ctx.io.out(`${[w.title(run.rulesVersion, run.asOf), ...table(run, ctx.lang), w.done(run.ms, run.id)].join('\n')}\n`);
  return EXIT_OK;
}
