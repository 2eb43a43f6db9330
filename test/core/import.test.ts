// Import tests (vitest, core): real files — GBK, UTF-8 and UTF-8-BOM CSVs, .xlsx made with exceljs,
// broken files — previewed and committed through the dispatcher on real temporary installations.
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { jobIds } from '../../electron/core/import/jobs';
import type { RouteOutput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';
import { formatImportProblem } from '../../shared/api/importMessages';
import type { ImportKind } from '../../electron/core/import/columns';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

interface Fixture {
  inst: Installation;
  clock: TestClock;
  session: string;
}

/** An empty school, the administrator logged in. */
function school(): Fixture {
  const t = tempDir('educredit-import-');
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  cleanups.push(() => {
    inst.close();
    t.cleanup();
  });
  ok(inst, 'setup.init', SCHOOL);
  return { inst, clock, session: login(inst, 'admin') };
}

/** The demo school (132 teachers, ~2,150 students; accounts admin, clerk, auditor, T0001). */
function demoSchool(): Fixture {
  const t = tempDir('educredit-import-demo-');
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  cleanups.push(() => {
    inst.close();
    t.cleanup();
  });
  ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
  return { inst, clock, session: login(inst, 'admin') };
}

type Preview = RouteOutput<'import.preview'>;

function preview(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer, session = f.session): Promise<Result<Preview>> {
  return dispatchAsync(f.inst, { route: 'import.preview', session, input: { kind, fileName, dataBase64: bytes.toString('base64') } }) as Promise<Result<Preview>>;
}

async function previewOk(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer): Promise<Preview> {
  const r = await preview(f, kind, fileName, bytes);
  if (!r.ok) throw new Error(`preview failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Preview must be clean; then commit. */
async function importOk(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer): Promise<{ preview: Preview; result: RouteOutput<'import.commit'> }> {
  const p = await previewOk(f, kind, fileName, bytes);
  expect(p.problems).toEqual([]);
  return { preview: p, result: ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session) };
}

function csv(rows: (string | number)[][], opts: { bom?: boolean; encoding?: 'utf8' | 'gbk'; eol?: string } = {}): Buffer {
  const quote = (v: string | number): string => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(',')).join(opts.eol ?? '\r\n') + (opts.eol ?? '\r\n');
  if (opts.encoding === 'gbk') return iconv.encode(text, 'gbk');
  const body = Buffer.from(text, 'utf8');
  return opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

async function xlsx(rows: ExcelJS.CellValue[][], prepare?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  prepare?.(ws);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function counts(f: Fixture): Record<string, number> {
  return ok(f.inst, 'dashboard.summary', {}, f.session).counts;
}

const TEACHER_HEADER = ['姓名', '性别', '身份证号', '工号', '任教学科', '职称', '入职日期'];
const STUDENT_HEADER = ['姓名', '性别', '学号', '年级', '班级'];
const male = (birth: string, n = 1): string => makeIdNumber('410481', birth, String(n * 2 + 1).padStart(3, '0'));
const female = (birth: string, n = 1): string => makeIdNumber('410481', birth, String(n * 2).padStart(3, '0'));

describe('reading files', () => {
  it('imports a GBK CSV with rare name characters (镕, 堃)', async () => {
    const f = school();
    const bytes = csv(
      [
        TEACHER_HEADER,
        ['王镕', '男', male('19800101'), 'T01', '语文', '一级教师', '2005-09-01'],
        ['李堃', '女', female('19850612'), 'T02', '数学', '', '2010/9/1'],
      ],
      { encoding: 'gbk' },
    );
    // Not valid UTF-8: the detector must fall back to GB18030.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { preview: p, result } = await importOk(f, 'teachers', '教师名单.csv', bytes);
    expect(p).toMatchObject({ encoding: 'gb18030', rows: 2, toInsert: 2, toUpdate: 0, unchanged: 0, ignoredColumns: [] });
    expect(result).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
    const rows = ok(f.inst, 'teachers.list', { sort: 'staffNo' }, f.session).rows;
    expect(rows.map((r) => [r.name, r.staffNo, r.hireDate, r.title])).toEqual([
      ['王镕', 'T01', '2005-09-01', '一级教师'],
      ['李堃', 'T02', '2010-09-01', ''],
    ]);
  });

  it('imports a UTF-8 CSV with a BOM, quoted fields and new classes, audited once with the file hash', async () => {
    const f = school();
    const bytes = csv(
      [
        [...STUDENT_HEADER, '监护人联系方式'],
        ['欧阳"小"明', '男', '2024070101', '七年级', '1班', '138 0000 0000, 父亲'],
        ['张丽', '女', '2024070102', '七年级', '1班', ''],
        ['赵强', '男', '2024070201', '七年级', '2班', '13900000000'],
      ],
      { bom: true },
    );
    const { preview: p, result } = await importOk(f, 'students', 'students.csv', bytes);
    expect(p).toMatchObject({ encoding: 'utf-8-bom', rows: 3, toInsert: 3 });
    expect(result.inserted).toBe(3);
    const students = ok(f.inst, 'students.list', { sort: 'studentNo' }, f.session).rows;
    expect(students.map((s) => [s.name, s.className, s.guardianContact])).toEqual([
      ['欧阳"小"明', '1班', '138 0000 0000, 父亲'],
      ['张丽', '1班', null],
      ['赵强', '2班', '13900000000'],
    ]);
    expect(ok(f.inst, 'classes.list', {}, f.session).map((c) => `${c.grade}${c.name}`)).toEqual(['七年级1班', '七年级2班']);
    const audit = ok(f.inst, 'audit.list', { subject: 'import:students' }, f.session).entries;
    expect(audit).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(JSON.parse(audit[0]!.diff)).toEqual({
      sha256: createHash('sha256').update(bytes).digest('hex'),
      rows: 3,
      inserted: 3,
      updated: 0,
      unchanged: 0,
      classesCreated: 2,
      private: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // The file name is the administrator's to read, in the entry's private part.
    expect(JSON.parse(audit[0]!.detail!)).toEqual({ fileName: 'students.csv' });
  });

  it('imports teacher and student records from a plain UTF-8 CSV, with the catalogue disclosure period', async () => {
    const f = school();
    const teacherId = male('19790304');
    await importOk(f, 'teachers', 't.csv', csv([TEACHER_HEADER, ['周杰', '男', teacherId, 'T9', '体育', '', '2001-09-01']]));
    await importOk(f, 'students', 's.csv', csv([STUDENT_HEADER, ['孙悦', '女', '20250101', '七年级', '1班']]));
    const records = csv(
      [
        ['身份证号', '学号', '目录编码', '日期', '说明'],
        ['', '20250101', 'S-P01', '2026-03-02', '主动打扫教室，班级表扬'],
        [teacherId.toLowerCase(), '', 't-p05', '2026年4月1日', '师德表现突出，学校表扬'],
      ],
      { eol: '\n' },
    );
    const { preview: p, result } = await importOk(f, 'records', 'records.csv', records);
    expect(p).toMatchObject({ encoding: 'utf-8', rows: 2, toInsert: 2 });
    expect(result.inserted).toBe(2);
    const stored = f.inst
      .open()
      .raw.prepare('SELECT r.subject_kind AS k, r.occurred_on AS o, r.expires_on AS e, i.code, i.disclosure_months AS m, r.kind FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id ORDER BY r.id')
      .all() as { k: string; o: string; e: string; code: string; m: number; kind: string }[];
    expect(stored.map((s) => [s.k, s.code, s.o, s.kind])).toEqual([
      ['student', 'S-P01', '2026-03-02', 'original'],
      ['teacher', 'T-P05', '2026-04-01', 'original'],
    ]);
    for (const s of stored) expect(Number(s.e.slice(0, 4)) * 12 + Number(s.e.slice(5, 7)) - (Number(s.o.slice(0, 4)) * 12 + Number(s.o.slice(5, 7)))).toBe(s.m);
    // The same file again adds nothing.
    const again = await importOk(f, 'records', 'records.csv', records);
    expect(again.preview).toMatchObject({ toInsert: 0, unchanged: 2 });
    expect(counts(f).records).toBe(2);
    // A records file may be named after a class or a student: its name is in the private part.
    const entry = ok(f.inst, 'audit.list', { subject: 'import:records', limit: 1 }, f.session).entries[0]!;
    expect(entry.diff).not.toContain('records.csv');
    expect(JSON.parse(entry.detail!)).toEqual({ fileName: 'records.csv' });
  });

  it('reads an .xlsx made with exceljs: English headers, date cells, numbers and date text', async () => {
    const f = school();
    const bytes = await xlsx(
      [
        ['Name', 'Gender', 'ID Number', 'Staff No', 'Subject', 'Title', 'Hire Date', '备注', 'Remarks'],
        ['陈一', '男', male('19810101'), 1001, '英语', '二级教师', new Date(Date.UTC(2012, 8, 1)), 'x', 'y'],
        ['陈二', 'female', female('19820202'), 1002, '化学', null, 44075, null, null],
        ['陈三', 'M', male('19830303'), 'A-3', '物理', '高级教师', '2020年9月1日', null, null],
        ['陈四', '女', female('19840404'), 1004, '美术', '', '20190901', null, null],
      ],
      (ws) => {
        ws.getColumn(3).numFmt = '@';
      },
    );
    const p = await previewOk(f, 'teachers', 'teachers.xlsx', bytes);
    expect(p).toMatchObject({ encoding: null, rows: 4, toInsert: 4, problems: [], ignoredColumns: ['备注', 'Remarks'] });
    ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    const rows = ok(f.inst, 'teachers.list', { sort: 'name' }, f.session).rows;
    expect(Object.fromEntries(rows.map((r) => [r.name, [r.gender, r.staffNo, r.hireDate]]))).toEqual({
      陈一: ['male', '1001', '2012-09-01'],
      陈二: ['female', '1002', '2020-09-01'],
      陈三: ['male', 'A-3', '2020-09-01'],
      陈四: ['female', '1004', '2019-09-01'],
    });
  });

  it('reports an 18-digit ID number stored as a number: Excel has already lost its digits', async () => {
    const f = school();
    const id = male('19800101');
    const bytes = await xlsx([
      TEACHER_HEADER,
      ['王一', '男', Number(id.slice(0, 17) + '1'), 'T1', '语文', '', '2010-09-01'],
      ['学号', 'x', 'y', 'z', 'w', '', ''],
    ]);
    const p = await previewOk(f, 'teachers', 'numbers.xlsx', bytes);
    expect(p.problems[0]).toMatchObject({ row: 2, column: '身份证号', code: 'NUMBER_LOST_DIGITS' });
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toMatch(/^第 2 行 \[身份证号\]: 该单元格是数字格式.*“文本”格式/);
    expect(formatImportProblem(p.problems[0]!, 'en')).toMatch(/^Row 2 \[身份证号\]: the cell is a number.*Format the column as Text/);
  });

  it('keeps long student numbers stored as numbers when Excel holds them exactly', async () => {
    const f = school();
    const bytes = await xlsx([STUDENT_HEADER, ['刘一', '男', 202507010112345, '七年级', 3]]);
    const { preview: p } = await importOk(f, 'students', 'n.xlsx', bytes);
    expect(p.toInsert).toBe(1);
    expect(ok(f.inst, 'students.list', {}, f.session).rows[0]).toMatchObject({ studentNo: '202507010112345', className: '3' });
  });

  it('reads tab-separated UTF-16 ("Unicode text" from Excel), full-width digits, and reports an unclosed quote on its row', async () => {
    const f = school();
    const id = female('19920303');
    const fullWidth = id.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const text = `${TEACHER_HEADER.join('\t')}\r\n张一\t女\t${fullWidth}\tT1\t语文\t\t2015-09-01\r\n`;
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    const { preview: p } = await importOk(f, 'teachers', 'unicode.txt', utf16);
    expect(p).toMatchObject({ encoding: 'utf-16le', toInsert: 1 });
    // Lists mask ID numbers; the teacher's own record has it whole.
    const listed = ok(f.inst, 'teachers.list', {}, f.session).rows[0]!;
    expect(ok(f.inst, 'teachers.get', { id: listed.id }, f.session).idNumber).toBe(id);

    const q = await previewOk(f, 'students', 'q.csv', Buffer.from(`${STUDENT_HEADER.join(',')}\n王一,男,001,七年级,1班\n"王二,男,002,七年级,1班\n王三,男,003,七年级,1班\n`));
    expect(q.problems).toEqual([{ row: 3, column: '', code: 'UNCLOSED_QUOTE' }]);
  });

  it('refuses a broken .xlsx as BAD_FILE with the reason, never INTERNAL', async () => {
    const f = school();
    const cases: [string, Buffer][] = [
      ['roster.xlsx', randomBytes(4096)],
      ['cut.xlsx', (await xlsx([TEACHER_HEADER, ['王一', '男', male('19800101'), 'T1', '语文', '', '2010-09-01']])).subarray(0, 600)],
      ['old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), randomBytes(1000)])],
      ['scan.pdf', Buffer.from('%PDF-1.7\n')],
    ];
    for (const [name, bytes] of cases) {
      const r = await preview(f, 'teachers', name, bytes);
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.error.code, name).toBe('BAD_FILE');
      expect(r.error.params, name).toEqual({ what: name });
      expect(r.error.detail, name).toBeTruthy();
    }
    expect(counts(f).teachers).toBe(0);
  });
});

