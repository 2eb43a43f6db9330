// 行政许可 and 行政处罚 (core), in the fields of the national 双公示 data (shared/domain/doublePublicity.ts).
// A penalty puts an I-PN* record in the institution's credit file; a licence puts I-L01 there and
// becomes the registry's 办学许可证. A correction is a new decision that supersedes the old one and
// amends the old one's record in the open: the old decision and record stay, shown as superseded.
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { LicenceView, PenaltyView } from '../../../shared/api/routes/institutions';
import { licenceFields, penaltyFields, penaltyItemCode, type DecisionKind, type licenceInput, type penaltyInput } from '../../../shared/domain/doublePublicity';
import { checkUscc } from '../../../shared/domain/uscc';
import type { Installation } from '../app/installation';
import { today } from '../clock';
import { addBureauRecord } from '../credit/bureauRecords';
import type { Raw } from '../db/open';
import { amendBureauRecord } from './creditFile';
import { institutionBrief } from './registry';

export type LicenceInput = z.output<typeof licenceInput>;
export type PenaltyInput = z.output<typeof penaltyInput>;

interface Row {
  id: number;
  kind: DecisionKind;
  institutionId: number;
  institutionName: string;
  docNo: string;
  decidedOn: string;
  validFrom: string | null;
  validUntil: string | null;
  content: string;
  authority: string;
  authorityUscc: string;
  fields: string;
  recordId: number | null;
  supersedesId: number | null;
  supersededById: number | null;
  createdByName: string;
  createdAt: string;
}

/** What the stored JSON holds beside the kind's own fields: the subject and source as they stood, and why a correction was made. */
interface Snapshot {
  subject: { name: string; uscc: string; legalRep: string };
  source: { name: string; uscc: string };
  correctionReason?: string;
}

const SELECT = `SELECT d.id, d.kind, d.institution_id AS institutionId, n.name AS institutionName, d.doc_no AS docNo, d.decided_on AS decidedOn,
  d.valid_from AS validFrom, d.valid_until AS validUntil, d.content, d.authority, d.authority_uscc AS authorityUscc, d.fields,
  d.record_id AS recordId, d.supersedes_id AS supersedesId, s.id AS supersededById, u.display_name AS createdByName, d.created_at AS createdAt
  FROM enforcement_decisions d JOIN institutions n ON n.id = d.institution_id
  LEFT JOIN enforcement_decisions s ON s.supersedes_id = d.id JOIN users u ON u.id = d.created_by`;

function common(row: Row, snap: Snapshot): Omit<LicenceView, 'kind' | 'validFrom' | 'fields'> {
  return {
    id: row.id,
    institutionId: row.institutionId,
    institutionName: row.institutionName,
    docNo: row.docNo,
    decidedOn: row.decidedOn,
    validUntil: row.validUntil ?? '',
    content: row.content,
    authority: row.authority,
    authorityUscc: row.authorityUscc,
    subject: snap.subject,
    source: snap.source,
    recordId: row.recordId,
    supersedesId: row.supersedesId,
    supersededById: row.supersededById,
    correctionReason: snap.correctionReason ?? null,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
  };
}

function toLicence(row: Row): LicenceView {
  const stored = JSON.parse(row.fields) as Snapshot & Record<string, unknown>;
  return { ...common(row, stored), kind: 'licence', validFrom: row.validFrom ?? '', fields: licenceFields.parse(stored) };
}

function toPenalty(row: Row): PenaltyView {
  const stored = JSON.parse(row.fields) as Snapshot & Record<string, unknown>;
  return { ...common(row, stored), kind: 'penalty', fields: penaltyFields.parse(stored) };
}

function rowOf(raw: Raw, id: number, kind: DecisionKind): Row {
  const row = raw.prepare(`${SELECT} WHERE d.id = ? AND d.kind = ?`).get(id, kind) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `${kind} ${id}`);
  return row;
}

export function getLicence(raw: Raw, id: number): LicenceView {
  return toLicence(rowOf(raw, id, 'licence'));
}

export function getPenalty(raw: Raw, id: number): PenaltyView {
  return toPenalty(rowOf(raw, id, 'penalty'));
}

