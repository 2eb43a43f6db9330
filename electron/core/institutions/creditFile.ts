// Credit files of the bureau's own subjects (core): an institution's or a practitioner's records,
// each with its status worked out in SQL exactly as credit/query.ts does, their grade under the
// current rules, and records added by hand (with evidence where the catalogue item needs it).
import { AppError } from '../../../shared/api/errors';
import type { BureauRecordView } from '../../../shared/api/routes/institutions';
import { contribution, expiresOn, type RecordStatus } from '../../../shared/domain/creditRules';
import { gradeSubject, type GradedRecord, type SubjectGrade } from '../../../shared/domain/grading';
import type { ListKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import { currentVersion, itemByCode } from '../catalogue/service';
import { today } from '../clock';
import { addBureauRecord, type BureauSubject } from '../credit/bureauRecords';
import { STATUS_SQL } from '../credit/query';
import type { Raw } from '../db/open';
import { putEvidence } from '../evidence/store';
import { listsInForce } from '../grading/institutions';

/** Institution records carry the institution's kind; one file whatever kind it had when a record was made. */
export const INSTITUTION_SUBJECT_KINDS = "('public_school', 'private_school', 'training')";

const COLUMNS = `r.id, i.code, i.name_zh AS nameZh, i.name_en AS nameEn, i.info_class AS infoClass, i.polarity, i.points,
  r.occurred_on AS occurredOn, r.expires_on AS expiresOn, r.description, r.kind, r.supersedes_id AS supersedesId,
  s.id AS supersededById, ${STATUS_SQL} AS status, r.source, u.display_name AS authorName, r.created_at AS createdAt`;

const FROM = `FROM credit_records r
  JOIN catalogue_items i ON i.id = r.item_id
  LEFT JOIN credit_records s ON s.supersedes_id = r.id
  LEFT JOIN repairs rp ON rp.record_id = r.id
  LEFT JOIN objections o ON o.id = (SELECT max(id) FROM objections WHERE record_id = r.id)
  JOIN users u ON u.id = r.author_id`;

type Row = Omit<BureauRecordView, 'contribution' | 'evidence'>;

function toViews(raw: Raw, rows: Row[]): BureauRecordView[] {
  if (rows.length === 0) return [];
  const ev = raw
    .prepare(`SELECT record_id AS recordId, sha256, file_name AS fileName FROM record_evidence WHERE record_id IN (${rows.map(() => '?').join(',')}) ORDER BY rowid`)
    .all(...rows.map((r) => r.id)) as { recordId: number; sha256: string; fileName: string }[];
  return rows.map((r) => ({
    ...r,
    contribution: r.kind === 'revocation' ? 0 : contribution(r.status, r.points, r.polarity).points,
    evidence: ev.filter((e) => e.recordId === r.id).map(({ sha256, fileName }) => ({ sha256, fileName })),
  }));
}

/** Every record of one subject, newest first. */
export function subjectRecords(raw: Raw, subject: 'institution' | 'practitioner', subjectId: number, todayIso: string): BureauRecordView[] {
  const kinds = subject === 'institution' ? `r.subject_kind IN ${INSTITUTION_SUBJECT_KINDS}` : "r.subject_kind = 'practitioner'";
  const rows = raw.prepare(`SELECT ${COLUMNS} ${FROM} WHERE ${kinds} AND r.subject_id = @id ORDER BY r.occurred_on DESC, r.id DESC`).all({ id: subjectId, today: todayIso }) as Row[];
  return toViews(raw, rows);
}

export function recordById(raw: Raw, id: number, todayIso: string): BureauRecordView {
  const row = raw.prepare(`SELECT ${COLUMNS} ${FROM} WHERE r.id = @id`).get({ id, today: todayIso }) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `record ${id}`);
  return toViews(raw, [row])[0]!;
}

/** The grade of a set of records (revocation rows aside: they only mark what they revoke). */
export function gradeOf(records: readonly { id: number; code: string; status: RecordStatus; points: number; kind: string }[], lists: readonly ListKind[]): SubjectGrade {
  const graded: GradedRecord[] = [...records]
    .filter((r) => r.kind !== 'revocation')
    .sort((a, b) => a.id - b.id)
    .map((r) => ({ id: r.id, code: r.code, status: r.status, points: r.points }));
  return gradeSubject(graded, lists);
}

