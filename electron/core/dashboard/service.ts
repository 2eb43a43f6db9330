// Dashboard and `stats` counts (core): real numbers from the store, for the UI and the CLI.
import type { Installation } from '../app/installation';
import type { Session } from '../auth/sessions';

/** Table → count key. Later features add their tables here so the UI and `stats` see them. */
export const COUNTED = {
  teachers: 'teachers',
  students: 'students',
  classes: 'classes',
  institutions: 'institutions',
  records: 'credit_records',
  users: 'users',
  auditEntries: 'audit_log',
} as const;

function countOf(inst: Installation, sql: string): number {
  return (inst.open().raw.prepare(sql).get() as { n: number }).n;
}

/**
 * A school counts its own tables. A bureau keeps no teachers of its own: it counts the teachers
 * whose files its schools sent (received_rows) and the schools enrolled with it.
 */
export function counts(inst: Installation): Record<string, number> {
  if (inst.mode() === 'bureau') {
    return {
      schools: countOf(inst, "SELECT count(*) AS n FROM sync_partners WHERE mode = 'school'"),
      teachers: countOf(inst, "SELECT count(*) AS n FROM received_rows WHERE kind = 'teacher'"),
      institutions: countOf(inst, 'SELECT count(*) AS n FROM institutions'),
      records: countOf(inst, 'SELECT count(*) AS n FROM credit_records'),
      users: countOf(inst, 'SELECT count(*) AS n FROM users'),
      auditEntries: countOf(inst, 'SELECT count(*) AS n FROM audit_log'),
    };
  }
  const out: Record<string, number> = {};
  for (const [key, table] of Object.entries(COUNTED)) out[key] = countOf(inst, `SELECT count(*) AS n FROM ${table}`);
  return out;
}

/** A teacher's own numbers: the records in their file. */
export function ownCounts(inst: Installation, s: Session): Record<string, number> {
  const row = inst.open().raw.prepare('SELECT teacher_id AS teacherId FROM users WHERE id = ?').get(s.userId) as { teacherId: number | null } | undefined;
  const records = row?.teacherId
    ? (inst.open().raw.prepare("SELECT count(*) AS n FROM credit_records WHERE subject_kind = 'teacher' AND subject_id = ?").get(row.teacherId) as { n: number }).n
    : 0;
  return { records };
}
