// Teachers' files at the bureau (core), read from what their schools sent (received_rows): a
// city-wide page of teachers with their live grades, and one teacher's whole file. The statuses
// are the school's own rule over the school's own rows (grading/teachers.ts schoolStatuses), and
// the grade and its steps are the ones the grading page shows, so the three never disagree.
import { AppError } from '../../../shared/api/errors';
import type { SchoolTeacherFile, SchoolTeacherRow } from '../../../shared/api/routes/schoolTeachers';
import type { Grade } from '../../../shared/domain/creditRules';
import type { Raw } from '../db/open';
import type { Installation } from '../app/installation';
import { currentGrading } from '../grading/cache';
import { explain } from '../grading/subjects';
import { schoolStatuses, type ReceivedObjection, type ReceivedRecord, type ReceivedRepair } from '../grading/teachers';

interface ReceivedTeacher {
  id: string;
  name: string;
  gender: 'male' | 'female' | null;
  staffNo: string | null;
  subject: string | null;
  title: string | null;
  hireDate: string | null;
  status: 'active' | 'inactive';
}

interface FullRecord extends ReceivedRecord {
  description: string;
  createdAt: string;
}

interface ReceivedReport {
  id: string;
  number: string;
  teacherId: number | string;
  year: number;
  status: SchoolTeacherFile['reports'][number]['status'];
  grade: Grade;
  score: number;
  createdAt: string;
  confirmation: { kind: 'signature' | 'paper'; confirmedAt: string } | null;
}

export interface TeacherFilter {
  q?: string | undefined;
  school?: string | undefined;
  grade?: Grade | undefined;
  offset: number;
  limit: number;
}

/** One teacher's row as the school sent it, by (school, the school's teacher id). */
const TEACHER_ROW = "SELECT data FROM received_rows WHERE school = ? AND kind = 'teacher' AND remote_id = ?";

function splitKey(key: string): { school: string; teacherId: string } {
  const slash = key.indexOf('/');
  return { school: key.slice(0, slash), teacherId: key.slice(slash + 1) };
}

function rowsOf<T>(raw: Raw, school: string, kind: string): T[] {
  return (raw.prepare('SELECT data FROM received_rows WHERE school = ? AND kind = ?').pluck().all(school, kind) as string[]).map((d) => JSON.parse(d) as T);
}

function rowOf(t: ReceivedTeacher, key: string, school: string, schoolName: string, g: { grade: Grade; score: number; lists: SchoolTeacherRow['lists'] }): SchoolTeacherRow {
  return {
    key,
    school,
    schoolName,
    name: t.name,
    gender: t.gender,
    staffNo: t.staffNo ?? '',
    subject: t.subject ?? '',
    status: t.status === 'inactive' ? 'inactive' : 'active',
    grade: g.grade,
    score: g.score,
    lists: g.lists,
  };
}

/** A page of the teachers of every enrolled school (or one), found by name, staff number or school. */
export function teacherPage(inst: Installation, f: TeacherFilter): { total: number; rows: SchoolTeacherRow[] } {
  const raw = inst.open().raw;
  const q = f.q?.toLowerCase();
  const graded = currentGrading(inst).subjects.filter((s) => s.kind === 'teacher' && (!f.school || s.key.startsWith(`${f.school}/`)) && (!f.grade || s.grade === f.grade));
  const detail = raw.prepare(TEACHER_ROW).pluck();
  const teacherOf = (key: string): ReceivedTeacher => {
    const { school, teacherId } = splitKey(key);
    return JSON.parse(detail.get(school, teacherId) as string) as ReceivedTeacher;
  };
  // A staff number is found whole, in one query over the received rows, not one lookup per teacher.
  const byStaffNo = q
    ? new Set(raw.prepare("SELECT school || '/' || remote_id FROM received_rows WHERE kind = 'teacher' AND lower(data ->> 'staffNo') = ?").pluck().all(q) as string[])
    : null;
  const hits = q ? graded.filter((s) => s.name.toLowerCase().includes(q) || (s.org ?? '').toLowerCase().includes(q) || byStaffNo!.has(s.key)) : graded;
  hits.sort((a, b) => (a.org ?? '').localeCompare(b.org ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1));
  const rows = hits.slice(f.offset, f.offset + f.limit).map((s) => rowOf(teacherOf(s.key), s.key, splitKey(s.key).school, s.org ?? '', s));
  return { total: hits.length, rows };
}