/** Practitioners' grades, by id, from their records and the lists they are on today. */
export function gradePractitioners(raw: Raw, ids: readonly number[], todayIso: string): Map<number, SubjectGrade & { lists: ListKind[] }> {
  const out = new Map<number, SubjectGrade & { lists: ListKind[] }>();
  if (ids.length === 0) return out;
  const rows = raw
    .prepare(
      `SELECT r.id, r.subject_id AS subjectId, i.code, i.points, r.kind, ${STATUS_SQL} AS status ${FROM}
       WHERE r.subject_kind = 'practitioner' AND r.subject_id IN (${ids.map(() => '?').join(',')})`,
    )
    .all({ today: todayIso }, ...ids) as { id: number; subjectId: number; code: string; points: number; kind: string; status: RecordStatus }[];
  const lists = listsInForce(raw, 'practitioner', todayIso);
  for (const pid of ids) {
    const onLists = lists.get(String(pid)) ?? [];
    out.set(pid, { ...gradeOf(rows.filter((r) => r.subjectId === pid), onLists), lists: onLists });
  }
  return out;
}

export interface ManualRecord {
  subjectKind: BureauSubject;
  subjectId: number;
  code: string;
  occurredOn: string;
  description: string;
  authorId: number;
  evidence: { fileName: string; dataBase64: string }[];
}

/** A record a person adds by hand: not in the future, with evidence when the item asks for it. */
export function addManualRecord(inst: Installation, r: ManualRecord): number {
  const raw = inst.open().raw;
  if (r.occurredOn > today(inst)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'occurredOn', message: 'dateInFuture' }]);
  const item = itemByCode(raw, currentVersion(raw), r.code);
  if (item?.evidenceRequired && r.evidence.length === 0) throw new AppError('EVIDENCE_REQUIRED');
  const id = addBureauRecord(inst, { subjectKind: r.subjectKind, subjectId: r.subjectId, code: r.code, occurredOn: r.occurredOn, description: r.description, authorId: r.authorId, source: 'manual' });
  for (const file of r.evidence) {
    const stored = putEvidence(inst, file.fileName, file.dataBase64);
    raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(stored.sha256, stored.mime, stored.bytes);
    raw.prepare('INSERT OR IGNORE INTO record_evidence (record_id, sha256, file_name) VALUES (?, ?, ?)').run(id, stored.sha256, file.fileName);
  }
  return id;
}

/**
 * A decision's correction amends the record the old decision made: the amendment row supersedes
 * it (so the old one shows as amended and stops counting) and carries the new item and date.
 */
export function amendBureauRecord(inst: Installation, oldRecordId: number, r: { code: string; occurredOn: string; description: string; authorId: number; source: string }): number {
  const raw = inst.open().raw;
  const old = raw.prepare('SELECT r.subject_kind AS subjectKind, r.subject_id AS subjectId, (SELECT id FROM credit_records s WHERE s.supersedes_id = r.id) AS supersededBy FROM credit_records r WHERE r.id = ?').get(oldRecordId) as
    | { subjectKind: string; subjectId: number; supersededBy: number | null }
    | undefined;
  if (!old) throw new AppError('NOT_FOUND', undefined, `record ${oldRecordId}`);
  if (old.supersededBy !== null) throw new AppError('RECORD_NOT_CHANGEABLE');
  const item = itemByCode(raw, currentVersion(raw), r.code);
  if (!item) throw new AppError('NOT_FOUND', undefined, `catalogue item ${r.code}`);
  return Number(
    raw
      .prepare(
        `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at, source)
         VALUES (?, ?, ?, ?, ?, ?, 'amendment', ?, ?, ?, ?)`,
      )
      .run(old.subjectKind, old.subjectId, item.id, r.occurredOn, expiresOn(r.occurredOn, item.disclosureMonths), r.description, oldRecordId, r.authorId, inst.clock.now().toISOString(), r.source).lastInsertRowid,
  );
}