function listRows(raw: Raw, kind: DecisionKind, institutionId: number | undefined, includeSuperseded: boolean): Row[] {
  const where = ['d.kind = @kind'];
  if (institutionId !== undefined) where.push('d.institution_id = @institutionId');
  if (!includeSuperseded) where.push('s.id IS NULL');
  return raw.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY d.decided_on DESC, d.id DESC`).all({ kind, ...(institutionId !== undefined ? { institutionId } : {}) }) as Row[];
}

export function listLicences(raw: Raw, institutionId: number | undefined, includeSuperseded = true): LicenceView[] {
  return listRows(raw, 'licence', institutionId, includeSuperseded).map(toLicence);
}

export function listPenalties(raw: Raw, institutionId: number | undefined, includeSuperseded = true): PenaltyView[] {
  return listRows(raw, 'penalty', institutionId, includeSuperseded).map(toPenalty);
}

function bureau(raw: Raw): { name: string; uscc: string } {
  const rows = raw.prepare("SELECT key, value FROM meta WHERE key IN ('orgName', 'uscc')").all() as { key: string; value: string }[];
  return { name: rows.find((r) => r.key === 'orgName')?.value ?? '', uscc: rows.find((r) => r.key === 'uscc')?.value ?? '' };
}

function checkCommon(input: { decidedOn: string; authorityUscc: string }, todayIso: string): string {
  if (input.decidedOn > todayIso) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'decidedOn', message: 'dateInFuture' }]);
  const uscc = checkUscc(input.authorityUscc);
  if (!uscc.ok) throw new AppError('INVALID_USCC', { ...uscc.problem });
  return uscc.value;
}

function insert(
  inst: Installation,
  kind: DecisionKind,
  institutionId: number,
  d: { docNo: string; decidedOn: string; validFrom: string | null; validUntil: string; content: string; authority: string; authorityUscc: string },
  fields: Record<string, unknown>,
  supersedesId: number | null,
  by: number,
): number {
  const raw = inst.open().raw;
  return Number(
    raw
      .prepare(
        `INSERT INTO enforcement_decisions (kind, institution_id, doc_no, decided_on, valid_from, valid_until, content, authority, authority_uscc, fields, record_id, supersedes_id, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
      )
      .run(kind, institutionId, d.docNo, d.decidedOn, d.validFrom, d.validUntil, d.content, d.authority, d.authorityUscc, JSON.stringify(fields), supersedesId, by, inst.clock.now().toISOString())
      .lastInsertRowid,
  );
}

/** A document number names one decision: a second current decision with the same number is a mistake. */
function assertDocNoFree(raw: Raw, kind: DecisionKind, docNo: string, exceptId: number): void {
  const other = raw
    .prepare('SELECT d.id FROM enforcement_decisions d WHERE d.kind = ? AND d.doc_no = ? AND d.id <> ? AND NOT EXISTS (SELECT 1 FROM enforcement_decisions s WHERE s.supersedes_id = d.id)')
    .get(kind, docNo, exceptId) as { id: number } | undefined;
  if (other) throw new AppError('CONFLICT', { what: docNo });
}

function assertCurrent(row: Row): void {
  if (row.supersededById !== null) throw new AppError('RECORD_NOT_CHANGEABLE');
}

/** The registry's 办学许可证 follows the newest current licence decision. */
function syncInstitutionLicence(raw: Raw, institutionId: number): { licenceNo: string | null; licenceValidUntil: string | null } {
  const newest = listLicences(raw, institutionId, false)[0];
  if (!newest) return raw.prepare('SELECT licence_no AS licenceNo, licence_valid_until AS licenceValidUntil FROM institutions WHERE id = ?').get(institutionId) as { licenceNo: string | null; licenceValidUntil: string | null };
  raw.prepare('UPDATE institutions SET licence_no = ?, licence_valid_until = ? WHERE id = ?').run(newest.fields.certNo, newest.validUntil, institutionId);
  return { licenceNo: newest.fields.certNo, licenceValidUntil: newest.validUntil };
}

function checkLicence(raw: Raw, institutionId: number, input: LicenceInput, todayIso: string): string {
  const inst = institutionBrief(raw, institutionId);
  // The bureau licenses private schools and training institutions; public schools are set up, not licensed.
  if (inst.kind === 'public_school') throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'institutionId', message: 'licenceKind' }]);
  if (input.validUntil < input.validFrom) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'validUntil', message: 'beforeStart' }]);
  return checkCommon(input, todayIso);
}

export function createLicence(inst: Installation, by: number, institutionId: number, input: LicenceInput): { licence: LicenceView; institution: ReturnType<typeof syncInstitutionLicence> } {
  const raw = inst.open().raw;
  const authorityUscc = checkLicence(raw, institutionId, input, today(inst));
  assertDocNoFree(raw, 'licence', input.docNo, -1);
  const subject = institutionBrief(raw, institutionId);
  const id = insert(inst, 'licence', institutionId, { ...input, authorityUscc }, { ...input.fields, subject: { name: subject.name, uscc: subject.uscc, legalRep: subject.legalRep }, source: bureau(raw) }, null, by);
  const recordId = addBureauRecord(inst, { subjectKind: subject.kind, subjectId: institutionId, code: 'I-L01', occurredOn: input.decidedOn, description: `${input.fields.certName} ${input.fields.certNo}（${input.docNo}）`, authorId: by, source: `licence:${id}` });
  raw.prepare('UPDATE enforcement_decisions SET record_id = ? WHERE id = ?').run(recordId, id);
  return { licence: getLicence(raw, id), institution: syncInstitutionLicence(raw, institutionId) };
}

