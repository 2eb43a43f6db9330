// The latest grading of every subject, kept in memory per installation (core), so paging through
// subjects does not grade the city again. It stays valid while nothing is written: every change
// goes through Installation.write() with an audit entry, and the audit log is a hash chain, so its
// last entry (seq and hash) names the whole history — a restored backup cannot pass for the
// present. Grading runs themselves change no grade, so their entries are left out of the stamp.
import { CURRENT_RULES } from '../../../shared/domain/grading';
import type { Installation } from '../app/installation';
import { today } from '../clock';
import { gradeEverySubject, type Grading } from './everyone';

const latest = new WeakMap<Installation, { stamp: string; grading: Grading }>();

function stampOf(inst: Installation, day: string): string {
  const last = inst.open().raw.prepare("SELECT seq, hash FROM audit_log WHERE route <> 'grading.run' ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined;
  return `${last?.seq ?? 0}:${last?.hash ?? ''}:${day}:${CURRENT_RULES.version}`;
}

/** Grades every subject now, and keeps the result for the reads that follow. */
export function freshGrading(inst: Installation): Grading {
  const day = today(inst);
  const grading = gradeEverySubject(inst.open().raw, day);
  latest.set(inst, { stamp: stampOf(inst, day), grading });
  return grading;
}

/** The kept grading if nothing changed since it was made, else a new one. */
export function currentGrading(inst: Installation): Grading {
  const day = today(inst);
  const kept = latest.get(inst);
  if (kept && kept.stamp === stampOf(inst, day)) return kept.grading;
  return freshGrading(inst);
}
