// Reading negative-list cases (core): the case view, the filtered list, a case with its history
// and list entries, and the private schools a case can be opened against.
import { AppError } from '../../../shared/api/errors';
import type { CaseDetail, CaseEventView, CaseView } from '../../../shared/api/routes/cases';
import { FINAL_STATES, isOverdue, type CaseState } from '../../../shared/domain/negativeList';
import type { Raw } from '../db/open';
import { listEntries } from '../lists/query';

const SELECT = `SELECT c.id, c.number, c.institution_id AS institutionId, i.name AS institutionName, i.uscc AS institutionUscc, c.matter, c.facts,
    c.opened_on AS openedOn, c.state, c.notice_number AS noticeNumber, c.notice_requirements AS noticeRequirements, c.notice_issued_on AS noticeIssuedOn,
    c.notice_deadline AS noticeDeadline, c.notice_sha256 AS noticeSha256, u.display_name AS createdBy, c.created_at AS createdAt
  FROM negative_cases c JOIN institutions i ON i.id = c.institution_id JOIN users u ON u.id = c.created_by`;

interface Row extends Omit<CaseView, 'notice' | 'overdue'> {
  noticeNumber: string | null;
  noticeRequirements: string | null;
  noticeIssuedOn: string | null;
  noticeDeadline: string | null;
  noticeSha256: string | null;
}

function toView(r: Row, today: string): CaseView {
  const { noticeNumber, noticeRequirements, noticeIssuedOn, noticeDeadline, noticeSha256, ...rest } = r;
  const notice =
    noticeNumber && noticeRequirements && noticeIssuedOn && noticeDeadline
      ? { number: noticeNumber, requirements: noticeRequirements, issuedOn: noticeIssuedOn, deadline: noticeDeadline, sha256: noticeSha256 }
      : null;
  return { ...rest, notice, overdue: isOverdue({ state: r.state, noticeDeadline }, today) };
}

export function getCase(raw: Raw, id: number, today: string): CaseView {
  const r = raw.prepare(`${SELECT} WHERE c.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', undefined, `case ${id}`);
  return toView(r, today);
}

export interface CaseFilter {
  state?: CaseState | undefined;
  institutionId?: number | undefined;
  overdue?: boolean | undefined;
}

export function listCases(raw: Raw, f: CaseFilter, today: string): CaseView[] {
  const where: string[] = [];
  if (f.state) where.push('c.state = @state');
  if (f.institutionId !== undefined) where.push('c.institution_id = @institutionId');
  const overdue = `(c.state = 'notice_issued' AND c.notice_deadline < @today)`;
  if (f.overdue !== undefined) where.push(f.overdue ? overdue : `NOT ${overdue}`);
  const rows = raw
    .prepare(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY c.opened_on DESC, c.id DESC`)
    .all({ today, state: f.state ?? null, institutionId: f.institutionId ?? null }) as Row[];
  return rows.map((r) => toView(r, today));
}

export function caseEvents(raw: Raw, caseId: number): CaseEventView[] {
  const rows = raw
    .prepare(
      `SELECT e.id, e.event, e.from_state AS fromState, e.to_state AS toState, e.occurred_on AS occurredOn, e.reason, e.list_entry_id AS listEntryId,
         u.display_name AS "by", e.at FROM case_events e JOIN users u ON u.id = e.by WHERE e.case_id = ? ORDER BY e.id`,
    )
    .all(caseId) as (Omit<CaseEventView, 'fromState'> & { fromState: string })[];
  // The opening has no state before it: stored as '' (the column is NOT NULL), shown as null.
  return rows.map((r) => ({ ...r, fromState: r.fromState === '' ? null : (r.fromState as CaseState) }));
}

export function caseDetail(raw: Raw, id: number, today: string): CaseDetail {
  return { ...getCase(raw, id, today), events: caseEvents(raw, id), entries: listEntries(raw, { caseId: id }, today) };
}

export function privateSchools(raw: Raw): { id: number; name: string; uscc: string; status: string; activeCases: number }[] {
  return raw
    .prepare(
      `SELECT i.id, i.name, i.uscc, i.status,
         (SELECT count(*) FROM negative_cases c WHERE c.institution_id = i.id AND c.state NOT IN (${FINAL_STATES.map((s) => `'${s}'`).join(',')})) AS activeCases
       FROM institutions i WHERE i.kind = 'private_school' ORDER BY i.id`,
    )
    .all() as { id: number; name: string; uscc: string; status: string; activeCases: number }[];
}