export function correctLicence(inst: Installation, by: number, decisionId: number, input: LicenceInput, reason: string): { licence: LicenceView; old: LicenceView; institution: ReturnType<typeof syncInstitutionLicence> } {
  const raw = inst.open().raw;
  const oldRow = rowOf(raw, decisionId, 'licence');
  assertCurrent(oldRow);
  const old = toLicence(oldRow);
  const authorityUscc = checkLicence(raw, old.institutionId, input, today(inst));
  assertDocNoFree(raw, 'licence', input.docNo, decisionId);
  // The subject is the one the licence was given to: a later rename does not change whom it named.
  const id = insert(inst, 'licence', old.institutionId, { ...input, authorityUscc }, { ...input.fields, subject: old.subject, source: old.source, correctionReason: reason }, decisionId, by);
  const description = `${input.fields.certName} ${input.fields.certNo}（${input.docNo}）更正：${reason}`;
  const recordId =
    old.recordId !== null
      ? amendBureauRecord(inst, old.recordId, { code: 'I-L01', occurredOn: input.decidedOn, description, authorId: by, source: `licence:${id}` })
      : addBureauRecord(inst, { subjectKind: institutionBrief(raw, old.institutionId).kind, subjectId: old.institutionId, code: 'I-L01', occurredOn: input.decidedOn, description, authorId: by, source: `licence:${id}` });
  raw.prepare('UPDATE enforcement_decisions SET record_id = ? WHERE id = ?').run(recordId, id);
  return { licence: getLicence(raw, id), old, institution: syncInstitutionLicence(raw, old.institutionId) };
}

function penaltyDescription(input: PenaltyInput): string {
  return `${input.docNo}：${input.content}`;
}

export function createPenalty(inst: Installation, by: number, institutionId: number, input: PenaltyInput): PenaltyView {
  const raw = inst.open().raw;
  const authorityUscc = checkCommon(input, today(inst));
  assertDocNoFree(raw, 'penalty', input.docNo, -1);
  const subject = institutionBrief(raw, institutionId);
  const id = insert(inst, 'penalty', institutionId, { ...input, validFrom: null, authorityUscc }, { ...input.fields, subject: { name: subject.name, uscc: subject.uscc, legalRep: subject.legalRep }, source: bureau(raw) }, null, by);
  const recordId = addBureauRecord(inst, { subjectKind: subject.kind, subjectId: institutionId, code: penaltyItemCode(input.fields.categories), occurredOn: input.decidedOn, description: penaltyDescription(input), authorId: by, source: `penalty:${id}` });
  raw.prepare('UPDATE enforcement_decisions SET record_id = ? WHERE id = ?').run(recordId, id);
  return getPenalty(raw, id);
}

export function correctPenalty(inst: Installation, by: number, decisionId: number, input: PenaltyInput, reason: string): { penalty: PenaltyView; old: PenaltyView } {
  const raw = inst.open().raw;
  const oldRow = rowOf(raw, decisionId, 'penalty');
  assertCurrent(oldRow);
  const old = toPenalty(oldRow);
  const authorityUscc = checkCommon(input, today(inst));
  assertDocNoFree(raw, 'penalty', input.docNo, decisionId);
  const id = insert(inst, 'penalty', old.institutionId, { ...input, validFrom: null, authorityUscc }, { ...input.fields, subject: old.subject, source: old.source, correctionReason: reason }, decisionId, by);
  const code = penaltyItemCode(input.fields.categories);
  const description = `${penaltyDescription(input)}（更正：${reason}）`;
  const recordId =
    old.recordId !== null
      ? amendBureauRecord(inst, old.recordId, { code, occurredOn: input.decidedOn, description, authorId: by, source: `penalty:${id}` })
      : addBureauRecord(inst, { subjectKind: institutionBrief(raw, old.institutionId).kind, subjectId: old.institutionId, code, occurredOn: input.decidedOn, description, authorId: by, source: `penalty:${id}` });
  raw.prepare('UPDATE enforcement_decisions SET record_id = ? WHERE id = ?').run(recordId, id);
  return { penalty: getPenalty(raw, id), old };
}
