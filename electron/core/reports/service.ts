// Teacher credit reports (core): snapshot → PDF → register; the teacher's confirmation; the paper
// path; and verification of a PDF against the register, the embedded snapshot and the signature.
import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/api/errors';
import type { ReportView, Verification } from '../../../shared/api/routes/reports';
import { grade } from '../../../shared/domain/creditRules';
import type { Installation } from '../app/installation';
import { getUser, unlockSlot } from '../auth/service';
import type { Session } from '../auth/sessions';
import { today } from '../clock';
import { subjectRecords } from '../credit/query';
import { getEvidence, putEvidence } from '../evidence/store';
import { sweepUnfinishedEvidence } from '../evidence/unfinished';
import { getTeacher } from '../registry/teachers';
import { readSettings } from '../settings/service';
import { readOrg } from '../setup/org';
import { renderReportPdf, SIGNATURE_INFO_KEY, SNAPSHOT_INFO_KEY, type Confirmation } from './pdf';
import { buildSnapshot, canonicalSnapshot, snapshotHash, type ReportSnapshot } from './snapshot';
import { signAsTeacher, verifyTeacherSignature } from './teacherKeys';

interface ReportRow {
  id: number;
  number: string;
  teacherId: number;
  year: number;
  snapshot: string;
  snapshotHash: string;
  fileAuditSeq: number;
  createdAt: string;
}

interface ConfirmationRow {
  kind: 'signature' | 'paper';
  teacherKeyId: number | null;
  signature: string | null;
  handwritingSha256: string | null;
  scanSha256: string | null;
  confirmedAt: string;
  signer: string;
  fingerprint: string | null;
}

const REPORT_COLUMNS = 'id, number, teacher_id AS teacherId, year, snapshot, snapshot_hash AS snapshotHash, file_audit_seq AS fileAuditSeq, created_at AS createdAt';

/**
 * The newest audit entry about a teacher's file. Every change to the file is audited under
 * 'teacher:<id>'; the report routes' own entries are left out, so making a report does not
 * supersede it.
 */
function fileAuditSeq(inst: Installation, teacherId: number): number {
  const row = inst.open().raw.prepare("SELECT max(seq) AS seq FROM audit_log WHERE subject = ? AND route NOT LIKE 'reports.%'").get(`teacher:${teacherId}`) as { seq: number | null };
  return row.seq ?? 0;
}

function getRow(inst: Installation, id: number): ReportRow {
  const row = inst.open().raw.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE id = ?`).get(id) as ReportRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `report ${id}`);
  return row;
}

function confirmationOf(inst: Installation, reportId: number): ConfirmationRow | null {
  return (
    (inst
      .open()
      .raw.prepare(
        `SELECT c.kind, c.teacher_key_id AS teacherKeyId, c.signature, c.handwriting_sha256 AS handwritingSha256, c.scan_sha256 AS scanSha256,
         c.confirmed_at AS confirmedAt, u.display_name AS signer, k.fingerprint
         FROM confirmations c JOIN users u ON u.id = c.recorded_by LEFT JOIN teacher_keys k ON k.id = c.teacher_key_id WHERE c.report_id = ?`,
      )
      .get(reportId) as ConfirmationRow | undefined) ?? null
  );
}

function view(inst: Installation, row: ReportRow): ReportView {
  const snap = JSON.parse(row.snapshot) as ReportSnapshot;
  const c = confirmationOf(inst, row.id);
  const superseded = fileAuditSeq(inst, row.teacherId) > row.fileAuditSeq;
  return {
    id: row.id,
    number: row.number,
    teacherId: row.teacherId,
    teacherName: snap.teacher.name,
    year: row.year,
    snapshotHash: row.snapshotHash,
    createdAt: row.createdAt,
    status: superseded ? 'superseded' : c ? 'confirmed' : 'unconfirmed',
    grade: snap.grade.grade,
    score: snap.grade.score,
    // The teacher confirms, on screen or on paper; who recorded a paper confirmation is in the audit log.
    confirmation: c ? { kind: c.kind, confirmedAt: c.confirmedAt, signer: snap.teacher.name, keyFingerprint: c.fingerprint } : null,
  };
}

export function getReport(inst: Installation, id: number): ReportView {
  return view(inst, getRow(inst, id));
}

export function listReports(inst: Installation, teacherId: number | undefined): ReportView[] {
  const raw = inst.open().raw;
  const rows = (
    teacherId === undefined
      ? raw.prepare(`SELECT ${REPORT_COLUMNS} FROM reports ORDER BY id DESC`).all()
      : raw.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE teacher_id = ? ORDER BY id DESC`).all(teacherId)
  ) as ReportRow[];
  return rows.map((r) => view(inst, r));
}

