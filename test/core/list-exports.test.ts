// Lists taken away, on a real demo school: each export route writes the list as filtered, as an
// .xlsx read back with exceljs and as a PDF read back with poppler (the school, the title, the
// filter in words, 第 x 页 共 y 页 on every page); ID numbers stay masked, student records are the
// school administrator's alone, and every export is in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { RouteInput, RouteName } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

let inst: Installation;
let cleanup: () => void;
let admin: string;
const out = mkdtempSync(join(tmpdir(), 'educredit-lists-'));

type FileOut = { fileName: string; mime: string; dataBase64: string };

async function exportAs<R extends RouteName>(route: R, input: RouteInput<R>, session = admin): Promise<FileOut> {
  const r = await dispatchAsync(inst, { route, input, session });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as FileOut;
}

async function refused<R extends RouteName>(route: R, input: RouteInput<R>, session: string): Promise<ApiError> {
  const r = await dispatchAsync(inst, { route, input, session });
  if (r.ok) throw new Error(`${route} was not refused`);
  return r.error;
}

async function sheetRows(file: FileOut): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  const bytes = Buffer.from(file.dataBase64, 'base64');
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

async function worksheet(file: FileOut): Promise<ExcelJS.Worksheet> {
  const book = new ExcelJS.Workbook();
  const bytes = Buffer.from(file.dataBase64, 'base64');
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return book.worksheets[0]!;
}

function pdfText(file: FileOut, name: string): { text: string; pages: number } {
  const path = join(out, name);
  writeFileSync(path, Buffer.from(file.dataBase64, 'base64'));
  execFileSync('qpdf', ['--check', path]);
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
  return { text: execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }), pages };
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
  admin = login(inst, 'admin');
});
afterAll(() => {
  inst.close();
  cleanup();
  if (!process.env.KEEP) rmSync(out, { recursive: true, force: true });
});