describe('checking every row', () => {
  it('names both rows of a duplicate, refuses the commit and writes nothing', async () => {
    const f = school();
    const id = male('19800101');
    const p = await previewOk(
      f,
      'teachers',
      'dup.csv',
      csv([
        TEACHER_HEADER,
        ['王一', '男', id, 'T1', '语文', '', '2010-09-01'],
        ['王二', '男', male('19800102'), 'T2', '语文', '', '2010-09-01'],
        ['王三', '男', id.toLowerCase(), 'T2', '语文', '', '2010-09-01'],
      ]),
    );
    expect(p.problems).toEqual([
      { row: 2, column: '身份证号', code: 'DUPLICATE_IN_FILE', params: { value: id, rows: '2, 4' } },
      { row: 3, column: '工号', code: 'DUPLICATE_IN_FILE', params: { value: 'T2', rows: '3, 4' } },
      { row: 4, column: '身份证号', code: 'DUPLICATE_IN_FILE', params: { value: id, rows: '2, 4' } },
      { row: 4, column: '工号', code: 'DUPLICATE_IN_FILE', params: { value: 'T2', rows: '3, 4' } },
    ]);
    const before = counts(f);
    const r = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    expect(r.ok || r.error).toEqual({ code: 'IMPORT_HAS_PROBLEMS', params: { count: 4 } });
    expect(counts(f)).toEqual(before);
  });

  it('reports wrong ID numbers (check character, date, length, gender) on the right row and column', async () => {
    const f = school();
    const good = male('19800101');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const wrongDate = makeIdNumber('410481', '19800230', '011');
    const p = await previewOk(
      f,
      'teachers',
      'ids.csv',
      csv([
        ['姓名', '性别', '身份证号', '工号', '任教学科', '入职日期'],
        ['甲', '男', wrongCheck, 'T1', '语文', '2010-09-01'],
        ['乙', '男', wrongDate, 'T2', '语文', '2010-09-01'],
        ['丙', '男', good.slice(0, 17), 'T3', '语文', '2010-09-01'],
        ['丁', '女', good, 'T4', '语文', '2010-09-01'],
        ['戊', '未知', '41048119800101001', 'T5', '语文', '2099-01-01'],
      ]),
    );
    expect(p.problems.map((x) => [x.row, x.column, x.code, x.params?.reason ?? null])).toEqual([
      [2, '身份证号', 'INVALID_ID_NUMBER', 'check'],
      [3, '身份证号', 'INVALID_ID_NUMBER', 'date'],
      [4, '身份证号', 'INVALID_ID_NUMBER', 'length'],
      [5, '身份证号', 'INVALID_ID_NUMBER', 'gender'],
      [6, '性别', 'BAD_GENDER', null],
      [6, '入职日期', 'DATE_IN_FUTURE', null],
      [6, '身份证号', 'INVALID_ID_NUMBER', 'length'],
    ]);
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toBe(`第 2 行 [身份证号]: 身份证号有误：第 18 位校验码应为“${good[17]}”，实际为“${wrongCheck[17]}”`);
    expect(formatImportProblem(p.problems[2]!, 'en')).toBe('Row 4 [身份证号]: wrong ID number: it must have 18 characters, not 17');
    // No title column: that is allowed, the column is optional.
    expect(p.ignoredColumns).toEqual([]);
  });

  it('names a missing required column and lists extra ones as ignored', async () => {
    const f = school();
    const p = await previewOk(f, 'students', 's.csv', csv([['姓名', '性别', '年级', '班级', '家庭住址', '学籍状态'], ['王一', '男', '七年级', '1班', '某地', '在读']]));
    expect(p.problems).toEqual([{ row: 1, column: '学号', code: 'MISSING_COLUMN', params: { column: '学号' } }]);
    expect(p.ignoredColumns).toEqual(['家庭住址', '学籍状态']);
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toBe('第 1 行 [学号]: 缺少必需的列“学号”');
  });

  it('finds the header below a title row and numbers rows as the spreadsheet does', async () => {
    const f = school();
    const bytes = await xlsx([['2026 年七年级学生名单'], [], STUDENT_HEADER, ['王一', '男', '1', '七年级', '1班'], [], ['王二', '男', '', '七年级', '1班']]);
    const p = await previewOk(f, 'students', 'title.xlsx', bytes);
    expect(p.rows).toBe(2);
    expect(p.problems).toEqual([{ row: 6, column: '学号', code: 'REQUIRED' }]);
  });

  it('checks dates, lengths and the staff number of another teacher', async () => {
    const f = school();
    ok(f.inst, 'teachers.create', { name: '老教师', gender: 'female', idNumber: female('19700101'), staffNo: '1001', subject: '语文', title: '', hireDate: '1995-09-01' }, f.session);
    const p = await previewOk(
      f,
      'teachers',
      't.csv',
      csv([
        TEACHER_HEADER,
        ['新教师', '男', male('19900101'), '1001', '数学', '', '2020-02-30'],
        ['名字'.repeat(16), '男', male('19900102'), '1002', '', '', 'not a date'],
      ]),
    );
    expect(p.problems).toEqual([
      { row: 2, column: '入职日期', code: 'BAD_DATE', params: { value: '2020-02-30' } },
      { row: 3, column: '姓名', code: 'TOO_LONG', params: { max: 30 } },
      { row: 3, column: '任教学科', code: 'REQUIRED' },
      { row: 3, column: '入职日期', code: 'BAD_DATE', params: { value: 'not a date' } },
    ]);
    const q = await previewOk(f, 'teachers', 't.csv', csv([TEACHER_HEADER, ['新教师', '男', male('19900101'), '1001', '数学', '', '2020-02-28']]));
    expect(q.problems).toEqual([{ row: 2, column: '工号', code: 'STAFF_NO_TAKEN', params: { value: '1001', owner: '老教师' } }]);
  });

  it('checks records: catalogue code, subject, evidence, both keys, future dates', async () => {
    const f = school();
    const teacherId = female('19880808');
    await importOk(f, 'teachers', 't.csv', csv([TEACHER_HEADER, ['林一', '女', teacherId, 'T1', '语文', '', '2015-09-01']]));
    await importOk(f, 'students', 's.csv', csv([STUDENT_HEADER, ['林二', '男', '20250101', '七年级', '1班']]));
    const p = await previewOk(
      f,
      'records',
      'r.csv',
      csv([
        ['身份证号', '学号', '目录编码', '日期', '说明', '录入人'],
        ['', '20250101', 'X-999', '2026-01-01', '说明文字'],
        [teacherId, '', 'T-V01', '2026-01-01', '说明文字'],
        [teacherId, '', 'S-P01', '2026-01-01', '说明文字'],
        ['', '20259999', 'S-P01', '2026-01-01', '说明文字'],
        [teacherId, '20250101', 'S-P01', '2026-01-01', '说明文字'],
        ['', '20250101', 'S-P01', '2027-01-01', '好'],
        ['', '20250101', 'S-P01', '2026-02-01', '打扫卫生'],
        ['', '20250101', 'S-P01', '2026-02-01', '打扫卫生'],
      ]),
    );
    expect(p.ignoredColumns).toEqual(['录入人']);
    expect(p.problems.map((x) => [x.row, x.column, x.code])).toEqual([
      [2, '目录编码', 'UNKNOWN_ITEM'],
      [3, '目录编码', 'ITEM_NEEDS_EVIDENCE'],
      [4, '目录编码', 'ITEM_NOT_FOR_SUBJECT'],
      [5, '学号', 'UNKNOWN_STUDENT'],
      [6, '身份证号 / 学号', 'AMBIGUOUS_SUBJECT'],
      [7, '日期', 'DATE_IN_FUTURE'],
      [7, '说明', 'TOO_SHORT'],
      [8, '', 'DUPLICATE_RECORD'],
      [9, '', 'DUPLICATE_RECORD'],
    ]);
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toBe('第 2 行 [目录编码]: 目录编码“X-999”不在当前目录（第 1 版）中');
  });
});

