// Words for spreadsheet-import problems in zh-CN and en (pure: renderer, core and CLI). The core
// reports each bad cell as a code with values (shared/api/routes/import.ts, ImportProblem); this
// file is the one place that turns them into a sentence, so the UI and the CLI say the same thing.
import type { IdNumberProblem } from '../domain/idNumber';
import { describeForbiddenChar, FORBIDDEN_KINDS } from '../domain/text';
import { describeIdProblem, type Lang } from './messages';
import type { ImportPreview, ImportProblem } from './routes/import';

/** Every problem code the importer reports. Row 1 problems are about the header row itself. */
export const IMPORT_PROBLEM_CODES = [
  'EMPTY_FILE',
  'NO_DATA_ROWS',
  'UNCLOSED_QUOTE',
  'MISSING_COLUMN',
  'DUPLICATE_COLUMN',
  'AMBIGUOUS_SUBJECT',
  'REQUIRED',
  'TOO_LONG',
  'TOO_SHORT',
  'FORBIDDEN_CHAR',
  'CELL_ERROR',
  'BAD_GENDER',
  'INVALID_ID_NUMBER',
  'NUMBER_LOST_DIGITS',
  'BAD_DATE',
  'DATE_IN_FUTURE',
  'DUPLICATE_IN_FILE',
  'DUPLICATE_RECORD',
  'STAFF_NO_TAKEN',
  'ID_NUMBER_OTHER_NAME',
  'UNKNOWN_TEACHER',
  'UNKNOWN_STUDENT',
  'UNKNOWN_ITEM',
  'ITEM_NOT_FOR_SUBJECT',
  'ITEM_NEEDS_EVIDENCE',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

/** The columns of each import, as the template and the messages name them. */
export const IMPORT_HEADERS = {
  name: { zh: '姓名', en: 'name' },
  gender: { zh: '性别', en: 'gender' },
  idNumber: { zh: '身份证号', en: 'idNumber' },
  staffNo: { zh: '工号', en: 'staffNo' },
  subject: { zh: '任教学科', en: 'subject' },
  title: { zh: '职称', en: 'title' },
  hireDate: { zh: '入职日期', en: 'hireDate' },
  studentNo: { zh: '学号', en: 'studentNo' },
  grade: { zh: '年级', en: 'grade' },
  class: { zh: '班级', en: 'class' },
  guardianContact: { zh: '监护人联系方式', en: 'guardianContact' },
  itemCode: { zh: '目录编码', en: 'itemCode' },
  occurredOn: { zh: '日期', en: 'occurredOn' },
  description: { zh: '说明', en: 'description' },
} as const;
export type ImportField = keyof typeof IMPORT_HEADERS;

type Params = Record<string, string | number>;

/** A FORBIDDEN_CHAR problem's character in words: its params are { char: 'U+202E', kind, position }. */
function forbidden(p: Params, lang: Lang): string {
  const kind = FORBIDDEN_KINDS.find((k) => k === p.kind) ?? 'control';
  return describeForbiddenChar({ code: String(p.char), kind }, lang);
}

const zh: Record<ImportProblemCode, (p: Params) => string> = {
  EMPTY_FILE: () => '文件中没有任何内容',
  NO_DATA_ROWS: () => '表头下面没有数据行',
  UNCLOSED_QUOTE: () => '引号没有闭合，从这一行起的内容无法读取',
  MISSING_COLUMN: (p) => `缺少必需的列“${p.column}”`,
  DUPLICATE_COLUMN: () => '这一列与前面的列是同一项，只能出现一次',
  AMBIGUOUS_SUBJECT: () => '一行只能填写身份证号（教师的记录）或学号（学生的记录）之一，不能两个都填',
  REQUIRED: () => '不能为空',
  TOO_LONG: (p) => `太长：最多 ${p.max} 个字`,
  TOO_SHORT: (p) => `太短：至少 ${p.min} 个字`,
  FORBIDDEN_CHAR: (p) => `第 ${p.position} 个字符是 ${forbidden(p, 'zh-CN')}：控制字符、文字方向控制符和零宽字符都不能出现在这里，请删去后重新导入`,
  CELL_ERROR: (p) => `单元格是 Excel 错误值 ${p.value}`,
  BAD_GENDER: (p) => `“${p.value}”不是性别：应为“男”或“女”`,
  INVALID_ID_NUMBER: () => '',
  NUMBER_LOST_DIGITS: (p) => `该单元格是数字格式，Excel 只保留 15 位有效数字，号码已变为 ${p.value}。请把这一列设为“文本”格式，重新输入号码后再导入`,
  BAD_DATE: (p) => `“${p.value}”不是有效日期（可写作 2020-09-01、2020/9/1 或 2020年9月1日）`,
  DATE_IN_FUTURE: (p) => `日期 ${p.date} 晚于今天`,
  DUPLICATE_IN_FILE: (p) => `“${p.value}”在文件中重复出现（第 ${p.rows} 行）`,
  DUPLICATE_RECORD: (p) => `同一人、同一事项、同一日期、同样说明的记录在文件中重复出现（第 ${p.rows} 行）`,
  STAFF_NO_TAKEN: (p) => `工号 ${p.value} 已属于另一位教师（${p.owner}）`,
  ID_NUMBER_OTHER_NAME: (p) =>
    `身份证号已是教师${p.owner}（工号 ${p.staffNo}）的，而此行姓名为${p.name}：同一身份证号不能改名导入；如确需更正姓名，请在“教师”页面编辑该教师`,
  UNKNOWN_TEACHER: (p) => `找不到身份证号为 ${p.value} 的教师，请先导入或录入教师`,
  UNKNOWN_STUDENT: (p) => `找不到学号为 ${p.value} 的学生，请先导入或录入学生`,
  UNKNOWN_ITEM: (p) => `目录编码“${p.code}”不在当前目录（第 ${p.version} 版）中`,
  ITEM_NOT_FOR_SUBJECT: (p) => `目录事项 ${p.code} 不适用于${p.subject === 'teacher' ? '教师' : '学生'}`,
  ITEM_NEEDS_EVIDENCE: (p) => `目录事项 ${p.code} 必须附证明材料，不能批量导入；请在程序中逐条录入并上传材料`,
};

const en: Record<ImportProblemCode, (p: Params) => string> = {
  EMPTY_FILE: () => 'the file has no content',
  NO_DATA_ROWS: () => 'there are no rows of data below the header',
  UNCLOSED_QUOTE: () => 'a quote is not closed: nothing from this row on can be read',
  MISSING_COLUMN: (p) => `the required column "${p.column}" is missing`,
  DUPLICATE_COLUMN: () => 'this column repeats an earlier one; it may appear only once',
  AMBIGUOUS_SUBJECT: () => 'fill in either the ID number (a teacher\'s record) or the student number (a student\'s record), not both',
  REQUIRED: () => 'must not be empty',
  TOO_LONG: (p) => `too long: at most ${p.max} characters`,
  TOO_SHORT: (p) => `too short: at least ${p.min} characters`,
  FORBIDDEN_CHAR: (p) => `character ${p.position} is ${forbidden(p, 'en')}: control, bidirectional and zero-width characters are not allowed here; delete it and import again`,
  CELL_ERROR: (p) => `the cell holds the Excel error ${p.value}`,
  BAD_GENDER: (p) => `"${p.value}" is not a gender: use 男/女 or male/female`,
  INVALID_ID_NUMBER: () => '',
  NUMBER_LOST_DIGITS: (p) =>
    `the cell is a number and Excel keeps only 15 digits, so it now reads ${p.value}. Format the column as Text, type the numbers again and import again`,
  BAD_DATE: (p) => `"${p.value}" is not a valid date (write 2020-09-01, 2020/9/1 or 2020年9月1日)`,
  DATE_IN_FUTURE: (p) => `the date ${p.date} is after today`,
  DUPLICATE_IN_FILE: (p) => `"${p.value}" appears more than once in the file (rows ${p.rows})`,
  DUPLICATE_RECORD: (p) => `the same record (person, item, date and description) appears more than once in the file (rows ${p.rows})`,
  STAFF_NO_TAKEN: (p) => `staff number ${p.value} already belongs to another teacher (${p.owner})`,
  ID_NUMBER_OTHER_NAME: (p) =>
    `this ID number is already that of teacher ${p.owner} (staff no. ${p.staffNo}), but this row names ${p.name}: an import cannot rename a teacher; to correct the name, edit the teacher on the Teachers page`,
  UNKNOWN_TEACHER: (p) => `no teacher has the ID number ${p.value}: import or enter the teacher first`,
  UNKNOWN_STUDENT: (p) => `no student has the student number ${p.value}: import or enter the student first`,
  UNKNOWN_ITEM: (p) => `the catalogue code "${p.code}" is not in the current catalogue (version ${p.version})`,
  ITEM_NOT_FOR_SUBJECT: (p) => `catalogue item ${p.code} does not apply to ${p.subject === 'teacher' ? 'teachers' : 'students'}`,
  ITEM_NEEDS_EVIDENCE: (p) => `catalogue item ${p.code} needs evidence and cannot be imported in bulk: enter it in the app with its files`,
};

function isCode(code: string): code is ImportProblemCode {
  return (IMPORT_PROBLEM_CODES as readonly string[]).includes(code);
}

/** Why the cell or row is bad, in one sentence without the row and column. */
export function describeImportProblem(p: ImportProblem, lang: Lang): string {
  const params = p.params ?? {};
  if (p.code === 'INVALID_ID_NUMBER') {
    const why = describeIdProblem(params as unknown as IdNumberProblem, lang);
    return lang === 'zh-CN' ? `身份证号有误：${why}` : `wrong ID number: ${why}`;
  }
  if (!isCode(p.code)) return p.code;
  return (lang === 'zh-CN' ? zh : en)[p.code](params);
}

/** The line the CLI prints and the UI lists: `第 N 行 [列]: reason` / `Row N [column]: reason`. */
export function formatImportProblem(p: ImportProblem, lang: Lang): string {
  const where = lang === 'zh-CN' ? `第 ${p.row} 行` : `Row ${p.row}`;
  const column = p.column ? ` [${p.column}]` : '';
  return `${where}${column}: ${describeImportProblem(p, lang)}`;
}

/** Problems that mean the file holds no data at all, rather than bad data. */
const NOTHING_CODES: readonly string[] = ['EMPTY_FILE', 'NO_DATA_ROWS'];

/**
 * A preview with no rows of data whose only problems say so: "nothing to import", which the UI
 * and the CLI show as that outcome rather than as a list of errors (the commit refuses it too).
 */
export function isNothingToImport(p: Pick<ImportPreview, 'rows' | 'problems' | 'moreProblems'>): boolean {
  return p.rows === 0 && p.moreProblems === 0 && p.problems.length > 0 && p.problems.every((x) => NOTHING_CODES.includes(x.code));
}

/** The one sentence for that outcome. */
export function describeNothingToImport(p: Pick<ImportPreview, 'problems'>, lang: Lang): string {
  const headerOnly = p.problems.some((x) => x.code === 'NO_DATA_ROWS');
  if (lang === 'zh-CN') return headerOnly ? '没有可导入的数据：文件中只有表头，下面没有数据行。' : '没有可导入的数据：文件是空的。';
  return headerOnly ? 'Nothing to import: the file has a header row but no rows of data.' : 'Nothing to import: the file is empty.';
}

/** Why a whole file is refused before any row is checked: a limit it passes, or a zip that lies. */
export type FileRefusal =
  | { reason: 'unpackedTooLarge'; maxBytes: number }
  | { reason: 'tooManyParts'; max: number }
  | { reason: 'compressionRatio'; part: string; max: number }
  | { reason: 'sizeMismatch'; part: string }
  | { reason: 'tooManyRows'; max: number }
  | { reason: 'tooManyColumns'; row: number; max: number }
  | { reason: 'tooManyCells'; max: number }
  | { reason: 'outOfMemory'; maxMb: number };

const count = (n: number): string => n.toLocaleString('en-US');
const mib = (bytes: number): string => count(Math.round(bytes / 1024 / 1024));

/** A refusal in both languages. */
function refusalWords(r: FileRefusal): { zh: string; en: string } {
  switch (r.reason) {
    case 'unpackedTooLarge':
      return {
        zh: `工作簿解压后超过 ${mib(r.maxBytes)} MB 的上限，可能是“压缩炸弹”：请只保留要导入的数据，或分成几个文件导入`,
        en: `the workbook is larger than ${mib(r.maxBytes)} MB when unpacked, possibly a "zip bomb": keep only the data to import, or split it into several files`,
      };
    case 'tooManyParts':
      return {
        zh: `工作簿由超过 ${count(r.max)} 个部件组成，远多于一份名单所需：请另存为新的 .xlsx 或 .csv 后再导入`,
        en: `the workbook has more than ${count(r.max)} parts, far more than a roster needs: save it as a new .xlsx or .csv and import that`,
      };
    case 'compressionRatio':
      return {
        zh: `工作簿中的部件“${r.part}”压缩了 ${count(r.max)} 倍以上，只有“压缩炸弹”才会这样`,
        en: `the workbook's part "${r.part}" is compressed more than ${count(r.max)} times, as only a "zip bomb" is`,
      };
    case 'sizeMismatch':
      return {
        zh: `工作簿目录中记录的“${r.part}”大小与实际内容不符，文件已损坏或被改动过`,
        en: `the size the workbook's directory gives for "${r.part}" does not match its contents: the file is damaged or was altered`,
      };
    case 'tooManyRows':
      return {
        zh: `超过一次最多导入 ${count(r.max)} 行数据的上限：请分成几个文件导入`,
        en: `more than ${count(r.max)} rows of data, the most one import takes: split it into several files`,
      };
    case 'tooManyColumns':
      return {
        zh: `第 ${r.row} 行超过 ${count(r.max)} 列的上限：请删去不需要的列后再导入`,
        en: `row ${r.row} goes beyond ${count(r.max)} columns, the most an import reads: delete the columns not needed`,
      };
    case 'tooManyCells':
      return {
        zh: `工作簿超过 ${count(r.max)} 个单元格的上限：请删去不需要的工作表或列，或分成几个文件导入`,
        en: `the workbook has more than ${count(r.max)} cells, the most an import reads: delete the sheets or columns not needed, or split it into several files`,
      };
    case 'outOfMemory':
      return {
        zh: `读取这个工作簿需要超过 ${count(r.maxMb)} MB 内存，文件过大或构造异常：请分成几个文件，或另存为 .csv 后导入`,
        en: `reading this workbook needs more than ${count(r.maxMb)} MB of memory, so it is too large or oddly built: split it, or save it as .csv and import that`,
      };
  }
}

/**
 * BAD_FILE's params for a refused file: the file's name with the reason, in Chinese as `what` and
 * in English as `whatEn` (shared/api/messages.ts picks the words of the user's language).
 */
export function fileRefusalParams(fileName: string, r: FileRefusal): { what: string; whatEn: string } {
  const words = refusalWords(r);
  return { what: `${fileName}（${words.zh}）`, whatEn: `${fileName} (${words.en})` };
}
