// Credit records as a list to export or print (core): the columns and the filter in words, in the
// reader's language. A list of student records is the school administrator's alone to take away.
import type { Lang } from '../../../shared/api/messages';
import type { RecordView } from '../../../shared/api/routes/credit';
import { dateText } from '../../../shared/format/dates';
import { term } from '../../../shared/vocabulary';
import type { ListDocument } from '../export/listDocument';
import type { RecordFilter } from './query';

const WORDS = {
  'zh-CN': {
    teacherTitle: '教师信用记录', studentTitle: '学生信用记录', id: '编号', teacher: '教师', student: '学生', item: '目录事项', infoClass: '信息类别',
    occurredOn: '发生日期', expiresOn: '公示期至', status: '状态', points: '分值', description: '事实描述', author: '记录人', q: '查询',
    class: '班级', from: '发生日期自', to: '发生日期至', colon: '：',
  },
  en: {
    teacherTitle: 'Teacher credit records', studentTitle: 'Student credit records', id: 'No.', teacher: 'Teacher', student: 'Student', item: 'Catalogue item',
    infoClass: 'Class', occurredOn: 'Date', expiresOn: 'Disclosed until', status: 'Status', points: 'Points', description: 'What happened', author: 'Recorded by',
    q: 'Search', class: 'Class', from: 'From', to: 'To', colon: ': ',
  },
} as const;

/**
 * A record's own points, as the list shows them: struck through once it no longer counts, and
 * none on a revocation, which only undoes the record it revokes and never counts itself.
 */
function ownPoints(r: RecordView): number | null {
  return r.kind === 'revocation' ? null : r.item.points;
}

function notCounting(r: RecordView): boolean {
  return r.kind !== 'revocation' && r.contribution === 0 && r.item.points !== 0;
}

export function recordListDocument(rows: readonly RecordView[], f: Omit<RecordFilter, 'offset' | 'limit'>, lang: Lang, className: string | null): ListDocument<RecordView> {
  const w = WORDS[lang];
  const filters: string[] = [];
  if (f.q) filters.push(`${w.q}${w.colon}${f.q}`);
  if (f.itemCode) filters.push(`${w.item}${w.colon}${f.itemCode}`);
  if (f.infoClass) filters.push(`${w.infoClass}${w.colon}${term(lang, 'infoClass', f.infoClass)}`);
  if (f.status) filters.push(`${w.status}${w.colon}${term(lang, 'recordStatus', f.status)}`);
  if (className) filters.push(`${w.class}${w.colon}${className}`);
  if (f.from) filters.push(`${w.from}${w.colon}${dateText(f.from, lang)}`);
  if (f.to) filters.push(`${w.to}${w.colon}${dateText(f.to, lang)}`);
  return {
    title: f.subjectKind === 'student' ? w.studentTitle : w.teacherTitle,
    filters,
    rows,
    columns: [
      { header: w.id, value: (r) => r.id, weight: 0.6, align: 'right' },
      { header: f.subjectKind === 'student' ? w.student : w.teacher, value: (r) => r.subjectName },
      { header: w.item, value: (r) => `${r.item.code} ${lang === 'en' ? r.item.nameEn : r.item.nameZh}`, weight: 2.2 },
      { header: w.infoClass, value: (r) => term(lang, 'infoClassShort', r.item.infoClass), weight: 0.8 },
      { header: w.occurredOn, value: (r) => dateText(r.occurredOn, lang), weight: 1.1 },
      { header: w.expiresOn, value: (r) => dateText(r.expiresOn, lang), weight: 1.1 },
      { header: w.status, value: (r) => term(lang, 'recordStatus', r.status), weight: 0.8 },
      { header: w.points, value: ownPoints, format: 'signed', struck: notCounting, weight: 0.5, align: 'right' },
      { header: w.description, value: (r) => r.description, weight: 3 },
      { header: w.author, value: (r) => r.authorName, weight: 0.9 },
    ],
  };
}

const OBJECTION_WORDS = {
  'zh-CN': {
    title: { open: '待处理的异议', decided: '已处理的异议', all: '异议处理登记' }, teacher: '教师', record: '记录', item: '目录事项', reason: '异议理由', raisedAt: '提出时间',
    decision: '处理结果', decisionReason: '处理理由', decidedAt: '处理时间', decidedBy: '处理人', evidence: '附件', state: '范围', colon: '：',
  },
  en: {
    title: { open: 'Objections to decide', decided: 'Decided objections', all: 'Objections' }, teacher: 'Teacher', record: 'Record', item: 'Catalogue item', reason: 'Objection',
    raisedAt: 'Raised', decision: 'Decision', decisionReason: 'Reason given', decidedAt: 'Decided', decidedBy: 'Decided by', evidence: 'Attached', state: 'Showing', colon: ': ',
  },
} as const;

/** The objections as a list to export or print: each with the record it is about and its decision. */
export function objectionListDocument(rows: readonly RecordView[], state: 'open' | 'decided' | 'all', lang: Lang): ListDocument<RecordView> {
  const w = OBJECTION_WORDS[lang];
  const decision = (r: RecordView): string => term(lang, 'objectionDecision', r.objection?.decision ?? 'pending');
  return {
    title: w.title[state],
    filters: [],
    rows,
    columns: [
      { header: w.teacher, value: (r) => r.subjectName },
      { header: w.record, value: (r) => `#${r.id} ${dateText(r.occurredOn, lang)}`, weight: 1.2 },
      { header: w.item, value: (r) => `${r.item.code} ${lang === 'en' ? r.item.nameEn : r.item.nameZh}`, weight: 1.8 },
      { header: w.reason, value: (r) => r.objection?.reason ?? '', weight: 2.2 },
      { header: w.evidence, value: (r) => r.objection?.evidence.map((e) => e.fileName).join('、') ?? '', weight: 0.9 },
      { header: w.raisedAt, value: (r) => (r.objection ? dateText(r.objection.raisedAt, lang) : ''), weight: 1.1 },
      { header: w.decision, value: decision, weight: 0.9 },
      { header: w.decisionReason, value: (r) => r.objection?.decisionReason ?? '', weight: 2 },
      { header: w.decidedBy, value: (r) => r.objection?.decidedBy ?? '', weight: 0.9 },
      { header: w.decidedAt, value: (r) => (r.objection?.decidedAt ? dateText(r.objection.decidedAt, lang) : ''), weight: 1.1 },
    ],
  };
}