describe('re-importing and updating', () => {
  it('changes nothing when the same file is imported again, except the import entry in the audit log', async () => {
    const f = school();
    const bytes = csv([STUDENT_HEADER, ['王一', '男', '001', '七年级', '1班'], ['王二', '女', '002', '七年级', '2班']]);
    await importOk(f, 'students', 's.csv', bytes);
    const dump = (): unknown => f.inst.open().raw.prepare('SELECT * FROM students ORDER BY id').all();
    const before = { counts: counts(f), rows: dump(), classes: ok(f.inst, 'classes.list', {}, f.session) };
    const again = await importOk(f, 'students', 's.csv', bytes);
    expect(again.preview).toMatchObject({ rows: 2, toInsert: 0, toUpdate: 0, unchanged: 2 });
    expect(again.result).toEqual({ inserted: 0, updated: 0, unchanged: 2 });
    expect(dump()).toEqual(before.rows);
    expect(ok(f.inst, 'classes.list', {}, f.session)).toEqual(before.classes);
    expect(counts(f)).toEqual({ ...before.counts, auditEntries: before.counts.auditEntries! + 1 });
    expect(ok(f.inst, 'audit.list', { limit: 1 }, f.session).entries[0]).toMatchObject({ route: 'import.commit', subject: 'import:students' });
  });

  it('updates changed rows through the registry, audited field by field under each person', async () => {
    const f = school();
    await importOk(f, 'students', 's.csv', csv([[...STUDENT_HEADER, '监护人联系方式'], ['王一', '男', '001', '七年级', '1班', '13800000001'], ['王二', '女', '002', '七年级', '1班', '13800000002']]));
    // No guardian column this time: stored contacts stay. 王一 moves class and is renamed.
    const p = await previewOk(f, 'students', 's2.csv', csv([STUDENT_HEADER, ['王壹', '男', '001', '七年级', '3班'], ['王二', '女', '002', '七年级', '1班']]));
    expect(p).toMatchObject({ toInsert: 0, toUpdate: 1, unchanged: 1, problems: [] });
    expect(ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session)).toEqual({ inserted: 0, updated: 1, unchanged: 1 });
    const student = ok(f.inst, 'students.list', { q: '001' }, f.session).rows[0]!;
    expect(student).toMatchObject({ name: '王壹', className: '3班', guardianContact: '13800000001' });
    const entry = ok(f.inst, 'audit.list', { subject: `student:${student.id}` }, f.session).entries[0]!;
    expect(entry.route).toBe('import.commit');
    expect(JSON.parse(entry.diff).changed).toMatchObject({ name: { from: '王一', to: '王壹' }, classId: { to: student.classId } });
  });
});

