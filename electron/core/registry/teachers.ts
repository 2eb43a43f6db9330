// Teachers (core): the registry of the school's teachers. A teacher with records is never deleted,
// only set inactive; every change is audited with what it was before.
import { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { TEACHER_EDITORS, type teacherFields, type TeacherView, type TEACHER_SORTS } from '../../../shared/api/routes/registry';
import { checkIdNumber, maskIdNumber } from '../../../shared/domain/idNumber';
import type { Role } from '../../../shared/domain/roles';
import type { Raw } from '../db/open';
import { containsPattern, orderBy } from './sql';

export type TeacherFields = z.output<typeof teacherFields>;

/** One problem with a teacher's fields, by field: the form and the importer both word it. */
export interface FieldProblem<F extends string> {
  field: F;
  code: 'INVALID_ID_NUMBER' | 'DATE_IN_FUTURE' | 'DUPLICATE';
  params?: Record<string, string | number>;
}

export function teacherProblems(f: TeacherFields, today: string): FieldProblem<keyof TeacherFields>[] {
  const out: FieldProblem<keyof TeacherFields>[] = [];
  const id = checkIdNumber(f.idNumber, f.gender);
  if (!id.ok) out.push({ field: 'idNumber', code: 'INVALID_ID_NUMBER', params: { ...id.problem } });
  if (f.hireDate > today) out.push({ field: 'hireDate', code: 'DATE_IN_FUTURE', params: { date: f.hireDate } });
  return out;
}

function assertValid(f: TeacherFields, today: string): void {
  const p = teacherProblems(f, today)[0];
  if (!p) return;
  if (p.code === 'INVALID_ID_NUMBER') throw new AppError('INVALID_ID_NUMBER', p.params);
  throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: p.field, message: p.code }]);
}

const SELECT = `SELECT t.id, t.name, t.gender, t.id_number AS idNumber, t.staff_no AS staffNo, t.subject, t.title,
  t.hire_date AS hireDate, t.status,
  (SELECT count(*) FROM credit_records r WHERE r.subject_kind = 'teacher' AND r.subject_id = t.id) AS recordCount,
  (SELECT u.username FROM users u WHERE u.teacher_id = t.id ORDER BY u.id LIMIT 1) AS account
  FROM teachers t`;

const SORT_SQL: Record<(typeof TEACHER_SORTS)[number], string> = {
  staffNo: 't.staff_no',
  name: 't.name',
  subject: 't.subject',
  title: 't.title',
  hireDate: 't.hire_date',
  recordCount: 'recordCount',
};

export function getTeacher(raw: Raw, id: number): TeacherView {
  const row = raw.prepare(`${SELECT} WHERE t.id = ?`).get(id) as TeacherView | undefined;
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

export interface TeacherFilter {
  q?: string | undefined;
  status?: 'active' | 'inactive' | undefined;
  subject?: string | undefined;
  account?: 'none' | 'has' | undefined;
  /** The reader sees whole ID numbers (teacher editors): a whole number in q may find its holder. */
  wholeIdSearch: boolean;
  sort: (typeof TEACHER_SORTS)[number];
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function listTeachers(raw: Raw, f: TeacherFilter): { total: number; rows: TeacherView[] } {
  const where: string[] = [];
  const params: Record<string, string | number> = {};
  if (f.q) {
    // A whole ID number finds its holder only for those who see whole numbers: for anyone else an
    // exact match would tell a masked number's hidden digits, one guess at a time.
    where.push(f.wholeIdSearch ? "(t.name LIKE @q ESCAPE '\\' OR t.id_number = @exact OR t.staff_no = @exact)" : "(t.name LIKE @q ESCAPE '\\' OR t.staff_no = @exact)");
    params.q = containsPattern(f.q);
    params.exact = f.q.toUpperCase();
  }
  if (f.status) {
    where.push('t.status = @status');
    params.status = f.status;
  }
  if (f.subject) {
    where.push('t.subject = @subject');
    params.subject = f.subject;
  }
  if (f.account) where.push(`${f.account === 'none' ? 'NOT ' : ''}EXISTS (SELECT 1 FROM users u WHERE u.teacher_id = t.id)`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (raw.prepare(`SELECT count(*) AS n FROM teachers t ${clause}`).get(params) as { n: number }).n;
  const rows = raw
    .prepare(`${SELECT} ${clause} ${orderBy(SORT_SQL, f.sort, f.dir, 't.id')} LIMIT @limit OFFSET @offset`)
    .all({ ...params, limit: f.limit, offset: f.offset }) as TeacherView[];
  return { total, rows };
}

/** A number another teacher already has is refused at its field, naming that teacher. */
function assertUnique(raw: Raw, f: TeacherFields, exceptId: number): void {
  const clash = raw.prepare('SELECT name, id_number AS idNumber, staff_no AS staffNo FROM teachers WHERE (id_number = ? OR staff_no = ?) AND id != ?').get(f.idNumber.toUpperCase(), f.staffNo, exceptId) as
    | { name: string; idNumber: string; staffNo: string }
    | undefined;
  if (!clash) return;
  const sameId = clash.idNumber === f.idNumber.toUpperCase();
  throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: sameId ? 'idNumber' : 'staffNo', message: `${sameId ? 'idNumberTakenBy' : 'staffNoTakenBy'}:${clash.name}（${clash.staffNo}）` }]);
}

export function createTeacher(raw: Raw, f: TeacherFields, today: string): TeacherView {
  assertValid(f, today);
  assertUnique(raw, f, -1);
  const r = raw
    .prepare('INSERT INTO teachers (name, gender, id_number, staff_no, subject, title, hire_date) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(f.name, f.gender, f.idNumber.toUpperCase(), f.staffNo, f.subject, f.title, f.hireDate);
  return getTeacher(raw, Number(r.lastInsertRowid));
}

/** Returns the teacher after the change and the fields that changed, before and after. */
export function updateTeacher(raw: Raw, id: number, f: TeacherFields, today: string): { teacher: TeacherView; changed: Record<string, { from: unknown; to: unknown }> } {
  const before = getTeacher(raw, id);
  assertValid(f, today);
  assertUnique(raw, f, id);
  const next = { ...f, idNumber: f.idNumber.toUpperCase() };
  const changed: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of Object.keys(next) as (keyof TeacherFields)[]) if (before[k] !== next[k]) changed[k] = { from: before[k], to: next[k] };
  raw
    .prepare('UPDATE teachers SET name = ?, gender = ?, id_number = ?, staff_no = ?, subject = ?, title = ?, hire_date = ? WHERE id = ?')
    .run(next.name, next.gender, next.idNumber, next.staffNo, next.subject, next.title, next.hireDate, id);
  return { teacher: getTeacher(raw, id), changed };
}

export function setTeacherStatus(raw: Raw, id: number, status: 'active' | 'inactive'): TeacherView {
  getTeacher(raw, id);
  raw.prepare('UPDATE teachers SET status = ? WHERE id = ?').run(status, id);
  return getTeacher(raw, id);
}

/** Lists show ID numbers masked, whoever reads them: the full number is for the edit form. */
export function maskedTeacher(t: TeacherView): TeacherView {
  return { ...t, idNumber: maskIdNumber(t.idNumber) };
}

/** Only those who edit teachers see a whole ID number; other readers get it masked. */
export function teacherForReader(t: TeacherView, role: Role): TeacherView {
  return TEACHER_EDITORS.includes(role) ? t : maskedTeacher(t);
}
