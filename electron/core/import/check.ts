// Checking an imported sheet (core): every row, every cell, against the rules of the registry and
// the catalogue and against what is already stored. The result is both the preview (counts and
// every problem) and the plan the commit carries out. It is a generator that yields every few
// thousand rows, so the preview can give the event loop a turn; the commit drains it in one go
// inside its transaction, so it acts on the data as it is at that moment, not at preview time.
import type { ImportProblem } from '../../../shared/api/routes/import';
import { IMPORT_HEADERS, type ImportField } from '../../../shared/api/importMessages';
import { checkIdNumber, type Gender } from '../../../shared/domain/idNumber';
import { findForbiddenChar } from '../../../shared/domain/text';
import { currentVersion, listItems } from '../catalogue/service';
import type { Raw } from '../db/open';
import { teacherProblems, type TeacherFields } from '../registry/teachers';
import { cellDate, cellText, EMPTY, type Cell } from './cells';
import { mapColumns, SUBJECT_COLUMNS, type ColumnMap, type ImportKind } from './columns';
import type { Sheet, SheetRow } from './parse';

/** Rows checked between two turns of the event loop. */
export const CHECK_BATCH = 2000;
/** The preview lists this many problems and counts the rest (the contract's moreProblems). */
export const MAX_LISTED_PROBLEMS = 1000;

// Field lengths of the registry's and the records' input schemas (shared/api/routes/*.ts).
const MAX = { name: 30, staffNo: 30, subject: 30, title: 30, studentNo: 30, grade: 20, class: 20, guardianContact: 50, description: 1000 } as const;
const MIN_DESCRIPTION = 2;

export interface StudentRow {
  name: string;
  gender: Gender;
  studentNo: string;
  grade: string;
  className: string;
  guardianContact: string | null;
}

export interface RecordRow {
  subjectKind: 'teacher' | 'student';
  subjectId: number;
  itemId: number;
  disclosureMonths: number;
  occurredOn: string;
  description: string;
}

export type Plan =
  | { kind: 'teachers'; inserts: TeacherFields[]; updates: { id: number; fields: TeacherFields }[] }
  | { kind: 'students'; inserts: StudentRow[]; updates: { id: number; fields: StudentRow }[] }
  | { kind: 'records'; inserts: RecordRow[]; updates: never[] };

export interface CheckResult {
  rows: number;
  unchanged: number;
  /** Sorted by row; all of them (the preview lists the first MAX_LISTED_PROBLEMS). */
  problems: ImportProblem[];
  ignoredColumns: string[];
  plan: Plan;
}

export interface Progress {
  done: number;
  total: number;
}

export interface CheckEnv {
  raw: Raw;
  /** Today on the installation's clock, YYYY-MM-DD. */
  today: string;
}

/** Reads the cells of one row by field, and records what is wrong with them. */
class RowReader {
  constructor(
    private readonly cols: ColumnMap,
    private readonly problems: ImportProblem[],
    public row: SheetRow = { row: 0, cells: [] },
  ) {}

  has(field: ImportField): boolean {
    return this.cols.fields[field] !== undefined;
  }

  column(field: ImportField): string {
    return this.cols.fields[field]?.header ?? IMPORT_HEADERS[field].zh;
  }

  cell(field: ImportField): Cell {
    const c = this.cols.fields[field];
    return c ? (this.row.cells[c.col] ?? EMPTY) : EMPTY;
  }

  problem(field: ImportField | null, code: string, params?: Record<string, string | number>, column?: string): void {
    const p: ImportProblem = { row: this.row.row, column: column ?? (field ? this.column(field) : ''), code };
    if (params) p.params = params;
    this.problems.push(p);
  }

  /** False (with its problem recorded) when the text holds a control, bidi or zero-width character. */
  private clean(field: ImportField, text: string, multiline: boolean): boolean {
    const bad = findForbiddenChar(text, { multiline });
    if (bad) this.problem(field, 'FORBIDDEN_CHAR', { char: bad.code, kind: bad.kind, position: bad.position });
    return bad === null;
  }

