// The register of teacher credit reports as a list to export or print (core), in the reader's
// language: number, teacher, year, grade and score, status and how it was confirmed.
import type { Lang } from '../../../shared/api/messages';
import type { ReportView } from '../../../shared/api/routes/reports';
import { dateTimeText } from '../../../shared/format/dates';
import { term } from '../../../shared/vocabulary';
import type { ListDocument } from '../export/listDocument';

const WORDS = {
  'zh-CN': { title: '教师信用报告登记', number: '报告编号', teacher: '教师', year: '年度', grade: '等级', score: '信用分', status: '状态', confirmation: '确认情况', issuedAt: '出具时间', colon: '：' },
  en: { title: 'Teacher credit reports', number: 'Report no.', teacher: 'Teacher', year: 'Year', grade: 'Grade', score: 'Score', status: 'Status', confirmation: 'Confirmation', issuedAt: 'Issued', colon: ': ' },
} as const;

export function reportListDocument(rows: readonly ReportView[], f: { teacherName: string | null; status: ReportView['status'] | undefined }, lang: Lang): ListDocument<ReportView> {
  const w = WORDS[lang];
  const filters: string[] = [];
  if (f.teacherName) filters.push(`${w.teacher}${w.colon}${f.teacherName}`);
  if (f.status) filters.push(`${w.status}${w.colon}${term(lang, 'reportStatus', f.status)}`);
  return {
    title: w.title,
    filters,
    rows,
    columns: [
      { header: w.number, value: (r) => r.number, weight: 2.3 },
      { header: w.teacher, value: (r) => r.teacherName },
      { header: w.year, value: (r) => r.year, weight: 0.6, align: 'right' },
      { header: w.grade, value: (r) => r.grade, weight: 0.5 },
      { header: w.score, value: (r) => r.score, weight: 0.6, align: 'right' },
      { header: w.status, value: (r) => term(lang, 'reportStatus', r.status), weight: 0.8 },
      { header: w.confirmation, value: (r) => (r.confirmation ? `${term(lang, 'confirmationKind', r.confirmation.kind)} · ${dateTimeText(r.confirmation.confirmedAt, lang)}` : '—'), weight: 2 },
      { header: w.issuedAt, value: (r) => dateTimeText(r.createdAt, lang), weight: 1.3 },
    ],
  };
}
