// `edu-credit draw` (CLI process): the double-random draw of inspection targets and inspectors for a
// seed, through inspections.previewDraw, so nothing is written: the same seed on the same data
// prints the same draw, which is how anyone re-runs a recorded draw. Its words are kept here.
import { parseArgs } from 'node:util';
import type { Lang } from '../../../shared/api/messages';
import { MAX_SEED } from '../../../shared/domain/draw';
import { COMMON_OPTIONS, LOGIN_OPTIONS, parseStrict, required } from '../args';
import { call, withLogin } from '../call';
import { CliFailure, EXIT_OK, EXIT_USAGE, type CliCtx } from '../context';
import { displayWidth, padEnd } from '../table';

const WORDS = {
  'zh-CN': {
    badNumber: '{{flag}} 应为 {{min}} 到 {{max}} 之间的整数，而不是“{{value}}”。',
    heading: '双随机抽取：种子 {{seed}}，评级规则第 {{rules}} 版',
    pool: '从 {{pool}} 个正常办学的机构（A {{A}}，B {{B}}，C {{C}}，D {{D}}）和 {{inspectors}} 名检查人员中，抽取 {{count}} 个检查对象，每个对象 {{per}} 名检查人员',
    name: '机构',
    uscc: '统一社会信用代码',
    grade: '等级',
    weight: '权重',
    inspectors: '检查人员',
    separator: '、',
    rerun: '同一种子、同一数据再次抽取，结果相同。',
  },
  en: {
    badNumber: '{{flag}} must be a whole number from {{min}} to {{max}}, not "{{value}}".',
    heading: 'Double-random draw: seed {{seed}}, grading rules version {{rules}}',
    pool: 'Drew {{count}} targets from {{pool}} active institutions (A {{A}}, B {{B}}, C {{C}}, D {{D}}) and {{per}} inspectors for each from {{inspectors}}',
    name: 'Institution',
    uscc: 'USCC',
    grade: 'Grade',
    weight: 'Weight',
    inspectors: 'Inspectors',
    separator: ', ',
    rerun: 'The same seed on the same data draws the same.',
  },
} as const satisfies Record<Lang, Record<string, string>>;

type Word = keyof (typeof WORDS)['zh-CN'];

function w(ctx: CliCtx, key: Word, params: Record<string, string | number> = {}): string {
  return WORDS[ctx.lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A whole number typed on the command line; anything else is a usage error (exit 2). */
function wholeNumber(ctx: CliCtx, value: string, flag: string, min: number, max: number): number {
  const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new CliFailure(w(ctx, 'badNumber', { flag, min, max, value }), EXIT_USAGE);
  return n;
}

export async function drawCommand(ctx: CliCtx, args: string[]): Promise<number> {
  const { values } = parseStrict(ctx, () =>
    parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: { ...COMMON_OPTIONS, ...LOGIN_OPTIONS, seed: { type: 'string' }, count: { type: 'string' }, inspectors: { type: 'string' } },
    }),
  );
  const dataDir = required(ctx, values['data-dir'], '--data-dir');
  const user = required(ctx, values.user, '--user');
  const seed = wholeNumber(ctx, required(ctx, values.seed, '--seed'), '--seed', 0, MAX_SEED);
  const count = wholeNumber(ctx, required(ctx, values.count, '--count'), '--count', 1, 1000);
  const inspectorsPerTarget = values.inspectors === undefined ? 2 : wholeNumber(ctx, values.inspectors, '--inspectors', 1, 10);

  const v = await withLogin(ctx, { dataDir, user, passwordSource: values['password-file'] }, ({ inst, session }) =>
    call(ctx, inst, 'inspections.previewDraw', { seed, count, inspectorsPerTarget }, session),
  );
  if (values.json) {
    ctx.io.out(`${JSON.stringify(v)}\n`);
    return EXIT_OK;
  }
  const rows = v.targets.map((t, i) => [
    `${i + 1}.`,
    t.name,
    t.uscc,
    t.grade,
    String(t.weight),
    t.inspectors.map((p) => p.displayName).join(w(ctx, 'separator')),
  ]);
  const header = ['', w(ctx, 'name'), w(ctx, 'uscc'), w(ctx, 'grade'), w(ctx, 'weight'), w(ctx, 'inspectors')];
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => displayWidth(r[c]!))));
  const line = (r: string[]): string => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : padEnd(cell, widths[c]!))).join('  ')}`.trimEnd();
  const lines = [
    w(ctx, 'heading', { seed: v.seed, rules: v.rulesVersion }),
    w(ctx, 'pool', { pool: v.poolSize, ...v.poolByGrade, inspectors: v.inspectorPool, count: v.count, per: v.inspectorsPerTarget }),
    '',
    line(header),
    ...rows.map(line),
    '',
    w(ctx, 'rerun'),
  ];
  ctx.io.out(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
