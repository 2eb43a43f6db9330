// Health checks of an open installation (core, plain Node): the CLI's `doctor` runs them, and the
// UI can later show the same report. Each check reports data, not words, so every caller words it.
import type { Installation } from '../app/installation';
import type { DoctorCheck, DoctorReport } from '../../../shared/api/contract';
import { verifyAudit } from '../audit/log';
import { supportedSchemaVersion } from '../db/open';

/** Enough problems to point at the damage without flooding a terminal or a screen. */
const MAX_PROBLEMS = 100;

export type { DoctorCheck, DoctorReport } from '../../../shared/api/contract';
export type DoctorCheckId = DoctorCheck['id'];
type ForeignKeyViolation = Extract<DoctorCheck, { id: 'foreignKeys' }>['violations'][number];

function messageOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}

export function checkIntegrity(inst: Installation): DoctorCheck {
  try {
    const rows = inst.open().raw.pragma(`integrity_check(${MAX_PROBLEMS})`) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((line) => line !== 'ok');
    return { id: 'integrity', ok: problems.length === 0, problems };
  } catch (e) {
    return { id: 'integrity', ok: false, problems: [], error: messageOf(e) };
  }
}

export function checkForeignKeys(inst: Installation): DoctorCheck {
  try {
    const violations: ForeignKeyViolation[] = [];
    for (const row of inst.open().raw.prepare('PRAGMA foreign_key_check').iterate() as IterableIterator<ForeignKeyViolation>) {
      violations.push({ table: row.table, rowid: row.rowid, parent: row.parent });
      if (violations.length >= MAX_PROBLEMS) break;
    }
    return { id: 'foreignKeys', ok: violations.length === 0, violations };
  } catch (e) {
    return { id: 'foreignKeys', ok: false, violations: [], error: messageOf(e) };
  }
}

export function checkAuditChain(inst: Installation): DoctorCheck {
  try {
    const { last: _last, ...result } = verifyAudit(inst.open().raw);
    return { id: 'auditChain', ...result };
  } catch (e) {
    return { id: 'auditChain', ok: false, checked: 0, firstBrokenSeq: null, reason: null, error: messageOf(e) };
  }
}

/** Opening migrates an older file, so a mismatch here means the file changed under us. */
export function checkSchemaVersion(inst: Installation): DoctorCheck {
  const supported = supportedSchemaVersion();
  try {
    const found = inst.open().raw.pragma('user_version', { simple: true }) as number;
    return { id: 'schemaVersion', ok: found === supported, found, supported };
  } catch (e) {
    return { id: 'schemaVersion', ok: false, found: null, supported, error: messageOf(e) };
  }
}

/** Runs every check, even after one fails, so one report shows all the damage. */
export function runDoctor(inst: Installation): DoctorReport {
  const checks = [checkIntegrity(inst), checkForeignKeys(inst), checkAuditChain(inst), checkSchemaVersion(inst)];
  return { ok: checks.every((c) => c.ok), checks };
}