describe('the teacher register', () => {
  it('is a workbook of the filtered list, ID numbers masked, the filter in words', async () => {
    const listed = ok(inst, 'teachers.list', { subject: '数学', status: 'active', limit: 500 }, admin);
    const file = await exportAs('teachers.export', { subject: '数学', status: 'active', format: 'xlsx' });
    expect(file.fileName).toMatch(/^教师名册-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(file);
    expect(rows[0]![0]).toBe('舞钢市第一初级中学 · 教师名册');
    expect(rows[1]![0]).toBe('筛选条件：状态：在职；任教学科：数学');
    expect(rows[3]).toEqual(['工号', '姓名', '性别', '身份证号', '任教学科', '职称', '入职日期', '状态', '记录数', '账户']);
    const data = rows.slice(4);
    expect(data).toHaveLength(listed.total);
    expect(data.map((r) => r[0])).toEqual(listed.rows.map((r) => r.staffNo));
    for (const r of data) expect(r[3]).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
    expect(data[0]![6]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
  });

  it('prints on A4 with the school, the date and 第 x 页 共 y 页 on every page', async () => {
    const file = await exportAs('teachers.export', { format: 'pdf' });
    expect(file.mime).toBe('application/pdf');
    const { text, pages } = pdfText(file, 'teachers.pdf');
    expect(pages).toBeGreaterThan(1);
    for (let p = 1; p <= pages; p += 1) expect(text).toMatch(new RegExp(`第\\s*${p}\\s*页\\s*共\\s*${pages}\\s*页`));
    expect(text).toContain('教师名册');
    expect(text).toContain('舞钢市第一初级中学');
    expect(text).toContain('筛选条件：全部');
    expect(text).toMatch(/打印时间：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  });

  it('speaks English when asked', async () => {
    const rows = await sheetRows(await exportAs('teachers.export', { format: 'xlsx', lang: 'en', status: 'active' }));
    expect(rows[1]![0]).toBe('Filtered by: Status: Employed');
    expect(rows[3]![0]).toBe('Staff no.');
  });

  it('is audited with what was exported and how many rows', async () => {
    const entries = ok(inst, 'audit.list', { subject: 'teachers', limit: 10 }, admin).entries.filter((e) => e.route === 'teachers.export');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    const diff = JSON.parse(entries.at(-1)!.diff) as { filter: Record<string, unknown> };
    expect(diff).toMatchObject({ format: 'xlsx', rows: expect.any(Number), filter: { subject: '数学', status: 'active' } });
    // What was chosen, not how it was sorted.
    expect(Object.keys(diff.filter).sort()).toEqual(['status', 'subject']);
  });
});

describe('credit records', () => {
  it('of teachers, as filtered, for the records clerk too', async () => {
    const clerk = login(inst, 'clerk');
    const listed = ok(inst, 'records.list', { subjectKind: 'teacher', status: 'active', limit: 1 }, clerk);
    const rows = await sheetRows(await exportAs('records.export', { subjectKind: 'teacher', status: 'active', format: 'xlsx' }, clerk));
    expect(rows.slice(4)).toHaveLength(listed.total);
    expect(rows[1]![0]).toBe('筛选条件：状态：有效');
    expect(new Set(rows.slice(4).map((r) => r[6]))).toEqual(new Set(['有效']));
  });

  it('of students, for the school administrator alone, with the filter kept out of the public log', async () => {
    const cls = ok(inst, 'classes.list', {}, admin)[0]!;
    const file = await exportAs('records.export', { subjectKind: 'student', classId: cls.id, format: 'xlsx' });
    const rows = await sheetRows(file);
    expect(rows[0]![0]).toBe('舞钢市第一初级中学 · 学生信用记录');
    expect(rows[1]![0]).toBe(`筛选条件：班级：${cls.grade}${cls.name}`);
    const clerk = login(inst, 'clerk');
    expect((await refused('records.export', { subjectKind: 'student', format: 'xlsx' }, clerk)).code).toBe('FORBIDDEN');
    expect((await refused('records.export', { subjectKind: 'student', format: 'xlsx' }, login(inst, 'auditor'))).code).toBe('FORBIDDEN');
    const entry = ok(inst, 'audit.list', { subject: 'records:student', limit: 5 }, login(inst, 'auditor')).entries[0]!;
    expect(JSON.parse(entry.diff)).toMatchObject({ format: 'xlsx', rows: rows.length - 4 });
    expect(entry.diff).not.toContain('classId');
    expect(entry.detail).toBeNull();
  });

  it('refuses to print more rows than a printout can hold, and says to narrow the filter', async () => {
    const e = await refused('records.export', { subjectKind: 'student', format: 'pdf' }, admin);
    expect(e).toMatchObject({ code: 'TOO_MANY_ROWS', params: { max: 5000 } });
  });
});

describe('points in a list of records', () => {
  it('are number cells that sum, signed by their format; a revocation has none and the record it revoked is struck', async () => {
    const t = ok(inst, 'teachers.create', { name: '廖亮斌', gender: 'male', idNumber: makeIdNumber('410481', '19820304', '013'), staffNo: 'T9701', subject: '语文', title: '', hireDate: '2006-09-01' }, admin);
    const items = ok(inst, 'catalogue.current', {}, admin).items;
    const evidence = [{ fileName: '证明.pdf', dataBase64: Buffer.from('%PDF-1.4\n% evidence\n%%EOF').toString('base64') }];
    const add = (code: string, occurredOn: string): number =>
      ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: t.id, itemId: items.find((i) => i.code === code)!.id, occurredOn, description: `${code} 的事实描述`, evidence }, admin).id;
    const praised = add('T-P05', '2026-03-02');
    const absent = add('T-V04', '2026-04-07');
    const revoked = add('T-V04', '2026-05-11');
    const revocation = ok(inst, 'records.revoke', { recordId: revoked, reason: '经核实不属实，予以撤销' }, admin).id;
    const points = (code: string): number => items.find((i) => i.code === code)!.points;
    expect(points('T-P05')).toBeGreaterThan(0);
    expect(points('T-V04')).toBeLessThan(0);

    const sheet = await worksheet(await exportAs('records.export', { subjectKind: 'teacher', subjectId: t.id, format: 'xlsx' }));
    const head = (sheet.getRow(4).values as unknown[]).slice(1);
    const idCol = head.indexOf('编号') + 1;
    const pointsCol = head.indexOf('分值') + 1;
    expect(pointsCol).toBeGreaterThan(0);
    const byId = new Map<number, ExcelJS.Cell>();
    for (let n = 5; n <= sheet.rowCount; n += 1) byId.set(Number(sheet.getRow(n).getCell(idCol).value), sheet.getRow(n).getCell(pointsCol));
    expect([...byId.keys()].sort((a, b) => a - b)).toEqual([praised, absent, revoked, revocation]);
    for (const [id, code] of [[praised, 'T-P05'], [absent, 'T-V04'], [revoked, 'T-V04']] as const) {
      const cell = byId.get(id)!;
      expect(cell.type, `record ${id}`).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(points(code));
      expect(cell.numFmt).toBe('+0;"−"0;0');
    }
    // The record that no longer counts shows its points struck; the revocation shows none.
    expect(byId.get(revoked)!.font?.strike).toBe(true);
    expect(byId.get(absent)!.font?.strike).toBeFalsy();
    expect(byId.get(revocation)!.type).toBe(ExcelJS.ValueType.Null);
    // The points not struck through add up to what the records contribute to the score.
    const counted = [...byId.values()].filter((c) => c.type === ExcelJS.ValueType.Number && !c.font?.strike).reduce((sum, c) => sum + Number(c.value), 0);
    const listed = ok(inst, 'records.list', { subjectKind: 'teacher', subjectId: t.id, limit: 10 }, admin).rows;
    expect(counted).toBe(listed.reduce((sum, r) => sum + r.contribution, 0));

    // No list of records writes points as text any more: every cell of the column is a number or empty.
    const all = await worksheet(await exportAs('records.export', { subjectKind: 'teacher', format: 'xlsx' }));
    const types = new Set<ExcelJS.ValueType>();
    for (let n = 5; n <= all.rowCount; n += 1) types.add(all.getRow(n).getCell(pointsCol).type);
    expect([...types].every((x) => x === ExcelJS.ValueType.Number || x === ExcelJS.ValueType.Null)).toBe(true);

    // The PDF prints them with their sign, and nothing on the revocation's row.
    const { text } = pdfText(await exportAs('records.export', { subjectKind: 'teacher', subjectId: t.id, format: 'pdf' }), 'points.pdf');
    const line = (id: number): string => text.split('\n').find((l) => new RegExp(`^\\s*${id}\\s`).test(l))!;
    expect(line(praised)).toMatch(new RegExp(`\\+${points('T-P05')}\\s`));
    expect(line(absent)).toMatch(new RegExp(`−${-points('T-V04')}\\s`));
    expect(line(revoked)).toMatch(new RegExp(`−${-points('T-V04')}\\s`));
    expect(line(revocation)).not.toMatch(/[+−]\d/);
  });
});

describe('the report register', () => {
  it('lists the reports with their state', async () => {
    const r = await dispatchAsync(inst, { route: 'reports.generate', input: { teacherId: 3 }, session: admin });
    expect(r.ok).toBe(true);
    const rows = await sheetRows(await exportAs('reports.export', { format: 'xlsx', status: 'unconfirmed' }));
    expect(rows[3]).toEqual(['报告编号', '教师', '年度', '等级', '信用分', '状态', '确认情况', '出具时间']);
    expect(rows.slice(4).map((x) => x[5])).toEqual(['未确认']);
    const { text } = pdfText(await exportAs('reports.export', { format: 'pdf' }), 'reports.pdf');
    expect(text).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  });
});