  /**
   * Text of a field; null (with its problem recorded) when bad. `exact`: an identifier.
   * `multiline`: tab and line breaks are allowed (a description).
   */
  text(field: ImportField, opts: { required: boolean; max: number; min?: number; exact?: boolean; multiline?: boolean }): string | null {
    const r = cellText(this.cell(field), opts.exact ?? false);
    if (!r.ok) {
      this.problem(field, r.code, { value: r.value });
      return null;
    }
    if (!this.clean(field, r.value, opts.multiline ?? false)) return null;
    if (r.value === '') {
      if (opts.required) {
        this.problem(field, 'REQUIRED');
        return null;
      }
      return '';
    }
    if (r.value.length > opts.max) {
      this.problem(field, 'TOO_LONG', { max: opts.max });
      return null;
    }
    if (opts.min !== undefined && r.value.length < opts.min) {
      this.problem(field, 'TOO_SHORT', { min: opts.min });
      return null;
    }
    return r.value;
  }

  gender(): Gender | null {
    const raw = this.text('gender', { required: true, max: 10 });
    if (raw === null) return null;
    const g = GENDERS.get(raw.toLowerCase());
    if (!g) this.problem('gender', 'BAD_GENDER', { value: raw });
    return g ?? null;
  }

  /** A real date, not after today. */
  date(field: ImportField, today: string): string | null {
    const cell = this.cell(field);
    if (cell.t === 'empty') {
      this.problem(field, 'REQUIRED');
      return null;
    }
    if (cell.t === 'text' && !this.clean(field, cell.v.trim(), false)) return null;
    const d = cellDate(cell);
    if (!d.ok) {
      this.problem(field, d.code, { value: d.value });
      return null;
    }
    if (d.value > today) {
      this.problem(field, 'DATE_IN_FUTURE', { date: d.value });
      return null;
    }
    return d.value;
  }
}

