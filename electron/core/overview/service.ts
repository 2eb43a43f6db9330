// The bureau's supervision overview (core): every figure is one SQL count over the supervision
// tables, and institutions are graded live (a few hundred: cheap), so the dashboard never shows a
// number that the lists and registry pages would contradict.
import dayjs from 'dayjs';
import type { RouteOutput } from '../../../shared/api/contract';
import { GRADES, type Grade } from '../../../shared/domain/creditRules';
import { INSTITUTION_KINDS, LIST_KINDS } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';

type Overview = RouteOutput<'overview.bureau'>;

/** How far ahead the dashboard looks for deadlines. */
const LOOKAHEAD_DAYS = 7;

function count(raw: Raw, sql: string, ...params: unknown[]): number {
  return (raw.prepare(sql).get(...params) as { n: number }).n;
}

function gradesByKind(raw: Raw, today: string): Overview['grades'] {
  const rows = INSTITUTION_KINDS.map((kind) => ({ kind, A: 0, B: 0, C: 0, D: 0 }));
  for (const g of gradeInstitutions(raw, today).values()) {
    const row = rows.find((r) => r.kind === g.kind);
    if (row) row[g.grade] += 1;
  }
  return rows;
}

function lists(raw: Raw, today: string): Overview['lists'] {
  return LIST_KINDS.map((list) => ({
    list,
    inForce: count(raw, "SELECT count(*) AS n FROM list_entries WHERE list = ? AND state = 'approved' AND start_on <= ? AND end_on >= ?", list, today, today),
    proposed: count(raw, "SELECT count(*) AS n FROM list_entries WHERE list = ? AND state = 'proposed'", list),
  }));
}

function lastRun(raw: Raw): Overview['lastRun'] {
  const row = raw.prepare('SELECT at, counts FROM grading_runs ORDER BY id DESC LIMIT 1').get() as { at: string; counts: string } | undefined;
  if (!row) return null;
  const parsed = JSON.parse(row.counts) as Record<string, Partial<Record<Grade, number>>>;
  const counts: Record<string, Record<Grade, number>> = {};
  for (const [kind, byGrade] of Object.entries(parsed)) counts[kind] = Object.fromEntries(GRADES.map((g) => [g, byGrade[g] ?? 0])) as Record<Grade, number>;
  return { at: row.at, counts };
}

function trend(raw: Raw, today: string): Overview['trend'] {
  const first = dayjs(today).startOf('month').subtract(11, 'month');
  const months = Array.from({ length: 12 }, (_, i) => first.add(i, 'month').format('YYYY-MM'));
  const from = `${months[0]}-01`;
  const monthly = (sql: string): Map<string, number> =>
    new Map((raw.prepare(sql).all(from) as { month: string; n: number }[]).map((r) => [r.month, r.n]));
  const cases = monthly('SELECT substr(opened_on, 1, 7) AS month, count(*) AS n FROM negative_cases WHERE opened_on >= ? GROUP BY 1');
  const penalties = monthly("SELECT substr(decided_on, 1, 7) AS month, count(*) AS n FROM enforcement_decisions WHERE kind = 'penalty' AND supersedes_id IS NULL AND decided_on >= ? GROUP BY 1");
  const inspections = monthly("SELECT substr(done_on, 1, 7) AS month, count(*) AS n FROM inspections WHERE state = 'done' AND done_on >= ? GROUP BY 1");
  const listed = monthly("SELECT substr(start_on, 1, 7) AS month, count(*) AS n FROM list_entries WHERE state IN ('approved', 'ended') AND decided_at IS NOT NULL AND start_on >= ? GROUP BY 1");
  return months.map((month) => ({ month, cases: cases.get(month) ?? 0, penalties: penalties.get(month) ?? 0, inspections: inspections.get(month) ?? 0, listed: listed.get(month) ?? 0 }));
}

function deadlines(raw: Raw, today: string): Overview['deadlines'] {
  const until = dayjs(today).add(LOOKAHEAD_DAYS, 'day').format('YYYY-MM-DD');
  type Row = { dueOn: string; institutionId: number | null; subject: string; what: string };
  const pick = (kind: Overview['deadlines'][number]['kind'], rows: Row[]): Overview['deadlines'] => rows.map((r) => ({ kind, ...r, overdue: r.dueOn < today }));
  const notices = raw
    .prepare(
      `SELECT c.notice_deadline AS dueOn, c.institution_id AS institutionId, i.name AS subject, c.notice_number AS what
       FROM negative_cases c JOIN institutions i ON i.id = c.institution_id
       WHERE c.state = 'notice_issued' AND c.notice_deadline <= ?`,
    )
    .all(until) as Row[];
  const inspections = raw
    .prepare(
      `SELECT s.due_on AS dueOn, s.institution_id AS institutionId, i.name AS subject, coalesce(p.title, '') AS what
       FROM inspections s JOIN institutions i ON i.id = s.institution_id LEFT JOIN inspection_plans p ON p.id = s.plan_id
       WHERE s.state = 'planned' AND s.due_on <= ?`,
    )
    .all(until) as Row[];
  // A list entry ending soon: someone decides whether it ends or is renewed. Not overdue once past.
  const listEnds = raw
    .prepare(
      `SELECT e.end_on AS dueOn, CASE WHEN e.subject_kind = 'institution' THEN CAST(e.subject_key AS INTEGER) END AS institutionId, e.subject_name AS subject, e.list AS what
       FROM list_entries e WHERE e.state = 'approved' AND e.end_on >= ? AND e.end_on <= ?`,
    )
    .all(today, until) as Row[];
  const licences = raw
    .prepare(
      `SELECT licence_valid_until AS dueOn, id AS institutionId, name AS subject, licence_no AS what
       FROM institutions WHERE status = 'active' AND licence_valid_until IS NOT NULL AND licence_valid_until >= ? AND licence_valid_until <= ?`,
    )
    .all(today, until) as Row[];
  return [...pick('notice', notices), ...pick('inspection', inspections), ...pick('listEnd', listEnds), ...pick('licence', licences)].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.kind.localeCompare(b.kind) || a.subject.localeCompare(b.subject),
  );
}

export function bureauOverview(raw: Raw, today: string): Overview {
  const caseCounts = Object.fromEntries((raw.prepare('SELECT state, count(*) AS n FROM negative_cases GROUP BY state').all() as { state: string; n: number }[]).map((r) => [r.state, r.n]));
  const year = today.slice(0, 4);
  return {
    today,
    grades: gradesByKind(raw, today),
    lists: lists(raw, today),
    cases: caseCounts,
    inspections: {
      planned: count(raw, "SELECT count(*) AS n FROM inspections WHERE state = 'planned'"),
      overdue: count(raw, "SELECT count(*) AS n FROM inspections WHERE state = 'planned' AND due_on < ?", today),
      doneThisYear: count(raw, "SELECT count(*) AS n FROM inspections WHERE state = 'done' AND substr(done_on, 1, 4) = ?", year),
    },
    lastRun: lastRun(raw),
    trend: trend(raw, today),
    deadlines: deadlines(raw, today),
  };
}
