// Header recognition for imports (core): which column holds which field. Schools write headers in
// many ways (身份证号码, 身份证号*, "ID Number"); we match them without case, spaces, marks of
// "required" or notes in brackets. Unknown headers are listed back to the user, not refused.
import type { ImportProblem } from '../../../shared/api/routes/import';
import { IMPORT_HEADERS, type ImportField } from '../../../shared/api/importMessages';
import { cellText } from './cells';
import type { Sheet, SheetRow } from './parse';

export type ImportKind = 'teachers' | 'students' | 'records';

const ALIASES: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名字', '教师姓名', '学生姓名', 'name', 'fullname'],
  gender: ['性别', 'gender', 'sex'],
  idNumber: ['身份证号', '身份证号码', '身份证', '居民身份证号码', '公民身份号码', '证件号码', 'idnumber', 'idno', 'idcard', 'idcardnumber'],
  staffNo: ['工号', '教职工号', '职工号', '教工号', 'staffno', 'staffnumber', 'employeeno'],
  subject: ['任教学科', '学科', '任教科目', 'subject', 'teachingsubject'],
  title: ['职称', '专业技术职务', 'title', 'professionaltitle'],
  hireDate: ['入职日期', '入职时间', '参加工作时间', '参加工作日期', 'hiredate', 'hiredon', 'startdate'],
  studentNo: ['学号', '学籍号', 'studentno', 'studentnumber', 'studentid'],
  grade: ['年级', 'grade'],
  class: ['班级', '班', 'class', 'classname'],
  guardianContact: ['监护人联系方式', '监护人电话', '监护人手机', '家长电话', '家长联系方式', '联系电话', 'guardiancontact', 'guardianphone', 'guardian'],
  itemCode: ['目录编码', '目录代码', '事项编码', '编码', 'itemcode', 'cataloguecode', 'catalogcode', 'code'],
  occurredOn: ['日期', '发生日期', '记录日期', '时间', 'date', 'occurredon', 'occurredat'],
  description: ['说明', '情况说明', '描述', '事由', 'description', 'details'],
};

/** The fields of each kind; the first ones are required, the optional ones may be absent. */
export const KIND_FIELDS: Record<ImportKind, { required: readonly ImportField[]; optional: readonly ImportField[] }> = {
  teachers: { required: ['name', 'gender', 'idNumber', 'staffNo', 'subject', 'hireDate'], optional: ['title'] },
  students: { required: ['name', 'gender', 'studentNo', 'grade', 'class'], optional: ['guardianContact'] },
  // A records row names its subject by 身份证号 (a teacher's record) or by 学号 (a student's).
  records: { required: ['itemCode', 'occurredOn', 'description'], optional: ['idNumber', 'studentNo'] },
};

/** The template's column order for each kind. */
export const TEMPLATE_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  teachers: ['name', 'gender', 'idNumber', 'staffNo', 'subject', 'title', 'hireDate'],
  students: ['name', 'gender', 'studentNo', 'grade', 'class', 'guardianContact'],
  records: ['idNumber', 'studentNo', 'itemCode', 'occurredOn', 'description'],
};

/** Lower case, no spaces, underscores, hyphens, "required" stars or bracketed notes. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[(（[【].*?[)）\]】]/g, '')
    .replace(/[\s_\-*＊:：]/g, '')
    .toLowerCase();
}

/** How a problem about the subject of a record names the two columns. */
export const SUBJECT_COLUMNS = `${IMPORT_HEADERS.idNumber.zh} / ${IMPORT_HEADERS.studentNo.zh}`;

const LOOKUP = new Map<string, ImportField>();
for (const [field, names] of Object.entries(ALIASES) as [ImportField, readonly string[]][]) {
  for (const n of names) LOOKUP.set(normaliseHeader(n), field);
}

export interface ColumnMap {
  /** The header row as the sheet numbers it. */
  headerRow: number;
  /** Field → 0-based column and its header text as written in the file. */
  fields: Partial<Record<ImportField, { col: number; header: string }>>;
  ignoredColumns: string[];
  problems: ImportProblem[];
  /** The data rows, below the header. */
  dataRows: SheetRow[];
}

function headerTexts(row: SheetRow): string[] {
  return row.cells.map((c) => {
    const t = cellText(c);
    return t.ok ? t.value : '';
  });
}

function knownCount(texts: string[]): number {
  return texts.filter((t) => LOOKUP.has(normaliseHeader(t))).length;
}

/**
 * Finds the header row (the first non-empty row, or a later one among the first few when a title
 * row like "2024 年教师名单" sits above it) and maps its columns to fields.
 */
export function mapColumns(sheet: Sheet, kind: ImportKind): ColumnMap {
  const problems: ImportProblem[] = [];
  const first = sheet.rows[0];
  if (!first) {
    problems.push({ row: sheet.unclosedQuoteRow ?? 1, column: '', code: sheet.unclosedQuoteRow ? 'UNCLOSED_QUOTE' : 'EMPTY_FILE' });
    return { headerRow: 1, fields: {}, ignoredColumns: [], problems, dataRows: [] };
  }
  let headerIndex = 0;
  if (knownCount(headerTexts(first)) < 2) {
    const later = sheet.rows.slice(1, 6).findIndex((r) => knownCount(headerTexts(r)) >= 2);
    if (later >= 0) headerIndex = later + 1;
  }
  const header = sheet.rows[headerIndex]!;
  const texts = headerTexts(header);
  const allowed = new Set<ImportField>([...KIND_FIELDS[kind].required, ...KIND_FIELDS[kind].optional]);
  const fields: ColumnMap['fields'] = {};
  const ignoredColumns: string[] = [];
  texts.forEach((text, col) => {
    if (text === '') return;
    const field = LOOKUP.get(normaliseHeader(text));
    if (!field || !allowed.has(field)) {
      ignoredColumns.push(text);
      return;
    }
    if (fields[field]) {
      problems.push({ row: header.row, column: text, code: 'DUPLICATE_COLUMN' });
      return;
    }
    fields[field] = { col, header: text };
  });
  for (const f of KIND_FIELDS[kind].required) {
    if (!fields[f]) problems.push({ row: header.row, column: IMPORT_HEADERS[f].zh, code: 'MISSING_COLUMN', params: { column: IMPORT_HEADERS[f].zh } });
  }
  // Records: each row names its subject by 身份证号 (a teacher) or 学号 (a student), so one file
  // (and one template) holds both; at least one of the two columns must be there.
  if (kind === 'records' && !fields.idNumber && !fields.studentNo) {
    problems.push({ row: header.row, column: SUBJECT_COLUMNS, code: 'MISSING_COLUMN', params: { column: SUBJECT_COLUMNS } });
  }
  const dataRows = sheet.rows.slice(headerIndex + 1);
  if (sheet.unclosedQuoteRow !== null) problems.push({ row: sheet.unclosedQuoteRow, column: '', code: 'UNCLOSED_QUOTE' });
  // A header alone is nothing to import, not an import of nothing (which would still be audited).
  else if (dataRows.length === 0) problems.push({ row: header.row, column: '', code: 'NO_DATA_ROWS' });
  return { headerRow: header.row, fields, ignoredColumns, problems, dataRows };
}