describe('a row that would rename a teacher', () => {
  it('is a problem naming who has the ID number; the commit is refused and the teacher keeps the name', async () => {
    const f = school();
    const liao = male('19820304');
    const wang = female('19860709');
    await importOk(f, 'teachers', 't.csv', csv([TEACHER_HEADER, ['廖亮斌', '男', liao, 'T0002', '语文', '一级教师', '2006-09-01'], ['王芳', '女', wang, 'T0003', '数学', '', '2010-09-01']]));
    const stored = (): unknown => f.inst.open().raw.prepare('SELECT * FROM teachers ORDER BY id').all();
    const before = { rows: stored(), counts: counts(f) };

    const p = await previewOk(
      f,
      'teachers',
      'renamed.csv',
      csv([
        TEACHER_HEADER,
        ['李四', '男', liao, 'T0002', '语文', '一级教师', '2006-09-01'],
        // Another cell is bad too: the name is still checked, so one preview says all.
        ['王五', '女', wang, 'T0003', '', '', '2010-09-01'],
      ]),
    );
    expect(p).toMatchObject({ rows: 2, toInsert: 0, toUpdate: 0 });
    expect(p.problems).toEqual([
      { row: 2, column: '身份证号', code: 'ID_NUMBER_OTHER_NAME', params: { owner: '廖亮斌', staffNo: 'T0002', name: '李四' } },
      { row: 3, column: '任教学科', code: 'REQUIRED' },
      { row: 3, column: '身份证号', code: 'ID_NUMBER_OTHER_NAME', params: { owner: '王芳', staffNo: 'T0003', name: '王五' } },
    ]);
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toBe(
      '第 2 行 [身份证号]: 身份证号已是教师廖亮斌（工号 T0002）的，而此行姓名为李四：同一身份证号不能改名导入；如确需更正姓名，请在“教师”页面编辑该教师',
    );
    expect(formatImportProblem(p.problems[0]!, 'en')).toBe(
      'Row 2 [身份证号]: this ID number is already that of teacher 廖亮斌 (staff no. T0002), but this row names 李四: an import cannot rename a teacher; to correct the name, edit the teacher on the Teachers page',
    );
    const r = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    expect(r.ok || r.error).toEqual({ code: 'IMPORT_HAS_PROBLEMS', params: { count: 3 } });
    expect(stored()).toEqual(before.rows);
    expect(counts(f)).toEqual(before.counts);
    expect(ok(f.inst, 'teachers.list', { q: 'T0002' }, f.session).rows.map((t) => t.name)).toEqual(['廖亮斌']);

    // A staff number that is another teacher's than the one the ID number finds is refused too.
    const q = await previewOk(f, 'teachers', 'swapped.csv', csv([TEACHER_HEADER, ['廖亮斌', '男', liao, 'T0003', '语文', '一级教师', '2006-09-01']]));
    expect(q.problems.map((x) => formatImportProblem(x, 'zh-CN'))).toEqual(['第 2 行 [工号]: 工号 T0003 已属于另一位教师（王芳）']);

    // The same name with another subject is an update, as it always was.
    const u = await importOk(f, 'teachers', 'moved.csv', csv([TEACHER_HEADER, ['廖亮斌', '男', liao, 'T0002', '历史', '一级教师', '2006-09-01']]));
    expect(u.preview).toMatchObject({ toInsert: 0, toUpdate: 1, unchanged: 0 });
    expect(u.result).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect(ok(f.inst, 'teachers.list', { q: 'T0002' }, f.session).rows.map((t) => [t.name, t.subject])).toEqual([['廖亮斌', '历史']]);
  });
});

