// Students and classes (core). Students are minors: these functions are reached only through
// routes limited to the school administrator and the records clerk.
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import type { studentFields, StudentView, STUDENT_SORTS } from '../../../shared/api/routes/registry';
import type { Raw } from '../db/open';
import { containsPattern, orderBy, prefixPattern } from './sql';

export type StudentFields = z.output<typeof studentFields>;

const SELECT = `SELECT s.id, s.name, s.gender, s.student_no AS studentNo, s.class_id AS classId, s.guardian_contact AS guardianContact,
  s.status, c.grade, c.name AS className,
  (SELECT count(*) FROM credit_records r WHERE r.subject_kind = 'student' AND r.subject_id = s.id) AS recordCount
  FROM students s JOIN classes c ON c.id = s.class_id`;

const SORT_SQL: Record<(typeof STUDENT_SORTS)[number], string> = {
  studentNo: 's.student_no',
  name: 's.name',
  class: 'c.grade, c.id',
  recordCount: 'recordCount',
};

export function getStudent(raw: Raw, id: number): StudentView {
  const row = raw.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StudentView | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export interface StudentFilter {
  q?: string | undefined;
  classId?: number | undefined;
  grade?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  sort: (typeof STUDENT_SORTS)[number];
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function listStudents(raw: Raw, f: StudentFilter): { total: number; rows: StudentView[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.q) {
    where.push("(s.name LIKE @q ESCAPE '\\' OR s.student_no LIKE @prefix ESCAPE '\\')");
    params.q = containsPattern(f.q);
    params.prefix = prefixPattern(f.q);
  }
  if (f.classId !== undefined) {
    where.push('s.class_id = @classId');
    params.classId = f.classId;
  }
  if (f.grade) {
    where.push('c.grade = @grade');
    params.grade = f.grade;
  }
  if (f.status) {
    where.push('s.status = @status');
    params.status = f.status;
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM students s JOIN classes c ON c.id = s.class_id ${clause}`).get(params) as { n: number }).n;
  const rows = raw
    .prepare(`${SELECT} ${clause} ${orderBy(SORT_SQL, f.sort, f.dir, 's.id')} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as StudentView[];
  return { total, rows };
}

function assertClass(raw: Raw, classId: number): void {
  if (!raw.prepare('SELECT 1 FROM classes WHERE id = ?').get(classId)) throw new AppError('NOT_FOUND', undefined, `class ${classId}`);
}

function assertUnique(raw: Raw, studentNo: string, exceptId: number): void {
  // Refused at the field, naming the student who has the number (the form's readers may see students).
  const clash = raw.prepare('SELECT name FROM students WHERE student_no = ? AND id != ?').get(studentNo, exceptId) as { name: string } | undefined;
  if (clash) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'studentNo', message: `studentNoTakenBy:${clash.name}` }]);
}

export function createStudent(raw: Raw, f: StudentFields): StudentView {
  assertClass(raw, f.classId);
  assertUnique(raw, f.studentNo, -1);
  const r = raw
    .prepare('INSERT INTO students (name, gender, student_no, class_id, guardian_contact) VALUES (?, ?, ?, ?, ?)')
    .run(f.name, f.gender, f.studentNo, f.classId, f.guardianContact);
  return getStudent(raw, Number(r.lastInsertRowid));
}

export function updateStudent(raw: Raw, id: number, f: StudentFields): { student: StudentView; changed: Record<string, { from: unknown; to: unknown }> } {
  const before = getStudent(raw, id);
  assertClass(raw, f.classId);
  assertUnique(raw, f.studentNo, id);
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(f) as (keyof StudentFields)[]) if (before[k] !== f[k]) changed[k] = { from: before[k], to: f[k] };
  raw
    .prepare('UPDATE students SET name = ?, gender = ?, student_no = ?, class_id = ?, guardian_contact = ? WHERE id = ?')
    .run(f.name, f.gender, f.studentNo, f.classId, f.guardianContact, id);
  return { student: getStudent(raw, id), changed };
}

export function setStudentStatus(raw: Raw, id: number, status: 'active' | 'inactive'): StudentView {
  getStudent(raw, id);
  raw.prepare('UPDATE students SET status = ? WHERE id = ?').run(status, id);
  return getStudent(raw, id);
}

export interface ClassRow {
  id: number;
  grade: string;
  name: string;
  studentCount: number;
}

export function listClasses(raw: Raw): ClassRow[] {
  return raw
    .prepare(
      "SELECT c.id, c.grade, c.name, (SELECT count(*) FROM students s WHERE s.class_id = c.id AND s.status = 'active') AS studentCount FROM classes c ORDER BY c.grade, c.id",
    )
    .all() as ClassRow[];
}

/** The class of that grade and name, made when missing (imports name classes by text). */
export function ensureClass(raw: Raw, grade: string, name: string): number {
  const found = raw.prepare('SELECT id FROM classes WHERE grade = ? AND name = ?').get(grade, name) as { id: number } | undefined;
  if (found) return found.id;
  return Number(raw.prepare('INSERT INTO classes (grade, name) VALUES (?, ?)').run(grade, name).lastInsertRowid);
}

export function createClass(raw: Raw, grade: string, name: string): ClassRow {
  if (raw.prepare('SELECT 1 FROM classes WHERE grade = ? AND name = ?').get(grade, name)) throw new AppError('CONFLICT', { what: `${grade}${name}` });
  const id = ensureClass(raw, grade, name);
  return listClasses(raw).find((c) => c.id === id)!;
}
