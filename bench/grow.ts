// Grows a demo school's records for benchmarks (Node): copies of its own records, so the same
// students, teachers, items and dates, up to the number a figure needs.
import type { Raw } from '../electron/core/db/open';

export function growRecords(raw: Raw, target: number): void {
  const have = (raw.prepare('SELECT count(*) AS n FROM credit_records').get() as { n: number }).n;
  const copy = raw.prepare(
    `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at, source)
     SELECT subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, NULL, author_id, created_at, source
     FROM credit_records WHERE supersedes_id IS NULL AND kind = 'original' ORDER BY id LIMIT ?`,
  );
  raw.transaction(() => {
    for (let n = have; n < target; ) n += copy.run(Math.min(target - n, have)).changes;
  })();
}
