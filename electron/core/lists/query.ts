// Reading list entries (core): the entry view with its people's names and its case's number, the
// filtered list, and the published view the bureau's website column shows.
import { AppError } from '../../../shared/api/errors';
import type { ListEntryView, PublishedEntry } from '../../../shared/api/routes/lists';
import { inForce, type ListKind, type ListState, type SupervisedKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';

const SELECT = `SELECT e.id, e.list, e.subject_kind AS subjectKind, e.subject_key AS subjectKey, e.subject_name AS subjectName, e.origin, e.rule,
    e.case_id AS caseId, c.number AS caseNumber, e.reason, p.display_name AS proposedBy, e.proposed_at AS proposedAt, e.state,
    d.display_name AS decidedBy, e.decided_at AS decidedAt, e.decision_reason AS decisionReason, e.start_on AS startOn, e.end_on AS endOn,
    e.published, e.published_at AS publishedAt, e.ended_at AS endedAt, e.end_reason AS endReason
  FROM list_entries e
  JOIN users p ON p.id = e.proposed_by
  LEFT JOIN users d ON d.id = e.decided_by
  LEFT JOIN negative_cases c ON c.id = e.case_id`;

type Row = Omit<ListEntryView, 'published' | 'inForce'> & { published: number };

function toView(r: Row, today: string): ListEntryView {
  return { ...r, published: r.published === 1, inForce: inForce(r, today) };
}

export function getEntry(raw: Raw, id: number, today: string): ListEntryView {
  const r = raw.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  if (!r) throw new AppError('NOT_FOUND', undefined, `list entry ${id}`);
  return toView(r, today);
}

export interface EntryFilter {
  list?: ListKind | undefined;
  state?: ListState | undefined;
  subjectKind?: SupervisedKind | undefined;
  inForce?: boolean | undefined;
  published?: boolean | undefined;
  caseId?: number | undefined;
}

const IN_FORCE_SQL = `(e.state = 'approved' AND e.start_on <= @today AND e.end_on >= @today)`;

export function listEntries(raw: Raw, f: EntryFilter, today: string): ListEntryView[] {
  const where: string[] = [];
  if (f.list) where.push('e.list = @list');
  if (f.state) where.push('e.state = @state');
  if (f.subjectKind) where.push('e.subject_kind = @subjectKind');
  if (f.inForce !== undefined) where.push(f.inForce ? IN_FORCE_SQL : `NOT ${IN_FORCE_SQL}`);
  if (f.published !== undefined) where.push('e.published = @published');
  if (f.caseId !== undefined) where.push('e.case_id = @caseId');
  const rows = raw.prepare(`${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY e.id DESC`).all({
    today,
    list: f.list ?? null,
    state: f.state ?? null,
    subjectKind: f.subjectKind ?? null,
    published: f.published === undefined ? null : f.published ? 1 : 0,
    caseId: f.caseId ?? null,
  }) as Row[];
  return rows.map((r) => toView(r, today));
}

/** Entries of one subject, of these lists, that are proposed or approved and not yet over. */
export function pendingOrCurrent(raw: Raw, subjectKind: SupervisedKind, subjectKey: string, lists: readonly ListKind[], today: string): { id: number; list: ListKind; state: ListState }[] {
  if (lists.length === 0) return [];
  return raw
    .prepare(
      `SELECT id, list, state FROM list_entries WHERE subject_kind = ? AND subject_key = ? AND list IN (${lists.map(() => '?').join(',')})
       AND (state = 'proposed' OR (state = 'approved' AND end_on >= ?)) ORDER BY id`,
    )
    .all(subjectKind, subjectKey, ...lists, today) as { id: number; list: ListKind; state: ListState }[];
}

/**
 * The published entries in force: the subject's name and, for an institution, its USCC (a public
 * identifier); for a person, the institution they work at. Nothing else about a person leaves.
 */
export function publishedEntries(raw: Raw, today: string): PublishedEntry[] {
  return raw
    .prepare(
      `SELECT e.list, e.subject_kind AS subjectKind, e.subject_name AS name,
         CASE e.subject_kind WHEN 'institution' THEN i.uscc WHEN 'practitioner' THEN pi.uscc ELSE substr(e.subject_key, 1, instr(e.subject_key, '/') - 1) END AS uscc,
         CASE e.subject_kind WHEN 'practitioner' THEN pi.name WHEN 'teacher' THEN ti.name ELSE NULL END AS organisation,
         e.reason, e.start_on AS startOn, e.end_on AS endOn, e.published_at AS publishedAt
       FROM list_entries e
       LEFT JOIN institutions i ON e.subject_kind = 'institution' AND i.id = CAST(e.subject_key AS INTEGER)
       LEFT JOIN practitioners pr ON e.subject_kind = 'practitioner' AND pr.id = CAST(e.subject_key AS INTEGER)
       LEFT JOIN institutions pi ON pi.id = pr.institution_id
       LEFT JOIN institutions ti ON e.subject_kind = 'teacher' AND ti.uscc = substr(e.subject_key, 1, instr(e.subject_key, '/') - 1)
       WHERE e.published = 1 AND ${IN_FORCE_SQL}
       ORDER BY e.list, e.published_at DESC, e.id DESC`,
    )
    .all({ today }) as PublishedEntry[];
}
