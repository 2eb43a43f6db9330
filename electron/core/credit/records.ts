// Credit records (core): entering, amending, revoking, repairing, and objections. A record is
// never updated: each change is a new row or a row in objections/repairs, audited by the caller.
import { AppError } from '../../../shared/api/errors';
import type { RecordView } from '../../../shared/api/routes/credit';
import { COUNTING, expiresOn } from '../../../shared/domain/creditRules';
import type { Installation } from '../app/installation';
import { getItem, currentVersion } from '../catalogue/service';
import { today as todayOf } from '../clock';
import { putEvidence } from '../evidence/store';
import { getStudent } from '../registry/students';
import { getTeacher } from '../registry/teachers';
import { getRecord } from './query';

export type RecordSubject = 'teacher' | 'student';

export interface EvidenceIn {
  fileName: string;
  dataBase64: string;
}

export function mustGetRecord(inst: Installation, id: number): RecordView {
  const r = getRecord(inst.open().raw, id, todayOf(inst));
  if (!r) throw new AppError('NOT_FOUND', undefined, `record ${id}`);
  return r;
}

function assertSubject(inst: Installation, kind: RecordSubject, id: number): void {
  if (kind === 'teacher') getTeacher(inst.open().raw, id);
  else getStudent(inst.open().raw, id);
}

/** The item must be of the current catalogue and fit the subject (a student item for a student). */
function usableItem(inst: Installation, itemId: number, subjectKind: RecordSubject, keepItemId?: number): ReturnType<typeof getItem> {
  const raw = inst.open().raw;
  const item = getItem(raw, itemId);
  if (itemId !== keepItemId && item.version !== currentVersion(raw)) {
    throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'itemId', message: 'catalogueOutdated' }]);
  }
  if (!item.subjectKinds.includes(subjectKind)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'itemId', message: 'itemSubject' }]);
  return item;
}

function assertDate(inst: Installation, occurredOn: string): void {
  if (occurredOn > todayOf(inst)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'occurredOn', message: 'dateInFuture' }]);
}

