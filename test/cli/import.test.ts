// CLI import tests (vitest): the real `edu-credit import` in child processes against a demo school.
// A file with any bad row prints every one and writes nothing; a good file prints its counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { PASSWORD, tempDir } from '../support/installation';
import { cli, oneLine } from './run';

const t = tempDir('educredit-cli-import-');
afterAll(() => t.cleanup());

const work = t.dir;
const dataDir = join(work, 'school');
const passwordFile = join(work, 'password.txt');
writeFileSync(passwordFile, `${PASSWORD}\n`);

const login = ['--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile];

function stats(): Record<string, number> {
  const r = cli(['stats', ...login, '--json']);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as Record<string, number>;
}

const HEADER = '姓名,性别,身份证号,工号,任教学科,职称,入职日期';
const good1 = makeIdNumber('410481', '19900101', '013');
const good2 = makeIdNumber('410481', '19910202', '024');
const wrongCheck = good1.slice(0, 17) + (good1[17] === '0' ? '1' : '0');

function file(name: string, bytes: Buffer | string): string {
  const path = join(work, name);
  writeFileSync(path, bytes);
  return path;
}

describe('edu-credit import', () => {
  let before: Record<string, number> = {};

  beforeAll(() => {
    const r = cli(['demo', '--data-dir', dataDir, '--scale', 'school', '--password-file', passwordFile]);
    expect(r.status).toBe(0);
    before = stats();
    expect(before.teachers).toBe(132);
  });

  it('prints every bad row, exits 1 and writes nothing', () => {
    const bad = file('bad.csv', `${HEADER}\r\n,男,${good1},X1,语文,,2010-09-01\r\n王二,男,${wrongCheck},X2,数学,,2010-09-01\r\n王三,女,${good2},X3,英语,,2010/13/01\r\n`);
    const r = cli(['import', ...login, '--kind', 'teachers', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '第 2 行 [姓名]: 不能为空',
      `第 3 行 [身份证号]: 身份证号有误：第 18 位校验码应为“${good1[17]}”，实际为“${wrongCheck[17]}”`,
      '第 4 行 [入职日期]: “2010/13/01”不是有效日期（可写作 2020-09-01、2020/9/1 或 2020年9月1日）',
    ]);
    expect(oneLine(r.stderr)).toBe('edu-credit: 文件中有 3 处错误，未导入任何数据。请改正后重新导入。');
    const after = stats();
    // Only the CLI's own logins and logouts were added to the audit log.
    expect({ ...after, auditEntries: 0 }).toEqual({ ...before, auditEntries: 0 });

    const en = cli(['import', ...login, '--kind', 'teachers', '--lang', 'en', bad]);
    expect(en.status).toBe(1);
    expect(en.stdout).toContain(`Row 3 [身份证号]: wrong ID number: character 18 (the check character) should be "${good1[17]}", not "${wrongCheck[17]}"`);
    expect(oneLine(en.stderr)).toBe('edu-credit: The file has 3 problems; nothing was imported. Correct them and import again.');
  });

  it('imports a good GBK file, prints the counts, and changes nothing the second time', () => {
    const good = file('good.csv', iconv.encode(`${HEADER},备注\r\n王镕,男,${good1},X1,语文,一级教师,2010-09-01,新调入\r\n李堃,女,${good2},X2,数学,,2012-09-01,\r\n`, 'gbk'));
    const r = cli(['import', ...login, '--kind', 'teachers', good]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('注意：以下列不认识，已忽略：备注');
    expect(r.stdout).toContain('已导入 good.csv（2 行）：新增 2，更新 0，未变 0。');
    expect(stats().teachers).toBe(134);

    const again = cli(['import', ...login, '--kind', 'teachers', '--lang', 'en', good]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('Imported good.csv (2 rows): 0 added, 0 updated, 2 unchanged.');
    expect(stats().teachers).toBe(134);
  });

  it('imports students from an .xlsx and prints JSON with --json', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('学生');
    ws.addRow(['姓名', '性别', '学号', '年级', '班级']);
    ws.addRow(['赵一', '男', 'CLI0001', '七年级', '17班']);
    ws.addRow(['赵二', '女', 'CLI0002', '七年级', '17班']);
    const path = file('students.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const r = cli(['import', ...login, '--kind', 'students', '--json', path]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { rows: number; problems: unknown[]; result: { inserted: number } };
    expect(out).toMatchObject({ rows: 2, problems: [], result: { inserted: 2, updated: 0, unchanged: 0 } });
    const now = stats();
    expect(now.students).toBe(before.students! + 2);
    expect(now.classes).toBe(before.classes! + 1);
  });

  it('says "nothing to import" for a header-only file, in both languages, exits 1 and writes nothing', async () => {
    const before = stats();
    const csvPath = file('header.csv', `${HEADER}\r\n`);
    const r = cli(['import', ...login, '--kind', 'teachers', csvPath]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toBe('edu-credit: 没有可导入的数据：文件中只有表头，下面没有数据行。');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('教师').addRow(HEADER.split(','));
    const xlsxPath = file('header.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const en = cli(['import', ...login, '--kind', 'teachers', '--lang', 'en', xlsxPath]);
    expect(en.status).toBe(1);
    expect(oneLine(en.stderr)).toBe('edu-credit: Nothing to import: the file has a header row but no rows of data.');
    expect({ ...stats(), auditEntries: 0 }).toEqual({ ...before, auditEntries: 0 });
  });

  it('names the cell and the character of a bidi override or a zero-width space, and writes nothing', () => {
    const before = stats();
    const bad = file('bidi.csv', `${HEADER}\r\n王\u202E明,男,${good1},X9,语文,,2010-09-01\r\n李堃,女,${good2},X\u200B10,语文,,2010-09-01\r\n`);
    const r = cli(['import', ...login, '--kind', 'teachers', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n')).toEqual([
      '第 2 行 [姓名]: 第 2 个字符是 U+202E（从右到左覆盖）：控制字符、文字方向控制符和零宽字符都不能出现在这里，请删去后重新导入',
      '第 3 行 [工号]: 第 2 个字符是 U+200B（零宽空格）：控制字符、文字方向控制符和零宽字符都不能出现在这里，请删去后重新导入',
    ]);
    expect(oneLine(r.stderr)).toBe('edu-credit: 文件中有 2 处错误，未导入任何数据。请改正后重新导入。');
    const en = cli(['import', ...login, '--kind', 'teachers', '--lang', 'en', bad]);
    expect(en.stdout).toContain('Row 2 [姓名]: character 2 is U+202E (right-to-left override): control, bidirectional and zero-width characters are not allowed here');
    expect({ ...stats(), auditEntries: 0 }).toEqual({ ...before, auditEntries: 0 });
  });

  it('refuses a row wider than 200 columns with the limit in words', () => {
    const wide = file('wide.csv', `${HEADER}\r\n王一,男,${good1},X1,语文,,2010-09-01${','.repeat(200)}多余\r\n`);
    const r = cli(['import', ...login, '--kind', 'teachers', wide]);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toBe('edu-credit: 无法读取文件：wide.csv（第 2 行超过 200 列的上限：请删去不需要的列后再导入）');
    const en = cli(['import', ...login, '--kind', 'teachers', '--lang', 'en', wide]);
    expect(oneLine(en.stderr)).toBe('edu-credit: The file cannot be read: wide.csv (row 2 goes beyond 200 columns, the most an import reads: delete the columns not needed)');
  });

  it('says which argument is wrong', () => {
    const noKind = cli(['import', ...login, join(work, 'good.csv')]);
    expect(noKind.status).toBe(2);
    expect(oneLine(noKind.stderr)).toContain('--kind');
    const badKind = cli(['import', ...login, '--kind', 'schools', join(work, 'good.csv')]);
    expect(badKind.status).toBe(2);
    expect(oneLine(badKind.stderr)).toContain('teachers|students|records');
    const noFile = cli(['import', ...login, '--kind', 'teachers']);
    expect(noFile.status).toBe(2);
    const missing = cli(['import', ...login, '--kind', 'teachers', join(work, 'nope.csv')]);
    expect(missing.status).toBe(1);
    expect(oneLine(missing.stderr)).toContain('无法读取文件');
    const broken = cli(['import', ...login, '--kind', 'teachers', file('broken.xlsx', 'not a workbook at all')]);
    expect(broken.status).toBe(1);
    expect(oneLine(broken.stderr)).toMatch(/^edu-credit: 无法读取文件：broken\.xlsx \(not an \.xlsx workbook/);
  });
});
