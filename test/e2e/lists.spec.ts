// Lists printed and exported in Chromium, on this spec's own demo school (host HOSTS.lists): the
// teacher register filtered by subject, teacher and student records, the report register; each
// download read back (PDF with poppler, .xlsx with exceljs) and the list's position shown under
// it. Screenshots li-*.png are looked at by a person.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.lists}/`;
const dir = mkdtempSync(join(tmpdir(), 'educredit-e2e-lists-'));

async function saved(download: Promise<Download>, name: string): Promise<string> {
  const d = await download;
  const path = join(dir, name);
  await d.saveAs(path);
  return path;
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}

async function sheet(path: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  const bytes = readFileSync(path);
  await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const rows: string[][] = [];
  book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

async function print(page: Page, testId: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(`${testId}-pdf`).click();
  return saved(download, name);
}

async function excel(page: Page, testId: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId(`${testId}-xlsx`).click();
  return saved(download, name);
}

test('a demo school is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '示范学校');
  await expect(page.getByTestId('nav-teachers')).toBeVisible();
});

test('the teacher register, filtered by subject, prints and exports as shown', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'teachers');
  await expect(page.getByTestId('teachers-table-range')).toHaveText(/^第 1–\d+ 条，共 130 条$/);
  await page.getByRole('combobox', { name: '学科' }).fill('数学');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('teacher-total')).not.toHaveText('共 130 条');
  const total = Number((await page.getByTestId('teacher-total').textContent())!.match(/共 (\d+) 条/)![1]);
  await settle(page);
  await shot(page, 'li-01-teachers-filtered');
  const pdf = pdfText(await print(page, 'teachers-export', 'teachers.pdf'));
  expect(pdf).toContain('教师名册');
  expect(pdf).toContain('筛选条件：状态：在职；任教学科：数学');
  expect(pdf).toMatch(/第\s*1\s*页\s*共\s*1\s*页/);
  await expect(page.getByText(/已生成打印文件 教师名册-\d{4}-\d{2}-\d{2}\.pdf/)).toBeVisible();
  const rows = await sheet(await excel(page, 'teachers-export', 'teachers.xlsx'));
  expect(rows.slice(4)).toHaveLength(total);
  expect(new Set(rows.slice(4).map((r) => r[4]))).toEqual(new Set(['数学']));
});

test('teacher and student records export with the filter; the list says where the reader is', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'records');
  const range = page.getByTestId('records-table-range');
  await expect(range).toHaveText(/^第 1–\d+ 条，共 [\d,]+ 条$/);
  await page.getByTestId('records-table').evaluate((el) => (el.scrollTop = 41 * 200));
  await expect(range).toHaveText(/^第 (19\d|20\d)–\d+ 条，共 [\d,]+ 条$/);
  await settle(page);
  await shot(page, 'li-02-records-range');
  const teacherRows = await sheet(await excel(page, 'records-export', 'teacher-records.xlsx'));
  expect(teacherRows[0]![0]).toBe('舞钢市第一初级中学 · 教师信用记录');
  await page.getByRole('tab', { name: '学生记录' }).click();
  await expect(page.getByTestId('records-total')).toContainText(/共 [\d,]+ 条/);
  const studentRows = await sheet(await excel(page, 'records-export', 'student-records.xlsx'));
  expect(studentRows[0]![0]).toBe('舞钢市第一初级中学 · 学生信用记录');
  expect(studentRows.length).toBeGreaterThan(10_000);
  // Too many rows to print: the core says so in words and nothing downloads.
  await page.getByTestId('records-export-pdf').click();
  await expect(page.getByText(/要打印的列表有 \d+ 条，超过 5000 条：请缩小筛选范围后再打印，或导出 Excel/)).toBeVisible();
  await settle(page);
  await shot(page, 'li-03-too-many-to-print');
});

test('the records clerk exports teacher records but not student records', async ({ page }) => {
  await page.goto(url);
  await login(page, 'clerk');
  await nav(page, 'records');
  await expect(page.getByTestId('records-export')).toBeVisible();
  await page.getByRole('tab', { name: '学生记录' }).click();
  await expect(page.getByTestId('records-total')).toBeVisible();
  await expect(page.getByTestId('records-export')).toHaveCount(0);
});

test('the report register prints, and the lists speak English', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'reports');
  const pdf = pdfText(await print(page, 'reports-export', 'reports.pdf'));
  expect(pdf).toContain('教师信用报告登记');
  await page.getByRole('button', { name: 'English' }).click();
  await nav(page, 'teachers');
  await expect(page.getByTestId('teachers-table-range')).toHaveText(/^1–\d+ of 130$/);
  await expect(page.getByTestId('teachers-export-pdf')).toHaveText('Print (PDF)');
  const rows = await sheet(await excel(page, 'teachers-export', 'teachers-en.xlsx'));
  expect(rows[3]![0]).toBe('Staff no.');
  await settle(page);
  await shot(page, 'li-04-teachers-en');
  await page.getByRole('button', { name: '中文' }).click();
});
