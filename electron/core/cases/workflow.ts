// The negative-list workflow (core): opening a case and moving it through the state machine of
// shared/domain/negativeList.ts. Each function runs inside its caller's transaction, which also
// holds the route's one audit entry; every move leaves a case_events row.
import { AppError } from '../../../shared/api/errors';
import {
  CASE_LIST_MONTHS,
  CASE_NUMBER_PREFIX,
  EVENT_ZH,
  OPENING_RECORD,
  documentNumber,
  endAfterMonths,
  isOverdue,
  mayFire,
  refusalEn,
  refusalZh,
  serialOf,
  transition,
  type CaseEvent,
  type CaseState,
  type Effects,
} from '../../../shared/domain/negativeList';
import { expiresOn } from '../../../shared/domain/creditRules';
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';
import { today as todayOf } from '../clock';
import { addBureauRecord } from '../credit/bureauRecords';
import type { Raw } from '../db/open';
import { endEntry, insertEntry } from '../lists/entries';

/** Who moves a case: a session's user, or the demo's administrator. */
export type Actor = Pick<Session, 'userId' | 'role'>;

export interface CaseRow {
  id: number;
  number: string;
  institutionId: number;
  institutionName: string;
  state: CaseState;
  recordId: number | null;
  noticeDeadline: string | null;
}

export function caseRow(raw: Raw, id: number): CaseRow {
  const r = raw
    .prepare(
      `SELECT c.id, c.number, c.institution_id AS institutionId, i.name AS institutionName, c.state, c.record_id AS recordId, c.notice_deadline AS noticeDeadline
       FROM negative_cases c JOIN institutions i ON i.id = c.institution_id WHERE c.id = ?`,
    )
    .get(id) as CaseRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', undefined, `case ${id}`);
  return r;
}

/** The next serial of a per-year document number (case or notice), read inside the transaction that uses it. */
export function nextNumber(raw: Raw, column: 'number' | 'notice_number', prefix: string, year: number): string {
  const taken = raw.prepare(`SELECT ${column} AS n FROM negative_cases WHERE ${column} LIKE ?`).all(`${prefix}〔${year}〕%`) as { n: string }[];
  const max = taken.reduce((m, r) => Math.max(m, serialOf(prefix, year, r.n) ?? 0), 0);
  return documentNumber(prefix, year, max + 1);
}

function assertNotFuture(inst: Installation, day: string, path: string): void {
  if (day > todayOf(inst)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path, message: 'dateInFuture' }]);
}

export function openCase(inst: Installation, s: Actor, input: { institutionId: number; matter: string; facts: string; openedOn: string }): number {
  const raw = inst.open().raw;
  const school = raw.prepare('SELECT id, name, kind FROM institutions WHERE id = ?').get(input.institutionId) as { id: number; name: string; kind: string } | undefined;
  if (!school) throw new AppError('NOT_FOUND', undefined, `institution ${input.institutionId}`);
  // The plan's negative list is for private schools; training institutions have their own black and white lists.
  if (school.kind !== 'private_school') throw new AppError('INVALID_TRANSITION', { what: `${school.name}不是民办学校，负面清单只适用于民办学校`, whatEn: `${school.name} is not a private school; the negative list applies to private schools only`, code: 'notPrivateSchool' });
  assertNotFuture(inst, input.openedOn, 'openedOn');
  const number = nextNumber(raw, 'number', CASE_NUMBER_PREFIX, Number(input.openedOn.slice(0, 4)));
  const now = inst.clock.now().toISOString();
  const id = Number(
    raw
      .prepare(`INSERT INTO negative_cases (number, institution_id, matter, facts, opened_on, state, created_by, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`)
      .run(number, school.id, input.matter, input.facts, input.openedOn, s.userId, now).lastInsertRowid,
  );
  const recordId = addBureauRecord(inst, {
    subjectKind: 'private_school',
    subjectId: school.id,
    code: OPENING_RECORD,
    occurredOn: input.openedOn,
    description: `${number}：${input.matter}`,
    authorId: s.userId,
    source: `case:${id}`,
  });
  raw.prepare('UPDATE negative_cases SET record_id = ? WHERE id = ?').run(recordId, id);
  raw
    .prepare(`INSERT INTO case_events (case_id, event, from_state, to_state, occurred_on, reason, list_entry_id, by, at) VALUES (?, 'open', '', 'open', ?, ?, NULL, ?, ?)`)
    .run(id, input.openedOn, input.facts, s.userId, now);
  return id;
}

export interface Move {
  event: CaseEvent;
  reason: string;
  occurredOn: string;
  endOn?: string | undefined;
  /** For issueNotice: the deadline being set. */
  deadline?: string | undefined;
}

export interface Checked {
  c: CaseRow;
  to: CaseState;
  effects: Effects;
}