describe('jobs: progress, cancel, expiry, ownership', () => {
  function bigStudents(n: number): Buffer {
    const rows: string[][] = [STUDENT_HEADER];
    for (let i = 0; i < n; i++) rows.push([`学生${i}`, i % 2 ? '男' : '女', `S${String(i).padStart(6, '0')}`, '八年级', `${(i % 12) + 1}班`]);
    return csv(rows);
  }

  it('answers progress while a big preview runs, and a cancel stops it with nothing written', async () => {
    const f = school();
    const userId = ok(f.inst, 'auth.me', {}, f.session).user.id;
    const running = preview(f, 'students', 'big.csv', bigStudents(30_000));
    // The preview has run up to its first turn of the event loop: the job exists.
    const [jobId] = jobIds(f.inst, userId);
    expect(jobId).toBeDefined();
    const progress = ok(f.inst, 'import.progress', { jobId: jobId! }, f.session);
    expect(['reading', 'checking']).toContain(progress.phase);
    expect(progress.done).toBeGreaterThan(0);
    ok(f.inst, 'import.cancel', { jobId: jobId! }, f.session);
    const r = await running;
    expect(r.ok || r.error.code).toBe('IMPORT_JOB_GONE');
    expect(ok(f.inst, 'import.progress', { jobId: jobId! }, f.session).phase).toBe('cancelled');
    const c = call(f.inst, 'import.commit', { jobId: jobId! }, f.session);
    expect(c.ok || c.error.code).toBe('IMPORT_JOB_GONE');
    expect(counts(f).students).toBe(0);
  });

  it('cannot commit a preview cancelled after it finished', async () => {
    const f = school();
    const p = await previewOk(f, 'students', 's.csv', csv([STUDENT_HEADER, ['王一', '男', '001', '七年级', '1班']]));
    expect(ok(f.inst, 'import.progress', { jobId: p.jobId }, f.session)).toEqual({ phase: 'ready', done: 1, total: 1 });
    ok(f.inst, 'import.cancel', { jobId: p.jobId }, f.session);
    const c = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    expect(c.ok || c.error.code).toBe('IMPORT_JOB_GONE');
    expect(counts(f).students).toBe(0);
    expect(ok(f.inst, 'audit.list', { subject: 'import:students' }, f.session).total).toBe(0);
  });

  it('commits a job once, and not after it expired', async () => {
    const f = school();
    const file = csv([STUDENT_HEADER, ['王一', '男', '001', '七年级', '1班']]);
    const p = await previewOk(f, 'students', 's.csv', file);
    ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    const twice = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    expect(twice.ok || twice.error.code).toBe('IMPORT_JOB_GONE');

    const q = await previewOk(f, 'students', 's.csv', csv([STUDENT_HEADER, ['王二', '男', '002', '七年级', '1班']]));
    f.clock.advance(31);
    const session = login(f.inst, 'admin');
    const late = call(f.inst, 'import.commit', { jobId: q.jobId }, session);
    expect(late.ok || late.error.code).toBe('IMPORT_JOB_GONE');
    expect(ok(f.inst, 'dashboard.summary', {}, session).counts.students).toBe(1);
  });

  it("keeps a user's job from every other account", async () => {
    const f = demoSchool();
    const clerk = login(f.inst, 'clerk');
    const p = await previewOk(f, 'students', 's.csv', csv([STUDENT_HEADER, ['王一', '男', 'X001', '七年级', '1班']]));
    for (const route of ['import.progress', 'import.cancel', 'import.commit'] as const) {
      const r = call(f.inst, route, { jobId: p.jobId }, clerk);
      expect(r.ok || r.error.code, route).toBe('IMPORT_JOB_GONE');
    }
    expect(ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session).inserted).toBe(1);
    // The clerk may import too, into the same demo school (2,150 students already there).
    const own = await preview({ ...f, session: clerk }, 'students', 's.csv', csv([STUDENT_HEADER, ['王二', '男', 'X002', '七年级', '1班']]), clerk);
    expect(own.ok && own.value.toInsert).toBe(1);
  });

  it('refuses teachers and auditors on every import route', async () => {
    const f = demoSchool();
    const p = await previewOk(f, 'teachers', 't.csv', csv([TEACHER_HEADER]));
    for (const user of ['T0001', 'auditor']) {
      const s = login(f.inst, user);
      const file = { kind: 'teachers', fileName: 't.csv', dataBase64: csv([TEACHER_HEADER]).toString('base64') };
      const calls: [string, unknown][] = [
        ['import.template', { kind: 'teachers' }],
        ['import.preview', file],
        ['import.progress', { jobId: p.jobId }],
        ['import.cancel', { jobId: p.jobId }],
        ['import.commit', { jobId: p.jobId }],
      ];
      for (const [route, input] of calls) {
        const r = await dispatchAsync(f.inst, { route, session: s, input });
        expect(r.ok || r.error, `${user} ${route}`).toEqual({ code: 'FORBIDDEN', params: { route } });
      }
    }
  });
});