/** One teacher's file as the school sent it, with statuses and the grade worked out as of `today`. */
export function teacherFile(raw: Raw, key: string, today: string): SchoolTeacherFile {
  const { school, teacherId } = splitKey(key);
  const data = raw.prepare(TEACHER_ROW).pluck().get(school, teacherId) as string | undefined;
  if (data === undefined) throw new AppError('NOT_FOUND', undefined, `teacher ${key}`);
  const teacher = JSON.parse(data) as ReceivedTeacher;
  const { subject, grade } = explain(raw, 'teacher', key, today);

  const records = rowsOf<FullRecord>(raw, school, 'record').filter((r) => String(r.teacherId) === teacherId);
  const ids = new Set(records.map((r) => r.id));
  const objections = rowsOf<ReceivedObjection>(raw, school, 'objection').filter((o) => ids.has(String(o.recordId)));
  const repairs = rowsOf<ReceivedRepair>(raw, school, 'repair').filter((r) => ids.has(String(r.recordId)));
  const statusOf = schoolStatuses(objections, repairs, records, today);
  const item = raw.prepare('SELECT name_zh AS zh, name_en AS en, points FROM catalogue_items WHERE version = ? AND code = ?');

  const shown = records
    // A revocation row is the reason its record shows as revoked, not a record of its own.
    .filter((r) => r.kind !== 'revocation')
    .sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : Number(b.id) - Number(a.id)))
    .map((r) => {
      const status = statusOf(r);
      const known = item.get(r.catalogueVersion, r.itemCode) as { zh: string; en: string; points: number } | undefined;
      const repair = repairs.find((x) => String(x.recordId) === r.id);
      return {
        id: r.id,
        itemCode: r.itemCode,
        itemName: known ? { zh: known.zh, en: known.en } : null,
        points: known?.points ?? null,
        occurredOn: r.occurredOn,
        expiresOn: r.expiresOn,
        description: status === 'revoked' ? null : r.description,
        kind: r.kind,
        status,
        supersedesId: r.supersedesId === null ? null : String(r.supersedesId),
        createdAt: r.createdAt,
        objections: objections
          .filter((o) => String(o.recordId) === r.id)
          .sort((a, b) => Number(a.id) - Number(b.id))
          .map(({ reason, raisedAt, decision, decisionReason, decidedAt }) => ({ reason, raisedAt, decision, decisionReason, decidedAt })),
        repair: repair ? { kind: repair.kind === 'release' ? ('release' as const) : ('repair' as const), reason: repair.reason, effectiveOn: repair.effectiveOn } : null,
      };
    });

  const reports = rowsOf<ReceivedReport>(raw, school, 'report')
    .filter((r) => String(r.teacherId) === teacherId)
    .sort((a, b) => b.year - a.year || (a.createdAt < b.createdAt ? 1 : -1))
    .map(({ number, year, status, grade: g, score, createdAt, confirmation }) => ({ number, year, status, grade: g, score, createdAt, confirmation }));
  const receivedAt = raw.prepare('SELECT max(applied_at) FROM sync_inbox WHERE sender = ?').pluck().get(school) as string | null;

  return {
    teacher: { ...rowOf(teacher, key, school, subject.org ?? school, subject), title: teacher.title ?? '', hireDate: teacher.hireDate },
    rulesVersion: grade.rulesVersion,
    asOf: today,
    steps: grade.steps,
    records: shown,
    reports,
    receivedAt,
  };
}
