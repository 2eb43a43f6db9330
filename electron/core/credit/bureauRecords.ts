// Records the bureau's own work puts in a credit file (core): a penalty, a negative-list case, an
// inspection's result, a practitioner's conduct. The caller names the catalogue item by code; the
// record is a plain credit record (never updated) whose source says which decision made it.
import { AppError } from '../../../shared/api/errors';
import { expiresOn } from '../../../shared/domain/creditRules';
import type { SubjectKind } from '../../../shared/domain/catalogue';
import type { Installation } from '../app/installation';
import { currentVersion, itemByCode } from '../catalogue/service';

export type BureauSubject = Extract<SubjectKind, 'public_school' | 'private_school' | 'training' | 'practitioner'>;

export interface BureauRecordInput {
  subjectKind: BureauSubject;
  subjectId: number;
  /** A catalogue item code of the current version (I-PN2, I-INS1, P-V01, …). */
  code: string;
  occurredOn: string;
  description: string;
  authorId: number;
  /** What made the record: `penalty:12`, `case:3`, `inspection:40`, or `manual`. */
  source: string;
}

/** Inserts the record and returns its id. Runs inside the caller's transaction. */
export function addBureauRecord(inst: Installation, r: BureauRecordInput): number {
  const raw = inst.open().raw;
  const item = itemByCode(raw, currentVersion(raw), r.code);
  if (!item) throw new AppError('NOT_FOUND', undefined, `catalogue item ${r.code}`);
  if (!item.subjectKinds.includes(r.subjectKind)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'itemId', message: 'itemSubject' }]);
  return Number(
    raw
      .prepare(
        `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at, source)
         VALUES (?, ?, ?, ?, ?, ?, 'original', NULL, ?, ?, ?)`,
      )
      .run(r.subjectKind, r.subjectId, item.id, r.occurredOn, expiresOn(r.occurredOn, item.disclosureMonths), r.description, r.authorId, inst.clock.now().toISOString(), r.source)
      .lastInsertRowid,
  );
}
