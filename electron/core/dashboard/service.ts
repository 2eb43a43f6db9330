// Dashboard and `stats` counts (core): real numbers from the store, for the UI and the CLI.
import type { Installation } from '../app/installation';

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
