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

export function counts(inst: Installation): Record<keyof typeof COUNTED, number> {
  const { raw } = inst.open();
  const out = {} as Record<keyof typeof COUNTED, number>;
  for (const [key, table] of Object.entries(COUNTED) as [keyof typeof COUNTED, string][]) {
    out[key] = (raw.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
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