describe('templates', () => {
  it('gives each kind an .xlsx with the Chinese headers, an example row and text-formatted number columns', async () => {
    const f = school();
    const expected: Record<ImportKind, string[]> = {
      teachers: TEACHER_HEADER,
      students: [...STUDENT_HEADER, '监护人联系方式'],
      records: ['身份证号', '学号', '目录编码', '日期', '说明'],
    };
    for (const kind of ['teachers', 'students', 'records'] as const) {
      const r = await dispatchAsync(f.inst, { route: 'import.template', session: f.session, input: { kind } });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      const out = r.value as RouteOutput<'import.template'>;
      expect(out.fileName).toMatch(/\.xlsx$/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(out.dataBase64, 'base64') as unknown as ExcelJS.Buffer);
      const ws = wb.worksheets[0]!;
      expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(expected[kind]);
      expect(ws.actualRowCount).toBeGreaterThanOrEqual(2);
      for (const header of ['身份证号', '学号']) {
        const col = expected[kind].indexOf(header) + 1;
        if (col === 0) continue;
        expect(ws.getColumn(col).numFmt, `${kind} ${header}`).toBe('@');
        expect(ws.getRow(2).getCell(col).numFmt, `${kind} ${header} example`).toBe('@');
      }
    }
    // The teachers' template imports as it is: its example row is valid.
    const t = await dispatchAsync(f.inst, { route: 'import.template', session: f.session, input: { kind: 'teachers' } });
    if (!t.ok) throw new Error('template');
    const p = await previewOk(f, 'teachers', 'template.xlsx', Buffer.from((t.value as RouteOutput<'import.template'>).dataBase64, 'base64'));
    expect(p).toMatchObject({ rows: 1, toInsert: 1, problems: [] });
  });
});

describe('a big file', () => {
  it('imports 50,000 students in one transaction in well under 30 s', async () => {
    const f = school();
    const rows: string[][] = [[...STUDENT_HEADER, '监护人联系方式']];
    for (let i = 0; i < 50_000; i++) rows.push([`学生${i}`, i % 2 ? '男' : '女', `2026${String(i).padStart(6, '0')}`, ['七年级', '八年级', '九年级'][i % 3]!, `${(i % 40) + 1}班`, `139${String(i).padStart(8, '0')}`]);
    const started = Date.now();
    const { preview: p, result } = await importOk(f, 'students', 'all.csv', csv(rows));
    const ms = Date.now() - started;
    expect(p.toInsert).toBe(50_000);
    expect(result.inserted).toBe(50_000);
    expect(counts(f)).toMatchObject({ students: 50_000, classes: 120 });
    expect(ms).toBeLessThan(30_000);
  });
});