const GENDERS = new Map<string, Gender>([
  ['男', 'male'],
  ['男性', 'male'],
  ['male', 'male'],
  ['m', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
  ['female', 'female'],
  ['f', 'female'],
]);

/** Values that must be unique in the file, and the rows they were seen on. */
class Seen {
  private readonly rows = new Map<string, number[]>();
  constructor(
    private readonly field: ImportField | null,
    private readonly code: 'DUPLICATE_IN_FILE' | 'DUPLICATE_RECORD',
  ) {}

  add(key: string, row: number): void {
    const list = this.rows.get(key);
    if (list) list.push(row);
    else this.rows.set(key, [row]);
  }

  /** Every row of a value seen twice or more gets a problem naming all those rows. */
  report(cols: ColumnMap, problems: ImportProblem[], shown: (key: string) => string): void {
    for (const [key, rows] of this.rows) {
      if (rows.length < 2) continue;
      const list = rows.join(', ');
      const column = this.field ? (cols.fields[this.field]?.header ?? IMPORT_HEADERS[this.field].zh) : '';
      for (const row of rows) problems.push({ row, column, code: this.code, params: this.code === 'DUPLICATE_IN_FILE' ? { value: shown(key), rows: list } : { rows: list } });
    }
  }
}

function byRow(a: ImportProblem, b: ImportProblem): number {
  return a.row - b.row;
}

interface TeacherRow {
  id: number;
  name: string;
  gender: Gender;
  idNumber: string;
  staffNo: string;
  subject: string;
  title: string;
  hireDate: string;
}

function* checkTeachers(env: CheckEnv, cols: ColumnMap, problems: ImportProblem[]): Generator<Progress, Omit<CheckResult, 'ignoredColumns' | 'problems'>> {
  const existing = env.raw
    .prepare('SELECT id, name, gender, id_number AS idNumber, staff_no AS staffNo, subject, title, hire_date AS hireDate FROM teachers')
    .all() as TeacherRow[];
  const byId = new Map(existing.map((t) => [t.idNumber, t]));
  const byStaffNo = new Map(existing.map((t) => [t.staffNo, t]));
  const ids = new Seen('idNumber', 'DUPLICATE_IN_FILE');
  const staffNos = new Seen('staffNo', 'DUPLICATE_IN_FILE');
  const plan: Extract<Plan, { kind: 'teachers' }> = { kind: 'teachers', inserts: [], updates: [] };
  let unchanged = 0;
  const r = new RowReader(cols, problems);
  let n = 0;
  for (const row of cols.dataRows) {
    if (++n % CHECK_BATCH === 0) yield { done: n, total: cols.dataRows.length };
    r.row = row;
    const before = problems.length;
    const name = r.text('name', { required: true, max: MAX.name });
    const gender = r.gender();
    const idText = r.text('idNumber', { required: true, max: 40, exact: true });
    const staffNo = r.text('staffNo', { required: true, max: MAX.staffNo, exact: true });
    const subject = r.text('subject', { required: true, max: MAX.subject });
    const title = r.has('title') ? r.text('title', { required: false, max: MAX.title }) : undefined;
    const hireDate = r.date('hireDate', env.today);
    const idNumber = idText?.toUpperCase() ?? null;
    if (idNumber) ids.add(idNumber, row.row);
    if (staffNo) staffNos.add(staffNo, row.row);
    const old = idNumber === null ? undefined : byId.get(idNumber);
    // A row is matched to a stored teacher by ID number, and an update carries all of the row:
    // under another name it would silently turn that teacher, with the records, reports and login
    // that are theirs, into someone else. A name is corrected on the teacher's own form.
    if (old && name !== null && name !== old.name) r.problem('idNumber', 'ID_NUMBER_OTHER_NAME', { owner: old.name, staffNo: old.staffNo, name });
    if (name === null || gender === null || idNumber === null || staffNo === null || subject === null || title === null || hireDate === null) {
      // Other cells are bad, but the ID number can still be checked on its own.
      const id = idNumber === null ? null : checkIdNumber(idNumber);
      if (id && !id.ok) r.problem('idNumber', 'INVALID_ID_NUMBER', { ...id.problem });
      continue;
    }
    const fields: TeacherFields = { name, gender, idNumber, staffNo, subject, title: title ?? old?.title ?? '', hireDate };
    // The registry's own rules: ID number with its check character and gender, hire date not ahead.
    for (const p of teacherProblems(fields, env.today)) r.problem(p.field, p.code, p.params);
    const owner = byStaffNo.get(staffNo);
    if (owner && owner.idNumber !== idNumber) r.problem('staffNo', 'STAFF_NO_TAKEN', { value: staffNo, owner: owner.name });
    if (problems.length > before) continue;
    if (!old) plan.inserts.push(fields);
    else if (old.name === name && old.gender === gender && old.staffNo === staffNo && old.subject === subject && old.title === fields.title && old.hireDate === hireDate) unchanged++;
    else plan.updates.push({ id: old.id, fields });
  }
  ids.report(cols, problems, (k) => k);
  staffNos.report(cols, problems, (k) => k);
  return { rows: cols.dataRows.length, unchanged, plan };
}

interface StoredStudent {
  id: number;
  name: string;
  gender: Gender;
  studentNo: string;
  grade: string;
  className: string;
  guardianContact: string | null;
}

function* checkStudents(env: CheckEnv, cols: ColumnMap, problems: ImportProblem[]): Generator<Progress, Omit<CheckResult, 'ignoredColumns' | 'problems'>> {
  const existing = env.raw
    .prepare(
      `SELECT s.id, s.name, s.gender, s.student_no AS studentNo, c.grade, c.name AS className, s.guardian_contact AS guardianContact
       FROM students s JOIN classes c ON c.id = s.class_id`,
    )
    .all() as StoredStudent[];
  const byNo = new Map(existing.map((s) => [s.studentNo, s]));
  const numbers = new Seen('studentNo', 'DUPLICATE_IN_FILE');
  const plan: Extract<Plan, { kind: 'students' }> = { kind: 'students', inserts: [], updates: [] };
  let unchanged = 0;
  const r = new RowReader(cols, problems);
  let n = 0;
  for (const row of cols.dataRows) {
    if (++n % CHECK_BATCH === 0) yield { done: n, total: cols.dataRows.length };
    r.row = row;
    const name = r.text('name', { required: true, max: MAX.name });
    const gender = r.gender();
    const studentNo = r.text('studentNo', { required: true, max: MAX.studentNo, exact: true });
    const grade = r.text('grade', { required: true, max: MAX.grade });
    const className = r.text('class', { required: true, max: MAX.class });
    // A missing column keeps what is stored; an empty cell in a present column clears it.
    const contact = r.has('guardianContact') ? r.text('guardianContact', { required: false, max: MAX.guardianContact, exact: true }) : undefined;
    if (studentNo) numbers.add(studentNo, row.row);
    if (name === null || gender === null || studentNo === null || grade === null || className === null || contact === null) continue;
    const old = byNo.get(studentNo);
    const guardianContact = contact === undefined ? (old?.guardianContact ?? null) : contact === '' ? null : contact;
    const fields: StudentRow = { name, gender, studentNo, grade, className, guardianContact };
    if (!old) plan.inserts.push(fields);
    else if (old.name === name && old.gender === gender && old.grade === grade && old.className === className && old.guardianContact === guardianContact) unchanged++;
    else plan.updates.push({ id: old.id, fields });
  }
  numbers.report(cols, problems, (k) => k);
  return { rows: cols.dataRows.length, unchanged, plan };
}

function recordKey(r: { subjectKind: string; subjectId: number; itemId: number; occurredOn: string; description: string }): string {
  return `${r.subjectKind}\u0000${r.subjectId}\u0000${r.itemId}\u0000${r.occurredOn}\u0000${r.description}`;
}

/**
 * The rules of createRecord (electron/core/credit/records.ts), checked against lookups loaded
 * once rather than with queries per row: the subject exists, the item is of the current catalogue
 * and fits the subject, the date is real and not ahead, and an item that needs evidence is refused
 * (a spreadsheet row cannot carry its files).
 */
function* checkRecords(env: CheckEnv, cols: ColumnMap, problems: ImportProblem[]): Generator<Progress, Omit<CheckResult, 'ignoredColumns' | 'problems'>> {
  const version = currentVersion(env.raw);
  const items = new Map(listItems(env.raw, version).map((i) => [i.code.toUpperCase(), i]));
  const teachers = new Map((env.raw.prepare('SELECT id_number AS k, id FROM teachers').all() as { k: string; id: number }[]).map((t) => [t.k, t.id]));
  const students = new Map((env.raw.prepare('SELECT student_no AS k, id FROM students').all() as { k: string; id: number }[]).map((s) => [s.k, s.id]));
  const stored = new Set(
    (
      env.raw
        .prepare("SELECT subject_kind AS subjectKind, subject_id AS subjectId, item_id AS itemId, occurred_on AS occurredOn, description FROM credit_records WHERE kind != 'revocation'")
        .all() as RecordRow[]
    ).map(recordKey),
  );
  const same = new Seen(null, 'DUPLICATE_RECORD');
  const plan: Extract<Plan, { kind: 'records' }> = { kind: 'records', inserts: [], updates: [] };
  let unchanged = 0;
  const r = new RowReader(cols, problems);
  let n = 0;
  for (const row of cols.dataRows) {
    if (++n % CHECK_BATCH === 0) yield { done: n, total: cols.dataRows.length };
    r.row = row;
    const before = problems.length;
    let subjectKind: 'teacher' | 'student' | null = null;
    let subjectId: number | null = null;
    const idText = r.has('idNumber') ? r.text('idNumber', { required: false, max: 40, exact: true }) : '';
    const noText = r.has('studentNo') ? r.text('studentNo', { required: false, max: MAX.studentNo, exact: true }) : '';
    if (idText && noText) r.problem(null, 'AMBIGUOUS_SUBJECT', undefined, SUBJECT_COLUMNS);
    else if (idText === '' && noText === '') r.problem(null, 'REQUIRED', undefined, SUBJECT_COLUMNS);
    else if (idText) {
      subjectKind = 'teacher';
      const id = checkIdNumber(idText);
      if (!id.ok) r.problem('idNumber', 'INVALID_ID_NUMBER', { ...id.problem });
      else {
        subjectId = teachers.get(id.value) ?? null;
        if (subjectId === null) r.problem('idNumber', 'UNKNOWN_TEACHER', { value: id.value });
      }
    } else if (noText) {
      subjectKind = 'student';
      subjectId = students.get(noText) ?? null;
      if (subjectId === null) r.problem('studentNo', 'UNKNOWN_STUDENT', { value: noText });
    }
    const codeText = r.text('itemCode', { required: true, max: 20 });
    const item = codeText ? items.get(codeText.toUpperCase()) : undefined;
    if (codeText && !item) r.problem('itemCode', 'UNKNOWN_ITEM', { code: codeText, version });
    if (item && subjectKind && !item.subjectKinds.includes(subjectKind)) r.problem('itemCode', 'ITEM_NOT_FOR_SUBJECT', { code: item.code, subject: subjectKind });
    else if (item?.evidenceRequired) r.problem('itemCode', 'ITEM_NEEDS_EVIDENCE', { code: item.code });
    const occurredOn = r.date('occurredOn', env.today);
    const description = r.text('description', { required: true, max: MAX.description, min: MIN_DESCRIPTION, multiline: true });
    if (problems.length > before || !subjectKind || subjectId === null || !item || !occurredOn || !description) continue;
    const rec: RecordRow = { subjectKind, subjectId, itemId: item.id, disclosureMonths: item.disclosureMonths, occurredOn, description };
    const key = recordKey(rec);
    same.add(key, row.row);
    if (stored.has(key)) unchanged++;
    else plan.inserts.push(rec);
  }
  same.report(cols, problems, () => '');
  return { rows: cols.dataRows.length, unchanged, plan };
}

const CHECKERS: Record<ImportKind, typeof checkTeachers> = { teachers: checkTeachers, students: checkStudents, records: checkRecords };

/** Checks a whole sheet. Yields how many data rows are done now and then; returns the result. */
export function* checkSheet(sheet: Sheet, kind: ImportKind, env: CheckEnv): Generator<Progress, CheckResult> {
  const cols = mapColumns(sheet, kind);
  yield { done: 0, total: cols.dataRows.length };
  const problems = [...cols.problems];
  const headerBroken = problems.length > 0;
  // Without its columns no row can be read; the header's own problems are the whole story.
  const body = headerBroken ? { rows: cols.dataRows.length, unchanged: 0, plan: emptyPlan(kind) } : yield* CHECKERS[kind](env, cols, problems);
  // Stable: within a row, problems keep the order of the columns they were found in.
  problems.sort(byRow);
  return { ...body, problems, ignoredColumns: cols.ignoredColumns };
}

function emptyPlan(kind: ImportKind): Plan {
  switch (kind) {
    case 'teachers':
      return { kind, inserts: [], updates: [] };
    case 'students':
      return { kind, inserts: [], updates: [] };
    case 'records':
      return { kind, inserts: [], updates: [] };
  }
}

/** Runs the check to the end without pausing (the commit, inside its transaction). */
export function drain<T>(gen: Generator<Progress, T>): T {
  for (;;) {
    const step = gen.next();
    if (step.done) return step.value;
  }
}
