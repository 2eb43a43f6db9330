// Grading runs (core): each run over every subject is kept with its counts by kind and grade and
// the time it took, for the trend charts and to show when the city was last graded.
import { gradeCounts, type GradingRunView } from '../../../shared/api/routes/grading';
import type { Raw } from '../db/open';
import type { Grading } from './everyone';

interface RunRow {
  id: number;
  rulesVersion: number;
  asOf: string;
  counts: string;
  ms: number;
  by: string;
  at: string;
}

function toView(r: RunRow): GradingRunView {
  const counts = gradeCounts.parse(JSON.parse(r.counts));
  const total = Object.values(counts).reduce((n, byGrade) => n + byGrade.A + byGrade.B + byGrade.C + byGrade.D, 0);
  return { ...r, counts, total };
}

const COLUMNS = 'id, rules_version AS rulesVersion, as_of AS asOf, counts, ms, by, at';

export function saveRun(raw: Raw, g: Grading, by: string, at: string): GradingRunView {
  const id = Number(
    raw.prepare('INSERT INTO grading_runs (rules_version, as_of, counts, ms, by, at) VALUES (?, ?, ?, ?, ?, ?)').run(g.rulesVersion, g.asOf, JSON.stringify(g.counts), g.ms, by, at)
      .lastInsertRowid,
  );
  return toView(raw.prepare(`SELECT ${COLUMNS} FROM grading_runs WHERE id = ?`).get(id) as RunRow);
}

/** The latest `limit` runs, oldest first (the order a chart reads them in). */
export function listRuns(raw: Raw, limit: number): GradingRunView[] {
  const rows = raw.prepare(`SELECT ${COLUMNS} FROM grading_runs ORDER BY id DESC LIMIT ?`).all(limit) as RunRow[];
  return rows.reverse().map(toView);
}