/** The teacher account's own teacher, for the narrowing of teachers' calls. */
export function teacherOfSession(inst: Installation, s: Session): number {
  const row = inst.open().raw.prepare('SELECT teacher_id AS teacherId FROM users WHERE id = ?').get(s.userId) as { teacherId: number | null } | undefined;
  if (!row?.teacherId) throw new AppError('FORBIDDEN', { route: 'reports' });
  return row.teacherId;
}

export function assertMayRead(inst: Installation, s: Session, report: ReportView): void {
  if (s.role === 'teacher' && report.teacherId !== teacherOfSession(inst, s)) throw new AppError('FORBIDDEN', { route: 'reports' });
}

function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function registerFile(inst: Installation, reportId: number, pdf: Buffer, confirmed: boolean): void {
  putEvidence(inst, 'report.pdf', pdf.toString('base64'));
  inst.open().raw.prepare('INSERT INTO report_files (sha256, report_id, confirmed, created_at) VALUES (?, ?, ?, ?)').run(sha256(pdf), reportId, confirmed ? 1 : 0, inst.clock.now().toISOString());
}

/** One report at a time per installation: the serial of a year must not be handed out twice. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const next = queue.then(work, work);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * The report of a year shows the file as it stood at the year's end (or today, for this year):
 * records dated later are left out and statuses are those of that day.
 */
export function reportDay(inst: Installation, year: number | undefined): { year: number; asOf: string } {
  const now = today(inst);
  const y = year ?? Number(now.slice(0, 4));
  if (y > Number(now.slice(0, 4)) || y < 2000) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'year', message: 'year' }]);
  const end = `${y}-12-31`;
  return { year: y, asOf: end < now ? end : now };
}

/** A report handed out: `existing` when the teacher already had one with this content. */
export interface Issued {
  report: ReportView;
  pdf: Buffer;
  existing: boolean;
}

/** What names one report among others of the same content: its number, when, and as at which day. */
type Identity = Pick<ReportSnapshot, 'number' | 'issuedAt' | 'asOf'>;

/**
 * The teacher's report of the year that shows exactly this content and is not superseded, the
 * confirmed one first: its stored hash must equal the hash of the snapshot made now under its own
 * number, date and day. The day is part of the identity, not of the content: a report stands for
 * the file until the file changes, so a batch the week after a teacher confirmed hands out the
 * confirmed report instead of a second one to sign.
 */
function issuedWithContent(inst: Installation, teacherId: number, year: number, content: (identity: Identity) => ReportSnapshot): ReportRow | null {
  const rows = inst
    .open()
    .raw.prepare(
      `SELECT ${REPORT_COLUMNS} FROM reports WHERE teacher_id = ? AND year = ? AND file_audit_seq >= ?
       ORDER BY EXISTS (SELECT 1 FROM confirmations c WHERE c.report_id = reports.id) DESC, id DESC`,
    )
    .all(teacherId, year, fileAuditSeq(inst, teacherId)) as ReportRow[];
  return (
    rows.find((row) => {
      const issued = JSON.parse(row.snapshot) as ReportSnapshot;
      return snapshotHash(canonicalSnapshot(content({ number: issued.number, issuedAt: issued.issuedAt, asOf: issued.asOf }))) === row.snapshotHash;
    }) ?? null
  );
}

