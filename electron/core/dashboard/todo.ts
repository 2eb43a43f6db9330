// What a school office has to do next (core), for the 工作台: objections to decide, reports to be
// signed or made again, how long since the last backup (and whether it sits on the data's own
// disk), how long since a bundle went to the bureau, and, for a school just set up, the first steps.
// Each part goes to the roles who act on it; the others get null.
import { existsSync, statSync } from 'node:fs';
import type { Role } from '../../../shared/domain/roles';
import type { Installation } from '../app/installation';
import { listBackups } from '../backup/service';
import { readSettings } from '../settings/service';

export interface Todo {
  pendingObjections: number | null;
  reports: { unconfirmed: number; superseded: number } | null;
  backup: { lastAt: string | null; sameDisk: boolean } | null;
  bundles: { partners: number; lastAt: string | null } | null;
  firstSteps: { teachers: number; teachersWithoutAccount: number; partners: number } | null;
  mine: { reportToConfirm: { id: number; year: number } | null; openObjections: number } | null;
}

function count(inst: Installation, sql: string): number {
  return (inst.open().raw.prepare(sql).get() as { n: number }).n;
}

/** Each teacher's newest report: still to be signed, or overtaken by a later change to the file. */
function reportStates(inst: Installation): { unconfirmed: number; superseded: number } {
  const rows = inst
    .open()
    .raw.prepare(
      `SELECT r.file_audit_seq AS seq, EXISTS (SELECT 1 FROM confirmations c WHERE c.report_id = r.id) AS confirmed,
       (SELECT max(a.seq) FROM audit_log a WHERE a.subject = 'teacher:' || r.teacher_id AND a.route NOT LIKE 'reports.%') AS fileSeq
       FROM reports r WHERE r.id = (SELECT max(id) FROM reports n WHERE n.teacher_id = r.teacher_id)`,
    )
    .all() as { seq: number; confirmed: number; fileSeq: number | null }[];
  let unconfirmed = 0;
  let superseded = 0;
  for (const r of rows) {
    if ((r.fileSeq ?? 0) > r.seq) superseded += 1;
    else if (!r.confirmed) unconfirmed += 1;
  }
  return { unconfirmed, superseded };
}

/** A backup on the data's own disk is lost with it: the same device, or a folder not there yet. */
function onSameDisk(dataDir: string, backupDir: string): boolean {
  if (!existsSync(backupDir)) return true;
  return statSync(dataDir).dev === statSync(backupDir).dev;
}

/** A teacher's own to-do: their newest report while it waits for their signature, their open objections. */
function teacherTodo(inst: Installation, teacherId: number): NonNullable<Todo['mine']> {
  const raw = inst.open().raw;
  const newest = raw
    .prepare(
      `SELECT r.id, r.year, r.file_audit_seq AS seq, EXISTS (SELECT 1 FROM confirmations c WHERE c.report_id = r.id) AS confirmed,
       (SELECT max(a.seq) FROM audit_log a WHERE a.subject = 'teacher:' || r.teacher_id AND a.route NOT LIKE 'reports.%') AS fileSeq
       FROM reports r WHERE r.teacher_id = ? ORDER BY r.id DESC LIMIT 1`,
    )
    .get(teacherId) as { id: number; year: number; seq: number; confirmed: number; fileSeq: number | null } | undefined;
  // A report overtaken by a later change is not to be signed: the school makes a new one.
  const waiting = newest && !newest.confirmed && (newest.fileSeq ?? 0) <= newest.seq ? { id: newest.id, year: newest.year } : null;
  const openObjections = raw
    .prepare("SELECT count(*) FROM objections o JOIN credit_records r ON r.id = o.record_id WHERE o.decision IS NULL AND r.subject_kind = 'teacher' AND r.subject_id = ?")
    .pluck()
    .get(teacherId) as number;
  return { reportToConfirm: waiting, openObjections };
}

export function schoolTodo(inst: Installation, role: Role, teacherId: number | null): Todo {
  const admin = role === 'school_admin';
  const staff = admin || role === 'records_clerk';
  const settings = readSettings(inst);
  const partners = count(inst, 'SELECT count(*) AS n FROM sync_partners');
  return {
    pendingObjections: admin || role === 'auditor' ? count(inst, 'SELECT count(DISTINCT record_id) AS n FROM objections WHERE decision IS NULL') : null,
    reports: staff ? reportStates(inst) : null,
    backup: admin ? { lastAt: listBackups(settings.backupDir)[0]?.createdAt ?? null, sameDisk: onSameDisk(inst.dataDir, settings.backupDir) } : null,
    bundles: admin ? { partners, lastAt: (inst.open().raw.prepare('SELECT max(created_at) AS at FROM sync_outbox').get() as { at: string | null }).at } : null,
    firstSteps: admin
      ? { teachers: count(inst, 'SELECT count(*) AS n FROM teachers'), teachersWithoutAccount: count(inst, "SELECT count(*) AS n FROM teachers t WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.teacher_id = t.id)"), partners }
      : null,
    mine: role === 'teacher' && teacherId !== null ? teacherTodo(inst, teacherId) : null,
  };
}