function insertRecord(
  inst: Installation,
  authorId: number,
  r: { subjectKind: RecordSubject; subjectId: number; itemId: number; disclosureMonths: number; occurredOn: string; description: string; kind: RecordView['kind']; supersedesId: number | null },
  evidence: EvidenceIn[],
): number {
  const raw = inst.open().raw;
  const id = Number(
    raw
      .prepare(
        `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(r.subjectKind, r.subjectId, r.itemId, r.occurredOn, expiresOn(r.occurredOn, r.disclosureMonths), r.description, r.kind, r.supersedesId, authorId, inst.clock.now().toISOString())
      .lastInsertRowid,
  );
  for (const file of evidence) {
    const stored = putEvidence(inst, file.fileName, file.dataBase64);
    raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(stored.sha256, stored.mime, stored.bytes);
    raw.prepare('INSERT OR IGNORE INTO record_evidence (record_id, sha256, file_name) VALUES (?, ?, ?)').run(id, stored.sha256, file.fileName);
  }
  return id;
}

export function createRecord(
  inst: Installation,
  authorId: number,
  input: { subjectKind: RecordSubject; subjectId: number; itemId: number; occurredOn: string; description: string; evidence: EvidenceIn[] },
): RecordView {
  assertSubject(inst, input.subjectKind, input.subjectId);
  const item = usableItem(inst, input.itemId, input.subjectKind);
  assertDate(inst, input.occurredOn);
  if (item.evidenceRequired && input.evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED');
  const id = insertRecord(inst, authorId, { ...input, disclosureMonths: item.disclosureMonths, kind: 'original', supersedesId: null }, input.evidence);
  return mustGetRecord(inst, id);
}

/** Only the newest link of a record's history, not yet repaired, can be amended or revoked. */
function assertChangeable(r: RecordView): void {
  if (r.kind === 'revocation' || r.supersededById !== null || r.repair !== null) throw new AppError('RECORD_NOT_CHANGEABLE');
}

export function amendRecord(
  inst: Installation,
  authorId: number,
  input: { recordId: number; itemId: number; occurredOn: string; description: string; evidence: EvidenceIn[] },
): RecordView {
  const old = mustGetRecord(inst, input.recordId);
  assertChangeable(old);
  const item = usableItem(inst, input.itemId, old.subjectKind, old.item.id);
  assertDate(inst, input.occurredOn);
  // Evidence already on the record carries over unless new files replace it.
  const evidence = input.evidence;
  if (item.evidenceRequired && evidence.length === 0 && old.evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED');
  const id = insertRecord(
    inst,
    authorId,
    { subjectKind: old.subjectKind, subjectId: old.subjectId, itemId: item.id, disclosureMonths: item.disclosureMonths, occurredOn: input.occurredOn, description: input.description, kind: 'amendment', supersedesId: old.id },
    evidence,
  );
  if (evidence.length === 0) {
    inst.open().raw.prepare('INSERT INTO record_evidence (record_id, sha256, file_name) SELECT ?, sha256, file_name FROM record_evidence WHERE record_id = ?').run(id, old.id);
  }
  return mustGetRecord(inst, id);
}

export function revokeRecord(inst: Installation, authorId: number, recordId: number, reason: string): RecordView {
  const old = mustGetRecord(inst, recordId);
  assertChangeable(old);
  const id = insertRecord(
    inst,
    authorId,
    { subjectKind: old.subjectKind, subjectId: old.subjectId, itemId: old.item.id, disclosureMonths: old.item.disclosureMonths, occurredOn: todayOf(inst), description: reason, kind: 'revocation', supersedesId: old.id },
    [],
  );
  return mustGetRecord(inst, id);
}

/** 信用修复, or 解除 for a releasable student sanction: the record stops counting from that day. */
export function repairRecord(inst: Installation, by: number, recordId: number, reason: string, effectiveOn: string): RecordView {
  const r = mustGetRecord(inst, recordId);
  if (r.item.polarity !== 'negative' || !COUNTING.includes(r.status) || r.supersededById !== null) throw new AppError('RECORD_NOT_CHANGEABLE');
  if (effectiveOn < r.occurredOn) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'effectiveOn', message: 'beforeRecord' }]);
  inst
    .open()
    .raw.prepare('INSERT INTO repairs (record_id, kind, reason, effective_on, by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(recordId, r.item.releasable ? 'release' : 'repair', reason, effectiveOn, by, inst.clock.now().toISOString());
  return mustGetRecord(inst, recordId);
}

/**
 * The teacher objects to a record of their own file, with evidence if they have some. A record in
 * the teacher's favour (守信) is nothing to object to.
 */
export function raiseObjection(inst: Installation, userId: number, ownTeacherId: number, recordId: number, reason: string, evidence: readonly EvidenceIn[]): RecordView {
  const r = mustGetRecord(inst, recordId);
  if (r.subjectKind !== 'teacher' || r.subjectId !== ownTeacherId) throw new AppError('FORBIDDEN', { route: 'objections.raise' });
  if (r.status !== 'active') throw new AppError('RECORD_NOT_CHANGEABLE');
  if (r.item.polarity === 'positive') throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'recordId', message: 'positiveRecord' }]);
  const raw = inst.open().raw;
  const id = Number(raw.prepare('INSERT INTO objections (record_id, raised_by, reason, raised_at) VALUES (?, ?, ?, ?)').run(recordId, userId, reason, inst.clock.now().toISOString()).lastInsertRowid);
  for (const file of evidence) {
    const stored = putEvidence(inst, file.fileName, file.dataBase64);
    raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(stored.sha256, stored.mime, stored.bytes);
    raw.prepare('INSERT OR IGNORE INTO objection_evidence (objection_id, sha256, file_name) VALUES (?, ?, ?)').run(id, stored.sha256, file.fileName);
  }
  return mustGetRecord(inst, recordId);
}

/** Upholding an objection revokes the record, with the decision as the reason. */
export function decideObjection(inst: Installation, by: number, objectionId: number, decision: 'upheld' | 'rejected', reason: string): RecordView {
  const raw = inst.open().raw;
  const o = raw.prepare('SELECT record_id AS recordId, decision FROM objections WHERE id = ?').get(objectionId) as { recordId: number; decision: string | null } | undefined;
  if (!o) throw new AppError('NOT_FOUND');
  if (o.decision !== null) throw new AppError('CONFLICT', { what: `#${objectionId}` });
  raw.prepare('UPDATE objections SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?').run(decision, reason, by, inst.clock.now().toISOString(), objectionId);
  if (decision === 'upheld') revokeRecord(inst, by, o.recordId, reason);
  return mustGetRecord(inst, o.recordId);
}
