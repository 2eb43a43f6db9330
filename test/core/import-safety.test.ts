// Import safety (vitest, core): the caps on rows and columns, the characters no name or text may
// hold, a header-only file as "nothing to import", and the .xlsx worker — cancelled mid-parse,
// leaving the event loop free, killed by its heap limit — all on real installations, real files
// and real worker threads.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { ImportKind } from '../../electron/core/import/columns';
import { liveXlsxWorkers, readXlsxInWorker } from '../../electron/core/import/xlsxInWorker';
import type { RouteOutput } from '../../shared/api/contract';
import { AppError, type ApiError, type Result } from '../../shared/api/errors';
import { describeNothingToImport, formatImportProblem, isNothingToImport } from '../../shared/api/importMessages';
import { formatError } from '../../shared/api/messages';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

interface Fixture {
  inst: Installation;
  session: string;
}

function school(): Fixture {
  const t = tempDir('educredit-import-safety-');
  const inst = new Installation(t.dir, new TestClock());
  cleanups.push(() => {
    inst.close();
    t.cleanup();
  });
  ok(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
  return { inst, session: login(inst, 'admin') };
}

type Preview = RouteOutput<'import.preview'>;

function preview(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer, jobId?: string): Promise<Result<Preview>> {
  const input = { kind, fileName, dataBase64: bytes.toString('base64'), ...(jobId ? { jobId } : {}) };
  return dispatchAsync(f.inst, { route: 'import.preview', session: f.session, input }) as Promise<Result<Preview>>;
}

async function previewOk(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer): Promise<Preview> {
  const r = await preview(f, kind, fileName, bytes);
  if (!r.ok) throw new Error(`preview failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

async function refused(f: Fixture, kind: ImportKind, fileName: string, bytes: Buffer): Promise<ApiError> {
  const r = await preview(f, kind, fileName, bytes);
  if (r.ok) throw new Error(`${fileName} was read: ${JSON.stringify(r.value).slice(0, 300)}`);
  return r.error;
}

const csv = (rows: string[][]): Buffer => Buffer.from(rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const STUDENT_HEADER = ['姓名', '性别', '学号', '年级', '班级', '监护人联系方式'];
const student = (i: number): string[] => [`学生${i}`, i % 2 ? '男' : '女', `S${String(i).padStart(6, '0')}`, '八年级', `${(i % 12) + 1}班`, ''];

describe('caps on rows and columns', () => {
  it('refuses a CSV of more than 100,000 rows of data, naming the limit', async () => {
    const f = school();
    const rows = [STUDENT_HEADER];
    for (let i = 0; i < 100_001; i++) rows.push(student(i));
    const e = await refused(f, 'students', 'all.csv', csv(rows));
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toBe('无法读取文件：all.csv（超过一次最多导入 100,000 行数据的上限：请分成几个文件导入）');
    expect(formatError(e, 'en')).toBe('The file cannot be read: all.csv (more than 100,000 rows of data, the most one import takes: split it into several files)');
  });

  it('reads exactly 100,000 rows of data, blank lines between them not counted', async () => {
    const f = school();
    const rows = [STUDENT_HEADER];
    for (let i = 0; i < 100_000; i++) {
      rows.push(student(i));
      if (i % 1000 === 0) rows.push([',,,,,']);
    }
    const p = await previewOk(f, 'students', 'all.csv', csv(rows));
    expect(p).toMatchObject({ rows: 100_000, toInsert: 100_000, problems: [] });
  });

  it('refuses a CSV row with content beyond column 200, naming the row; empty columns beyond it are no matter', async () => {
    const f = school();
    const wide = [...student(1), ...Array<string>(200).fill(''), '多出的内容'];
    const e = await refused(f, 'students', 'wide.csv', csv([STUDENT_HEADER, student(0), wide]));
    expect(formatError(e, 'zh-CN')).toBe('无法读取文件：wide.csv（第 3 行超过 200 列的上限：请删去不需要的列后再导入）');
    expect(formatError(e, 'en')).toBe('The file cannot be read: wide.csv (row 3 goes beyond 200 columns, the most an import reads: delete the columns not needed)');
    const trailing = [...student(1), ...Array<string>(400).fill('')];
    expect(await previewOk(f, 'students', 'trailing.csv', csv([STUDENT_HEADER, trailing]))).toMatchObject({ rows: 1, toInsert: 1, problems: [] });
  });

  it('refuses an .xlsx row with a cell in column 201, naming the row', async () => {
    const f = school();
    const wide: ExcelJS.CellValue[] = [...student(1)];
    wide[200] = '多出的内容';
    const e = await refused(f, 'students', 'wide.xlsx', await xlsx([STUDENT_HEADER, student(0), wide]));
    expect(e.code).toBe('BAD_FILE');
    expect(formatError(e, 'zh-CN')).toContain('第 3 行超过 200 列的上限');
  });
});

describe('characters no name or text may hold', () => {
  it('refuses NUL, C0 and C1 controls, bidi controls and zero-width characters in every text cell, naming row, column and character', async () => {
    const f = school();
    const rows = [
      STUDENT_HEADER,
      ['王\u202Egnp.exe', '男', 'S001', '七年级', '1班', ''],
      ['李明', '男', 'S00\u200B2', '七年级', '1班', ''],
      ['张丽', '女', 'S003', '七年级', '1\u0000班', ''],
      ['赵\uFEFF强', '男', 'S004', '七\u2066年级', '1班', ''],
      ['周杰', '男', 'S005', '七年级', '1班', '138\u00850000'],
      ['吴\u0001一', '男', 'S006', '七年级', '1班', ''],
      ['郑\u200F二', '男', 'S007', '七年级', '1班', ''],
      ['王\t三', '男', 'S008', '七年级', '1班', ''],
      ['\uFEFF钱四', '男', 'S009', '七年级', '1班', ''],
    ];
    const p = await previewOk(f, 'students', 's.csv', csv(rows));
    expect(p.problems.map((x) => [x.row, x.column, x.code, x.params?.char])).toEqual([
      [2, '姓名', 'FORBIDDEN_CHAR', 'U+202E'],
      [3, '学号', 'FORBIDDEN_CHAR', 'U+200B'],
      [4, '班级', 'FORBIDDEN_CHAR', 'U+0000'],
      [5, '姓名', 'FORBIDDEN_CHAR', 'U+FEFF'],
      [5, '年级', 'FORBIDDEN_CHAR', 'U+2066'],
      [6, '监护人联系方式', 'FORBIDDEN_CHAR', 'U+0085'],
      [7, '姓名', 'FORBIDDEN_CHAR', 'U+0001'],
      [8, '姓名', 'FORBIDDEN_CHAR', 'U+200F'],
      [9, '姓名', 'FORBIDDEN_CHAR', 'U+0009'],
    ]);
    // A byte order mark at the start of a cell is trimmed away like a space: 钱四 is fine.
    expect(p.toInsert).toBe(1);
    expect(formatImportProblem(p.problems[0]!, 'zh-CN')).toBe(
      '第 2 行 [姓名]: 第 2 个字符是 U+202E（从右到左覆盖）：控制字符、文字方向控制符和零宽字符都不能出现在这里，请删去后重新导入',
    );
    expect(formatImportProblem(p.problems[0]!, 'en')).toBe(
      'Row 2 [姓名]: character 2 is U+202E (right-to-left override): control, bidirectional and zero-width characters are not allowed here; delete it and import again',
    );
    expect(formatImportProblem(p.problems[2]!, 'zh-CN')).toContain('第 2 个字符是 U+0000（空字符）');
    expect(formatImportProblem(p.problems[5]!, 'en')).toContain('character 4 is U+0085 (control character)');
    const r = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
    expect(r.ok || r.error.code).toBe('IMPORT_HAS_PROBLEMS');
  });

  it('lets a description run over several lines, and refuses a bidi override in it and in an .xlsx name', async () => {
    const f = school();
    const id = makeIdNumber('410481', '19800101', '013');
    const teachers = await xlsx([
      ['姓名', '性别', '身份证号', '工号', '任教学科', '入职日期'],
      ['王一', '男', id, 'T1', '语文', '2010-09-01'],
      ['王\u202E二', '男', makeIdNumber('410481', '19800102', '013'), 'T\u200D2', '语文', '2010-09-01'],
    ]);
    const t = await previewOk(f, 'teachers', 't.xlsx', teachers);
    expect(t.problems.map((x) => [x.row, x.column, x.params?.char])).toEqual([
      [3, '姓名', 'U+202E'],
      [3, '工号', 'U+200D'],
    ]);
    await previewOk(f, 'teachers', 't1.csv', csv([['姓名', '性别', '身份证号', '工号', '任教学科', '入职日期'], ['王一', '男', id, 'T1', '语文', '2010-09-01']])).then((p) =>
      ok(f.inst, 'import.commit', { jobId: p.jobId }, f.session),
    );
    const records = await xlsx([
      ['身份证号', '目录编码', '日期', '说明'],
      [id, 'T-P05', '2026-03-01', '第一行\n第二行\t（缩进）'],
      [id, 'T-P05', '2026-03-02', '表扬\u202E信'],
    ]);
    const r = await previewOk(f, 'records', 'r.xlsx', records);
    expect(r.problems.map((x) => [x.row, x.column, x.params?.char])).toEqual([[3, '说明', 'U+202E']]);
  });

  it('refuses them in the registry forms too (the routes\' input schemas), in words, while stored names still list', async () => {
    const f = school();
    const base = { gender: 'male' as const, idNumber: makeIdNumber('410481', '19800101', '013'), staffNo: 'T1', subject: '语文', title: '', hireDate: '2010-09-01' };
    const r = call(f.inst, 'teachers.create', { ...base, name: '王\u202E明' }, f.session);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'name', message: 'forbiddenChar' }] });
    // The field is named in words, never by its key.
    expect(formatError(r.error, 'zh-CN')).toBe('输入有误，请检查标出的项目。 姓名：不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符');
    expect(formatError(r.error, 'en')).toContain('Name: must not contain control, bidirectional (such as U+202E), zero-width or other invisible characters');
    const cls = call(f.inst, 'classes.create', { grade: '七年级', name: '1\u200B班' }, f.session);
    expect(cls.ok || cls.error.issues).toEqual([{ path: 'name', message: 'forbiddenChar' }]);
    const classId = ok(f.inst, 'classes.create', { grade: '七年级', name: '1班' }, f.session).id;
    const s = call(f.inst, 'students.create', { name: '李明', gender: 'male', studentNo: 'S\u00001', classId }, f.session);
    expect(s.ok || s.error.issues).toEqual([{ path: 'studentNo', message: 'forbiddenChar' }]);

    // A name stored before the rule existed is still read back.
    const t = ok(f.inst, 'teachers.create', { ...base, name: '王明' }, f.session);
    f.inst.open().raw.prepare('UPDATE teachers SET name = ? WHERE id = ?').run('王\u200B明', t.id);
    expect(ok(f.inst, 'teachers.list', {}, f.session).rows.map((x) => x.name)).toEqual(['王\u200B明']);
  });

  it('lets a reason run over lines and refuses a direction override or zero-width space in it, at its field', () => {
    const f = school();
    const teacher = ok(f.inst, 'teachers.create', { name: '王明', gender: 'male', idNumber: makeIdNumber('410481', '19800101', '013'), staffNo: 'T1', subject: '语文', title: '', hireDate: '2010-09-01' }, f.session);
    const itemId = ok(f.inst, 'catalogue.current', {}, f.session).items.find((i) => i.code === 'T-P05')!.id;
    const input = { subjectKind: 'teacher' as const, subjectId: teacher.id, itemId, occurredOn: '2026-03-01' };
    for (const bad of ['表扬\u202E信', '表扬信\u200B']) {
      const r = call(f.inst, 'records.create', { ...input, description: bad }, f.session);
      expect(r.ok || r.error.issues).toEqual([{ path: 'description', message: 'forbiddenChar' }]);
    }
    const record = ok(f.inst, 'records.create', { ...input, description: '第一行\n第二行\t（缩进）' }, f.session);
    expect(record.description).toBe('第一行\n第二行\t（缩进）');
    const revoke = call(f.inst, 'records.revoke', { recordId: record.id, reason: '录入\u2066错误' }, f.session);
    expect(revoke.ok || revoke.error.issues).toEqual([{ path: 'reason', message: 'forbiddenChar' }]);
    // A folder too: a stored path that does not read as it is would point somewhere else.
    const folder = call(f.inst, 'settings.update', { backupDir: '/tmp/备份\u202E' }, f.session);
    expect(folder.ok || folder.error.issues).toEqual([{ path: 'backupDir', message: 'forbiddenChar' }]);
  });
});

describe('a header and no data: nothing to import', () => {
  it('says so for a header-only CSV or .xlsx and for an empty file, and the commit refuses it without an audit entry', async () => {
    const f = school();
    for (const [name, bytes] of [
      ['header.csv', csv([STUDENT_HEADER])],
      ['header.xlsx', await xlsx([STUDENT_HEADER])],
    ] as const) {
      const p = await previewOk(f, 'students', name, bytes);
      expect(p, name).toMatchObject({ rows: 0, toInsert: 0, problems: [{ row: 1, column: '', code: 'NO_DATA_ROWS' }] });
      expect(isNothingToImport(p), name).toBe(true);
      expect(describeNothingToImport(p, 'zh-CN')).toBe('没有可导入的数据：文件中只有表头，下面没有数据行。');
      expect(describeNothingToImport(p, 'en')).toBe('Nothing to import: the file has a header row but no rows of data.');
      const c = call(f.inst, 'import.commit', { jobId: p.jobId }, f.session);
      expect(c.ok || c.error.code).toBe('IMPORT_HAS_PROBLEMS');
    }
    const empty = await previewOk(f, 'students', 'empty.csv', Buffer.from('\r\n\r\n'));
    expect(isNothingToImport(empty)).toBe(true);
    expect(describeNothingToImport(empty, 'zh-CN')).toBe('没有可导入的数据：文件是空的。');
    expect(ok(f.inst, 'audit.list', { subject: 'import:students' }, f.session).total).toBe(0);
    // A header with a missing column and no data is a list of problems, not just "nothing".
    const broken = await previewOk(f, 'students', 'broken.csv', csv([['姓名', '性别']]));
    expect(isNothingToImport(broken)).toBe(false);
  });
});

describe('the .xlsx worker', () => {
  let big: Buffer;
  const ROWS = 40_000;
  beforeAll(async () => {
    const rows: string[][] = [STUDENT_HEADER];
    for (let i = 0; i < ROWS; i++) rows.push(student(i));
    big = await xlsx(rows);
  });

  it('is stopped at once by a cancel while it parses: the preview ends cancelled and the thread is gone', async () => {
    const f = school();
    const jobId = randomUUID();
    const running = preview(f, 'students', 'big.xlsx', big, jobId);
    while (liveXlsxWorkers() === 0) await new Promise((r) => setTimeout(r, 5));
    expect(ok(f.inst, 'import.progress', { jobId }, f.session).phase).toBe('reading');
    ok(f.inst, 'import.cancel', { jobId }, f.session);
    const r = await running;
    expect(r.ok || r.error.code).toBe('IMPORT_JOB_GONE');
    expect(liveXlsxWorkers()).toBe(0);
    // The worker never got as far as posting rows: the cancel reached it mid-parse.
    expect(ok(f.inst, 'import.progress', { jobId }, f.session)).toEqual({ phase: 'cancelled', done: 0, total: 0 });
  });

  it('leaves the event loop free while it reads a big workbook, which still imports whole', async () => {
    const f = school();
    const jobId = randomUUID();
    let ticks = 0;
    let last = performance.now();
    let maxGap = 0;
    let readStart = 0;
    let readEnd = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      const reading = liveXlsxWorkers() > 0;
      if (reading) {
        if (readStart === 0) readStart = now;
        readEnd = now;
        ticks += 1;
        maxGap = Math.max(maxGap, now - last);
      }
      last = now;
    }, 10);
    try {
      const r = await preview(f, 'students', 'big.xlsx', big, jobId);
      expect(r.ok && r.value).toMatchObject({ rows: ROWS, toInsert: ROWS, problems: [] });
    } finally {
      clearInterval(timer);
    }
    // Blocked, the loop would tick once the whole parse was over; free, it ticks all along.
    expect(ticks).toBeGreaterThanOrEqual(10);
    expect(maxGap).toBeLessThan((readEnd - readStart) / 2);
  });

  it('turns a worker killed by its heap limit into BAD_FILE, and the host carries on', async () => {
    const e: unknown = await readXlsxInWorker(big, 'big.xlsx', { signal: new AbortController().signal, progress: () => {}, heapMb: 16 }).catch((x: unknown) => x);
    if (!(e instanceof AppError)) throw new Error(`not refused: ${String(e)}`);
    const error = e.toApiError();
    expect(error.code).toBe('BAD_FILE');
    expect(formatError(error, 'zh-CN')).toBe('无法读取文件：big.xlsx（读取这个工作簿需要超过 16 MB 内存，文件过大或构造异常：请分成几个文件，或另存为 .csv 后导入）');
    expect(liveXlsxWorkers()).toBe(0);
    const f = school();
    expect(await previewOk(f, 'students', 'small.xlsx', await xlsx([STUDENT_HEADER, student(1)]))).toMatchObject({ rows: 1, toInsert: 1 });
  });
});
