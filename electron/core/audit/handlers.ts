// Audit log route handlers (core): the log read by people — operators and subjects by name,
// filtered by either — its verification, and its export in words.
import type { auditRoutes, AuditEntryView } from '../../../shared/api/routes/audit';
import { STUDENT_READERS } from '../../../shared/api/routes/registry';
import { actionText, changeLines, subjectText } from '../../../shared/api/auditWords';
import type { Lang } from '../../../shared/api/messages';
import { dateText, dateTimeText } from '../../../shared/format/dates';
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';
import type { ListDocument } from '../export/listDocument';
import { sendList } from '../export/send';
import { me, type Handlers } from '../handler';
import { listAudit, privateDetail, verifyAudit, withoutStudentValues, type AuditFilter } from './log';
import { actorNames, actorsNamed, subjectNames, subjectsNamed } from './names';

interface Filter {
  operator?: string | undefined;
  person?: string | undefined;
  subject?: string | undefined;
  actor?: string | undefined;
  route?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The stored filter: an operator or a person by name becomes the accounts or subjects so named. */
function storedFilter(inst: Installation, f: Filter, mayReadStudents: boolean): Omit<AuditFilter, 'offset' | 'limit'> {
  const raw = inst.open().raw;
  return {
    actor: f.actor,
    subject: f.subject,
    route: f.route,
    from: f.from,
    to: f.to,
    ...(f.operator ? { actorIn: actorsNamed(raw, f.operator) } : {}),
    ...(f.person ? { subjectIn: subjectsNamed(raw, f.person, mayReadStudents) } : {}),
  };
}

function entries(inst: Installation, s: Session, f: Filter, offset: number, limit: number): { total: number; entries: AuditEntryView[] } {
  // The private part of an entry about a student goes only to those who may see students.
  const mayReadStudents = STUDENT_READERS.includes(s.role);
  const raw = inst.open().raw;
  const page = listAudit(raw, { ...storedFilter(inst, f, mayReadStudents), offset, limit }, mayReadStudents);
  const subjects = subjectNames(raw, page.entries.map((e) => e.subject), mayReadStudents);
  const actors = actorNames(raw, page.entries.map((e) => e.actor));
  return {
    total: page.total,
    entries: page.entries.map((e) => ({
      seq: e.seq,
      at: e.at,
      actor: e.actor,
      actorName: actors.get(e.actor) ?? null,
      route: e.route,
      subject: e.subject,
      subjectName: subjects.get(e.subject) ?? null,
      diff: mayReadStudents ? e.diff : withoutStudentValues(e),
      hash: e.hash,
      detail: e.private === null ? null : privateDetail(e.private),
    })),
  };
}

const WORDS = {
  'zh-CN': { title: '审计日志', seq: '序号', at: '时间', actor: '操作人', action: '操作', subject: '对象', changes: '内容', operator: '操作人', person: '对象', route: '操作', from: '起始日期', to: '截止日期', colon: '：' },
  en: { title: 'Audit log', seq: 'No.', at: 'Time', actor: 'By', action: 'Action', subject: 'About', changes: 'What changed', operator: 'By', person: 'About', route: 'Action', from: 'From', to: 'To', colon: ': ' },
} as const;

function auditDocument(rows: readonly AuditEntryView[], f: Filter, lang: Lang): ListDocument<AuditEntryView> {
  const w = WORDS[lang];
  const filters: string[] = [];
  if (f.operator) filters.push(`${w.operator}${w.colon}${f.operator}`);
  if (f.person) filters.push(`${w.person}${w.colon}${f.person}`);
  if (f.route) filters.push(`${w.route}${w.colon}${actionText(f.route, lang)}`);
  if (f.from) filters.push(`${w.from}${w.colon}${dateText(f.from, lang)}`);
  if (f.to) filters.push(`${w.to}${w.colon}${dateText(f.to, lang)}`);
  return {
    title: w.title,
    filters,
    rows,
    columns: [
      { header: w.seq, value: (e) => e.seq, weight: 0.5, align: 'right' },
      { header: w.at, value: (e) => dateTimeText(e.at, lang), weight: 1.3 },
      { header: w.actor, value: (e) => (e.actorName ? (lang === 'en' ? `${e.actorName} (${e.actor})` : `${e.actorName}（${e.actor}）`) : e.actor), weight: 1.2 },
      { header: w.action, value: (e) => actionText(e.route, lang), weight: 1.3 },
      { header: w.subject, value: (e) => subjectText(e, lang), weight: 1.4 },
      { header: w.changes, value: (e) => [...changeLines(e.diff, lang, e.route), ...changeLines(e.detail, lang, e.route)].join('\n'), weight: 3.3 },
    ],
  };
}

export const auditHandlers: Handlers<typeof auditRoutes> = {
  'audit.list': (ctx, { offset, limit, ...f }) => entries(ctx.inst, me(ctx), f, offset, limit),

  'audit.verify': ({ inst }) => {
    const { last: _last, ...result } = verifyAudit(inst.open().raw);
    return result;
  },

  'audit.export': async (ctx, { format, lang, ...f }) => {
    const s = me(ctx);
    const rows = entries(ctx.inst, s, f, 0, 1_000_000).entries;
    // A search by a student's name is the student readers' own: it stays out of the public entry.
    return sendList(ctx.inst, s, { route: 'audit.export', subject: 'audit', baseName: lang === 'en' ? 'audit-log' : '审计日志', format, lang, filter: f, filterIsPrivate: f.person !== undefined, document: auditDocument(rows, f, lang) });
  },
};