/** Everything that can refuse a move, before anything is written (issueNotice checks before rendering its PDF). */
export function checkMove(inst: Installation, s: Actor, caseId: number, m: Move, route: string): Checked {
  const raw = inst.open().raw;
  const c = caseRow(raw, caseId);
  if (!mayFire(s.role, m.event)) throw new AppError('FORBIDDEN', { route });
  assertNotFuture(inst, m.occurredOn, route === 'cases.issueNotice' ? 'issuedOn' : 'occurredOn');
  const last = (raw.prepare('SELECT max(occurred_on) AS d FROM case_events WHERE case_id = ?').get(caseId) as { d: string | null }).d;
  if (last && m.occurredOn < last) throw new AppError('INVALID_TRANSITION', { what: `日期 ${m.occurredOn} 早于案件上一环节的日期 ${last}`, whatEn: `${m.occurredOn} is before the case's last step on ${last}`, code: 'beforeLastEvent', date: last });
  const deadline = m.event === 'issueNotice' ? (m.deadline ?? null) : c.noticeDeadline;
  const r = transition(c.state, m.event, { today: m.occurredOn, deadline });
  if (!r.ok) throw new AppError('INVALID_TRANSITION', { what: refusalZh(r.refusal, c.state, m.event, deadline), whatEn: refusalEn(r.refusal, c.state, m.event, deadline), code: r.refusal, event: m.event, state: c.state });
  // A backdated confirmation would close a case that is overdue today and skip key supervision:
  // once the deadline has passed, only an administrator may confirm rectification in time.
  if (m.event === 'confirmRectified' && s.role !== 'bureau_admin' && isOverdue(c, todayOf(inst))) {
    throw new AppError('INVALID_TRANSITION', {
      what: `整改期限 ${deadline ?? ''} 已过，按期整改须由管理员确认`,
      whatEn: `the deadline ${deadline ?? ''} has passed: only an administrator may confirm rectification in time`,
      code: 'overdueAdminOnly',
    });
  }
  if (m.endOn !== undefined) {
    if (!r.effects.startList) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'endOn', message: 'noListEntry' }]);
    if (m.endOn < m.occurredOn) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'endOn', message: 'endBeforeStart' }]);
  }
  return { c, to: r.to, effects: r.effects };
}

/** Applies a checked move: lists, records, the case's state and its history row. */
export function applyMove(inst: Installation, s: Actor, { c, to, effects }: Checked, m: Move): { listEntryId: number | null; recordId: number | null } {
  const raw = inst.open().raw;
  const why = `负面清单案件 ${c.number}：${EVENT_ZH[m.event]}。${m.reason}`;
  if (effects.endLists.length > 0) {
    const ending = raw
      .prepare(`SELECT id FROM list_entries WHERE case_id = ? AND state = 'approved' AND list IN (${effects.endLists.map(() => '?').join(',')})`)
      .all(c.id, ...effects.endLists) as { id: number }[];
    for (const e of ending) endEntry(inst, e.id, why);
  }
  let recordId: number | null = null;
  if (effects.record) {
    recordId = addBureauRecord(inst, {
      subjectKind: 'private_school',
      subjectId: c.institutionId,
      code: effects.record,
      occurredOn: m.occurredOn,
      description: why,
      authorId: s.userId,
      source: `case:${c.id}`,
    });
  }
  if (effects.revokeOpeningRecord && c.recordId !== null) revokeOpening(inst, s, c, m);
  let listEntryId: number | null = null;
  if (effects.startList) {
    listEntryId = insertEntry(inst, {
      list: effects.startList,
      subjectKind: 'institution',
      subjectKey: String(c.institutionId),
      subjectName: c.institutionName,
      origin: 'case',
      rule: null,
      caseId: c.id,
      reason: why,
      startOn: m.occurredOn,
      endOn: m.endOn ?? endAfterMonths(m.occurredOn, CASE_LIST_MONTHS[effects.startList]),
      by: s.userId,
      approved: { reason: m.reason },
    });
  }
  raw.prepare('UPDATE negative_cases SET state = ? WHERE id = ?').run(to, c.id);
  raw
    .prepare('INSERT INTO case_events (case_id, event, from_state, to_state, occurred_on, reason, list_entry_id, by, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(c.id, m.event, c.state, to, m.occurredOn, m.reason, listEntryId, s.userId, inst.clock.now().toISOString());
  return { listEntryId, recordId };
}

/**
 * An unfounded case's I-N01 record is revoked the way every record is: a revocation row that
 * supersedes it (records are never updated), so it stops counting and its history stays.
 */
function revokeOpening(inst: Installation, s: Actor, c: CaseRow, m: Move): void {
  const raw = inst.open().raw;
  const old = raw.prepare('SELECT subject_kind AS kind, subject_id AS subjectId, item_id AS itemId FROM credit_records WHERE id = ?').get(c.recordId) as { kind: string; subjectId: number; itemId: number };
  const months = (raw.prepare('SELECT disclosure_months AS m FROM catalogue_items WHERE id = ?').get(old.itemId) as { m: number }).m;
  raw
    .prepare(
      `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at, source)
       VALUES (?, ?, ?, ?, ?, ?, 'revocation', ?, ?, ?, ?)`,
    )
    .run(old.kind, old.subjectId, old.itemId, m.occurredOn, expiresOn(m.occurredOn, months), `撤销立案：${m.reason}`, c.recordId, s.userId, inst.clock.now().toISOString(), `case:${c.id}`);
}

export interface NoticeFields {
  number: string;
  requirements: string;
  issuedOn: string;
  deadline: string;
}

/** Keeps the issued notice on its case; `sha256` names its PDF in the evidence store. */
export function setNotice(raw: Raw, caseId: number, n: NoticeFields, sha256: string | null): void {
  raw
    .prepare('UPDATE negative_cases SET notice_number = ?, notice_requirements = ?, notice_issued_on = ?, notice_deadline = ?, notice_sha256 = ? WHERE id = ?')
    .run(n.number, n.requirements, n.issuedOn, n.deadline, sha256, caseId);
}
