// A teacher's credit file frozen at one moment (core): canonical JSON and its SHA-256. The PDF is
// rendered from it, the teacher signs its hash, and it travels inside the PDF to be verified.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { RecordView } from '../../../shared/api/routes/credit';
import type { TeacherView } from '../../../shared/api/routes/registry';
import type { GradeResult } from '../../../shared/domain/creditRules';

/**
 * 2: a revoked record keeps its item, date and status but not its description: what an upheld
 * objection or a revocation struck out is not repeated in a report (format 1 carried it).
 */
export const SNAPSHOT_FORMAT = 2;

export interface SnapshotRecord {
  id: number;
  code: string;
  nameZh: string;
  infoClass: string;
  polarity: string;
  points: number;
  catalogueVersion: number;
  occurredOn: string;
  expiresOn: string;
  description: string;
  kind: string;
  status: string;
  contribution: number;
}

export interface ReportSnapshot {
  format: number;
  number: string;
  issuedAt: string;
  asOf: string;
  school: { name: string; uscc: string };
  bureau: string;
  teacher: { id: number; name: string; gender: string; idNumberMasked: string; staffNo: string; subject: string; title: string; hireDate: string };
  grade: GradeResult;
  records: SnapshotRecord[];
}

/** The ID number as reports show it: all but the last four characters hidden. */
export function maskIdNumber(id: string): string {
  return `${'*'.repeat(Math.max(0, id.length - 4))}${id.slice(-4)}`;
}

export function buildSnapshot(input: {
  number: string;
  issuedAt: string;
  asOf: string;
  school: { name: string; uscc: string };
  bureau: string;
  teacher: TeacherView;
  grade: GradeResult;
  records: RecordView[];
}): ReportSnapshot {
  const t = input.teacher;
  return {
    format: SNAPSHOT_FORMAT,
    number: input.number,
    issuedAt: input.issuedAt,
    asOf: input.asOf,
    school: input.school,
    bureau: input.bureau,
    teacher: { id: t.id, name: t.name, gender: t.gender, idNumberMasked: maskIdNumber(t.idNumber), staffNo: t.staffNo, subject: t.subject, title: t.title, hireDate: t.hireDate },
    grade: input.grade,
    // Revocation rows are corrections, not facts: the record they revoke shows as revoked.
    records: input.records
      .filter((r) => r.kind !== 'revocation')
      .map((r) => ({
        id: r.id,
        code: r.item.code,
        nameZh: r.item.nameZh,
        infoClass: r.item.infoClass,
        polarity: r.item.polarity,
        points: r.item.points,
        catalogueVersion: r.item.version,
        occurredOn: r.occurredOn,
        expiresOn: r.expiresOn,
        description: r.status === 'revoked' ? '' : r.description,
        kind: r.kind,
        status: r.status,
        contribution: r.contribution,
      })),
  };
}

export function canonicalSnapshot(s: ReportSnapshot): string {
  return canonicalize(s)!;
}

export function snapshotHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
