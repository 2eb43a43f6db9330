// 从业人员 of institutions (core): ID numbers checked against GB 11643-1999 and the stated gender,
// shown masked in lists; nobody is deleted, only set inactive. Each has a credit file of their own.
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { practitionerFields, PractitionerDetail, PractitionerRow } from '../../../shared/api/routes/institutions';
import { checkIdNumber, maskIdNumber } from '../../../shared/domain/idNumber';
import type { Raw } from '../db/open';
import { containsPattern } from '../registry/sql';
import { gradePractitioners, subjectRecords } from './creditFile';
import { institutionBrief, type Changes } from './registry';

export type PractitionerFields = z.output<typeof practitionerFields>;


interface Base extends Omit<PractitionerRow, 'grade' | 'score' | 'lists' | 'idNumberMasked'> {
  idNumber: string;
}

const SELECT = `SELECT p.id, p.institution_id AS institutionId, n.name AS institutionName, p.name, p.gender, p.id_number AS idNumber,
  p.post, p.qualification, p.status, p.created_at AS createdAt
  FROM practitioners p JOIN institutions n ON n.id = p.institution_id`;

function rowsOf(raw: Raw, bases: Base[], todayIso: string): PractitionerRow[] {
  const grades = gradePractitioners(raw, bases.map((b) => b.id), todayIso);
  return bases.map(({ idNumber, ...b }) => {
    const g = grades.get(b.id)!;
    return { ...b, idNumberMasked: maskIdNumber(idNumber), grade: g.grade, score: g.score, lists: g.lists };
  });
}

export interface PractitionerFilter {
  institutionId?: number | undefined;
  q?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  /** The reader sees whole ID numbers (the bureau administrator): a whole number in q may find its holder. */
  wholeIdSearch: boolean;
  sort: 'name' | 'post' | 'institution';
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

const SORT_SQL: Record<PractitionerFilter['sort'], string> = { name: 'p.name', post: 'p.post', institution: 'n.name' };

export function listPractitioners(raw: Raw, f: PractitionerFilter, todayIso: string): { total: number; rows: PractitionerRow[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.institutionId !== undefined) {
    where.push('p.institution_id = @institutionId');
    params.institutionId = f.institutionId;
  }
  if (f.q) {
    // A whole ID number finds its holder, for the one reader who sees whole numbers (the bureau
    // administrator): for others an exact match would tell a masked number's hidden digits.
    // Part of a number finds nothing, so a list cannot be mined for numbers.
    where.push(f.wholeIdSearch ? "(p.name LIKE @q ESCAPE '\\' OR p.id_number = @exact)" : "p.name LIKE @q ESCAPE '\\'");
    params.q = containsPattern(f.q);
    params.exact = f.q.toUpperCase();
  }
  if (f.status) {
    where.push('p.status = @status');
    params.status = f.status;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM practitioners p JOIN institutions n ON n.id = p.institution_id ${clause}`).get(params) as { n: number }).n;
  const dir = f.dir === 'desc' ? 'DESC' : 'ASC';
  const bases = raw.prepare(`${SELECT} ${clause} ORDER BY ${SORT_SQL[f.sort]} ${dir}, p.id ${dir} LIMIT @limit OFFSET @offset`).all({ ...params, limit: f.limit, offset: f.offset }) as Base[];
  return { total, rows: rowsOf(raw, bases, todayIso) };
}

export function getPractitioner(raw: Raw, id: number, todayIso: string): PractitionerDetail {
  const base = raw.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Base | undefined;
  if (!base) throw new AppError('NOT_FOUND', undefined, `practitioner ${id}`);
  const row = rowsOf(raw, [base], todayIso)[0]!;
  const g = gradePractitioners(raw, [id], todayIso).get(id)!;
  return { ...row, idNumber: base.idNumber, gradeDetail: { rulesVersion: g.rulesVersion, score: g.score, grade: g.grade, steps: g.steps }, records: subjectRecords(raw, 'practitioner', id, todayIso) };
}

function checkedId(raw: Raw, f: { idNumber: string; gender: 'male' | 'female' }, institutionId: number, exceptId: number, today: Date): string {
  const r = checkIdNumber(f.idNumber, f.gender, today);
  if (!r.ok) throw new AppError('INVALID_ID_NUMBER', { ...r.problem });
  const other = raw.prepare('SELECT name FROM practitioners WHERE institution_id = ? AND id_number = ? AND id <> ?').get(institutionId, r.value, exceptId) as { name: string } | undefined;
  if (other) throw new AppError('CONFLICT', { what: `${maskIdNumber(r.value)}（${other.name}）` });
  return r.value;
}

export function createPractitioner(raw: Raw, f: PractitionerFields, now: Date): number {
  institutionBrief(raw, f.institutionId);
  const idNumber = checkedId(raw, f, f.institutionId, -1, now);
  return Number(
    raw
      .prepare('INSERT INTO practitioners (institution_id, name, gender, id_number, post, qualification, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(f.institutionId, f.name, f.gender, idNumber, f.post, f.qualification, 'active', now.toISOString()).lastInsertRowid,
  );
}

/** Only changed fields; an ID number's change is recorded masked, as the audit log is read by auditors. */
export function updatePractitioner(raw: Raw, id: number, f: Omit<PractitionerFields, 'institutionId'>, now: Date, todayIso: string): Changes {
  const before = getPractitioner(raw, id, todayIso);
  const next = { ...f, idNumber: checkedId(raw, f, before.institutionId, id, now) };
  const changed: Changes = {};
  for (const k of Object.keys(next) as (keyof typeof next)[]) {
    if (before[k] === next[k]) continue;
    changed[k] = k === 'idNumber' ? { from: maskIdNumber(before.idNumber), to: maskIdNumber(next.idNumber) } : { from: before[k], to: next[k] };
  }
  raw.prepare('UPDATE practitioners SET name = ?, gender = ?, id_number = ?, post = ?, qualification = ? WHERE id = ?').run(next.name, next.gender, next.idNumber, next.post, next.qualification, id);
  return changed;
}

export function setPractitionerStatus(raw: Raw, id: number, status: 'active' | 'inactive', todayIso: string): Changes {
  const before = getPractitioner(raw, id, todayIso);
  if (before.status === status) return {};
  raw.prepare('UPDATE practitioners SET status = ? WHERE id = ?').run(status, id);
  return { status: { from: before.status, to: status } };
}