/**
 * Issues the teacher's report of a year, or hands back the one already issued with the same
 * content (and its confirmed PDF once confirmed), so a second click or a re-run batch never makes
 * a second report to sign. Files of earlier writes that never committed are removed first.
 */
export function generateReport(inst: Installation, s: Session, teacherId: number, forYear?: number): Promise<Issued> {
  return serialised(async () => {
    sweepUnfinishedEvidence(inst);
    const raw = inst.open().raw;
    const teacher = getTeacher(raw, teacherId);
    const { year, asOf } = reportDay(inst, forYear);
    const records = subjectRecords(raw, 'teacher', teacherId, asOf).filter((r) => r.occurredOn <= asOf);
    const org = readOrg(inst);
    const bureau = readSettings(inst).bureauName;
    const gradeResult = grade(records.filter((r) => r.kind !== 'revocation').map((r) => ({ id: r.id, status: r.status, points: r.item.points })));
    const content = (identity: Identity): ReportSnapshot =>
      buildSnapshot({ ...identity, school: { name: org.name, uscc: org.uscc }, bureau, teacher, grade: gradeResult, records });
    const same = issuedWithContent(inst, teacherId, year, content);
    if (same) return { report: view(inst, same), pdf: reportPdf(inst, same.id), existing: true };

    const serial = ((raw.prepare('SELECT max(serial) AS s FROM reports WHERE year = ?').get(year) as { s: number | null }).s ?? 0) + 1;
    const number = `${org.uscc}-${year}-${String(serial).padStart(4, '0')}`;
    const snapshot = content({ number, issuedAt: inst.clock.now().toISOString(), asOf });
    const canonical = canonicalSnapshot(snapshot);
    const hash = snapshotHash(canonical);
    const seq = fileAuditSeq(inst, teacherId);
    const pdf = await renderReportPdf(snapshot, hash, canonical, null);
    const id = inst.write(
      (reportId) => ({ actor: s.username, route: 'reports.generate', subject: `teacher:${teacherId}`, diff: { report: reportId, number, snapshotHash: hash, pdf: sha256(pdf) } }),
      () => {
        const reportId = Number(
          raw
            .prepare('INSERT INTO reports (number, teacher_id, year, serial, snapshot, snapshot_hash, file_audit_seq, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
            .run(number, teacherId, year, serial, canonical, hash, seq, snapshot.issuedAt, s.userId).lastInsertRowid,
        );
        registerFile(inst, reportId, pdf, false);
        return reportId;
      },
    );
    return { report: getReport(inst, id), pdf, existing: false };
  });
}

function assertConfirmable(inst: Installation, report: ReportView): void {
  if (report.status !== 'unconfirmed') throw new AppError('REPORT_NOT_CONFIRMABLE');
}

interface FileIn {
  fileName: string;
  dataBase64: string;
}

function contentSha(f: FileIn): string {
  return sha256(Buffer.from(f.dataBase64, 'base64'));
}

/** Renders the confirmed PDF, then records the confirmation, its files and the PDF in one write. */
async function confirm(
  inst: Installation,
  s: Session,
  reportId: number,
  row: { kind: 'signature' | 'paper'; teacherKeyId: number | null; signature: string | null; handwriting: FileIn | null; scan: FileIn | null },
  pdfConfirmation: Confirmation,
): Promise<{ report: ReportView; pdf: Buffer }> {
  const report = getRow(inst, reportId);
  const snapshot = JSON.parse(report.snapshot) as ReportSnapshot;
  const pdf = await renderReportPdf(snapshot, report.snapshotHash, report.snapshot, pdfConfirmation);
  inst.write(
    () => ({
      actor: s.username,
      route: row.kind === 'signature' ? 'reports.confirm' : 'reports.confirmPaper',
      subject: `teacher:${report.teacherId}`,
      diff: { report: reportId, kind: row.kind, pdf: sha256(pdf), scan: row.scan ? contentSha(row.scan) : null, handwriting: row.handwriting !== null },
    }),
    ({ raw }) => {
      // Checked again inside the transaction: the file may have changed while the PDF rendered.
      assertConfirmable(inst, getReport(inst, reportId));
      const handwritingSha256 = row.handwriting ? storeFile(inst, row.handwriting.fileName, row.handwriting.dataBase64) : null;
      const scanSha256 = row.scan ? storeFile(inst, row.scan.fileName, row.scan.dataBase64) : null;
      raw
        .prepare('INSERT INTO confirmations (report_id, kind, teacher_key_id, signature, handwriting_sha256, scan_sha256, confirmed_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(reportId, row.kind, row.teacherKeyId, row.signature, handwritingSha256, scanSha256, pdfConfirmation.confirmedAt, s.userId);
      registerFile(inst, reportId, pdf, true);
    },
  );
  return { report: getReport(inst, reportId), pdf };
}

function storeFile(inst: Installation, fileName: string, dataBase64: string): string {
  const stored = putEvidence(inst, fileName, dataBase64);
  inst.open().raw.prepare('INSERT OR IGNORE INTO evidence_files (sha256, mime, bytes) VALUES (?, ?, ?)').run(stored.sha256, stored.mime, stored.bytes);
  return stored.sha256;
}

/**
 * The teacher signs the snapshot hash with their own key, after typing their password again. A
 * password an administrator set is not the teacher's own: no signature until they changed it.
 * Checked here and not only by the dispatcher, so no path into the core signs with it.
 */
export function confirmBySignature(inst: Installation, s: Session, reportId: number, password: string, handwriting: string | undefined): Promise<{ report: ReportView; pdf: Buffer }> {
  if (getUser(inst, s.userId).mustChangePassword) throw new AppError('MUST_CHANGE_PASSWORD');
  const report = getReport(inst, reportId);
  if (report.teacherId !== teacherOfSession(inst, s)) throw new AppError('FORBIDDEN', { route: 'reports.confirm' });
  assertConfirmable(inst, report);
  // The password is checked as a login checks it, counting toward the same lockout, so a session
  // left open cannot be used to guess it here either.
  try {
    unlockSlot(inst, s.username, password);
  } catch (e) {
    if (e instanceof AppError && e.code === 'BAD_CREDENTIALS') throw new AppError('WRONG_PASSWORD', e.params);
    throw e;
  }
  const signed = signAsTeacher(inst, s.userId, password, report.snapshotHash);
  const signer = report.teacherName;
  const drawn = handwriting ? { fileName: 'signature.png', dataBase64: handwriting.slice(handwriting.indexOf(',') + 1) } : null;
  return confirm(
    inst,
    s,
    reportId,
    { kind: 'signature', teacherKeyId: signed.keyId, signature: signed.signature, handwriting: drawn, scan: null },
    { kind: 'signature', signer, confirmedAt: inst.clock.now().toISOString(), keyFingerprint: signed.fingerprint, signature: signed.signature, handwritingPng: handwriting },
  );
}

/** The paper path: the teacher signed a printout; the administrator records it with the scan. */
export function confirmOnPaper(inst: Installation, s: Session, reportId: number, scan: FileIn): Promise<{ report: ReportView; pdf: Buffer }> {
  const report = getReport(inst, reportId);
  assertConfirmable(inst, report);
  return confirm(
    inst,
    s,
    reportId,
    { kind: 'paper', teacherKeyId: null, signature: null, handwriting: null, scan },
    { kind: 'paper', signer: report.teacherName, confirmedAt: inst.clock.now().toISOString(), scanSha256: contentSha(scan) },
  );
}

/** The newest PDF issued for a report (the confirmed one once there is one). */
export function reportPdf(inst: Installation, reportId: number): Buffer {
  const row = inst.open().raw.prepare('SELECT sha256 FROM report_files WHERE report_id = ? ORDER BY confirmed DESC, created_at DESC LIMIT 1').get(reportId) as { sha256: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return getEvidence(inst, row.sha256);
}

/**
 * Reads a custom string of the PDF's Info dictionary as pdfkit writes it: `/Key n 0 R` pointing
 * at an object that holds `(base64)`, or the string in place.
 */
function infoString(pdf: Buffer, key: string): string | null {
  const text = pdf.toString('latin1');
  const direct = new RegExp(`/${key} \\(([A-Za-z0-9+/=]+)\\)`).exec(text);
  if (direct) return direct[1]!;
  const ref = new RegExp(`/${key} (\\d+) 0 R`).exec(text);
  if (!ref) return null;
  const obj = new RegExp(`(?:^|\\s)${ref[1]} 0 obj\\s*\\(([A-Za-z0-9+/=]+)\\)\\s*endobj`).exec(text);
  return obj ? obj[1]! : null;
}

/**
 * What a PDF is: tampered unless its bytes are exactly a file this installation issued, its
 * embedded snapshot hashes to the report's, and (when confirmed in the app) the teacher's
 * signature over that hash verifies; then confirmed, unconfirmed or superseded.
 */
export function verifyReportPdf(inst: Installation, pdf: Buffer): Verification {
  const fileSha256 = sha256(pdf);
  const out = (status: Verification['status'], reason: string, extra: Partial<Verification> = {}): Verification => ({
    status,
    reason,
    number: null,
    teacherName: null,
    snapshotHash: null,
    confirmation: null,
    fileSha256,
    ...extra,
  });
  // Without our report data the file is not one of ours: any other PDF, or no PDF at all.
  const b64 = infoString(pdf, SNAPSHOT_INFO_KEY);
  if (!b64) return out('foreign', 'notEduCredit');
  const canonical = Buffer.from(b64, 'base64').toString('utf8');
  let snapshot: ReportSnapshot;
  try {
    snapshot = JSON.parse(canonical) as ReportSnapshot;
  } catch {
    return out('tampered', 'snapshotUnreadable');
  }
  const hash = snapshotHash(canonical);
  const known = { number: snapshot.number ?? null, teacherName: snapshot.teacher?.name ?? null, snapshotHash: hash };
  const row = inst.open().raw.prepare(`SELECT ${REPORT_COLUMNS} FROM reports WHERE number = ?`).get(String(snapshot.number)) as ReportRow | undefined;
  if (!row) return out('tampered', 'unknownReport', known);
  if (row.snapshotHash !== hash) return out('tampered', 'snapshotChanged', known);
  const file = inst.open().raw.prepare('SELECT confirmed FROM report_files WHERE sha256 = ? AND report_id = ?').get(fileSha256, row.id) as { confirmed: number } | undefined;
  if (!file) return out('tampered', 'fileChanged', known);
  const report = view(inst, row);
  const c = confirmationOf(inst, row.id);
  if (file.confirmed === 1) {
    if (!c) return out('tampered', 'confirmationMissing', known);
    if (c.kind === 'signature' && !(c.teacherKeyId !== null && c.signature !== null && verifyTeacherSignature(inst, c.teacherKeyId, row.snapshotHash, c.signature))) {
      return out('tampered', 'signatureInvalid', known);
    }
    if (!infoString(pdf, SIGNATURE_INFO_KEY)) return out('tampered', 'confirmationMissing', known);
  }
  const extra = { ...known, confirmation: report.confirmation };
  if (report.status === 'superseded') return out('superseded', 'fileChangedSince', extra);
  if (file.confirmed === 1) return out('confirmed', 'confirmed', extra);
  // The copy printed before the teacher signed: the report is confirmed, this file is not the
  // confirmed version, and the confirmation shown is the one the confirmed file carries.
  return out('unconfirmed', c ? 'signedVersionExists' : 'unconfirmed', extra);
}
