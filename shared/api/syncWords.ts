// Words for bundles in both languages, shared by the 数据交换 screens and the CLI: what an import or
// an inspection found, and the kinds of content a bundle carries.
import type { Lang } from './messages';

export const BUNDLE_VERDICTS: Record<Lang, Record<string, string>> = {
  'zh-CN': { applied: '已导入', duplicate: '已导入过，未改动', refused: '被拒绝', apply: '可以导入', replay: '重放，会被拒绝', gap: '缺少前序数据包', rejected: '无效' },
  en: { applied: 'Imported', duplicate: 'Already imported, no change', refused: 'Refused', apply: 'Can be imported', replay: 'Replay, would be refused', gap: 'An earlier bundle is missing', rejected: 'Not valid' },
};

export const BUNDLE_KINDS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    teacher: '教师', record: '信用记录', objection: '异议', repair: '信用修复', report: '信用报告', reportFile: '报告文件',
    studentStats: '学生统计', catalogueVersions: '信用信息目录新版本', supervision: '本校监管状态',
  },
  en: {
    teacher: 'teachers', record: 'records', objection: 'objections', repair: 'repairs', report: 'reports', reportFile: 'report files',
    studentStats: 'student summary', catalogueVersions: 'new catalogue version(s)', supervision: 'supervision status',
  },
};

/** The kinds in the order of docs/BUNDLE-FORMAT.md (a manifest's counts come in key order). */
export const BUNDLE_KIND_ORDER = ['teacher', 'record', 'objection', 'repair', 'report', 'reportFile', 'studentStats', 'catalogueVersions', 'supervision'];

/** Sorts [kind, n] pairs in the bundle format's order, unknown kinds last by name. */
export function inKindOrder<T>(pairs: [string, T][]): [string, T][] {
  const rank = (kind: string): number => (BUNDLE_KIND_ORDER.includes(kind) ? BUNDLE_KIND_ORDER.indexOf(kind) : BUNDLE_KIND_ORDER.length);
  return [...pairs].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

/** "教师 3、信用记录 12" / "3 teachers, 12 records". */
export function bundleCountsText(counts: Record<string, number>, lang: Lang): string {
  const items = inKindOrder(Object.entries(counts))
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => (lang === 'en' ? `${n} ${BUNDLE_KINDS.en[kind] ?? kind}` : `${BUNDLE_KINDS['zh-CN'][kind] ?? kind} ${n}`));
  return items.join(lang === 'en' ? ', ' : '、');
}
