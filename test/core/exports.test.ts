// Formula-like text in what the app exports (xlsx now, CSV later): an apostrophe in front keeps it
// text after someone re-saves the sheet as CSV and opens it in Excel again.
import { afterAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { cellText, safeRow } from '../../electron/core/export/cells';
import type { RouteOutput } from '../../shared/api/contract';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

async function workbook(file: { dataBase64: string }): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const bytes = Buffer.from(file.dataBase64, 'base64');
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return wb;
}

/** Every text value of a sheet, row by row, as it would be written out to CSV. */
function texts(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.eachRow((row) => row.eachCell((cell) => typeof cell.value === 'string' && out.push(cell.value)));
  return out;
}

describe('cellText', () => {
  it('puts an apostrophe before = + - @ and a leading tab or carriage return, and leaves other text alone', () => {
    for (const v of ['=1+1', '+86 13900000000', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(cellText(v)).toBe(`'${v}`);
    for (const v of ['王小明', '1+1', 'a=b', '', "'=already"]) expect(cellText(v)).toBe(v);
    expect(safeRow({ a: '=x', b: 3, c: null })).toEqual({ a: "'=x", b: 3, c: null });
  });
});

describe('exports', () => {
  it('keep a formula-like student name and class as text in the student workbook', async () => {
    const t = tempDir('educredit-exports-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
    const admin = login(inst, 'admin');
    const cls = ok(inst, 'classes.create', { grade: '七年级', name: '@1班' }, admin);
    ok(inst, 'students.create', { name: '=HYPERLINK("x","点我")', gender: 'male', studentNo: '-2026001', classId: cls.id }, admin);
    const r = await dispatchAsync(inst, { route: 'students.export', input: {}, session: admin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const ws = (await workbook(r.value as RouteOutput<'students.export'>)).worksheets[0]!;
    const values = texts(ws);
    expect(values).toContain('\'=HYPERLINK("x","点我")');
    expect(values).toContain("'-2026001");
    expect(values).toContain("'@1班");
    expect(values.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    // And no cell became a formula.
    ws.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    inst.close();
  });

  it('keep formula-like decision text as text in the double-publicity workbook', async () => {
    const t = tempDir('educredit-exports-bureau-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.demo', { scale: 'bureau', password: PASSWORD });
    const admin = login(inst, 'admin');
    const bureau = ok(inst, 'auth.me', {}, admin).org;
    ok(
      inst,
      'penalties.create',
      {
        institutionId: 42,
        docNo: '=舞教体罚〔2026〕X1号',
        decidedOn: '2026-11-02',
        validUntil: '2027-11-01',
        content: '+警告；罚款 =SUM(1,2)',
        authority: '舞钢市教育体育局',
        authorityUscc: bureau.uscc,
        fields: { violationType: '@超范围办学', facts: '-开设学科类课程。', basis: '《中华人民共和国民办教育促进法》第六十二条', categories: ['warning'] },
      },
      admin,
    );
    const r = await dispatchAsync(inst, { route: 'doublePublicity.export', input: {}, session: admin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const values = texts((await workbook(r.value as RouteOutput<'doublePublicity.export'>)).getWorksheet('行政处罚')!);
    for (const v of ['=舞教体罚〔2026〕X1号', '+警告；罚款 =SUM(1,2)', '@超范围办学', '-开设学科类课程。']) expect(values).toContain(`'${v}`);
    expect(values.filter((v) => /^[=+\-@\t\r]/.test(v))).toEqual([]);
    inst.close();
  });
});
