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
import { asDesktop, login, nav, openDemo, settle, shot } from './support';

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
  // The count of the filtered list, once it has come (a count, and not the whole 130).
  await expect(page.getByTestId('teacher-total')).toHaveText(/^共 (?!130 )\d+ 条$/);
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

test('the audit log reads as sentences: who, what, about whom, before → after; filtered and exported', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  // A change to look for: T0003's title.
  await nav(page, 'teachers');
  await page.getByTestId('teacher-search').fill('T0003');
  const row = page.getByTestId('teachers-table').getByTestId('vrow').first();
  await expect(row).toContainText('T0003');
  const name = (await row.locator('[data-col="name"]').textContent())!;
  const before = (await row.locator('[data-col="title"]').textContent())!;
  await row.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('职称').fill('正高级教师');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('教师信息已更新')).toBeVisible();

  await nav(page, 'audit');
  await page.getByTestId('audit-person').fill(name);
  await page.getByTestId('audit-search').click();
  const first = page.getByTestId('audit-row').first();
  await expect(first.getByTestId('audit-action')).toHaveText('修改教师信息');
  await expect(first.getByTestId('audit-subject')).toHaveText(`${name}（教师）`);
  await expect(first.getByTestId('audit-changes')).toHaveText(`职称：${before} → 正高级教师`);
  await expect(first).toContainText('系统管理员');
  await first.getByTestId('audit-technical-toggle').click();
  await expect(first.getByTestId('audit-technical')).toContainText('teachers.update');
  await settle(page);
  await shot(page, 'li-05-audit-person');

  // By the operator's name and the action, with the app's own date fields.
  await page.getByRole('button', { name: '重置' }).click();
  await page.getByTestId('audit-operator').fill('系统管理员');
  await page.getByTestId('audit-action-filter').click();
  await page.getByRole('option', { name: '导出教师名册' }).click();
  await page.getByTestId('audit-from').fill('2020年1月1日');
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-row').first().getByTestId('audit-action')).toHaveText('导出教师名册');
  await expect(page.getByTestId('audit-row').first().getByTestId('audit-changes')).toContainText('格式：');
  await expect(page.getByTestId('audit-total')).toHaveText(/^共 \d+ 条 · 第 1 页 共 1 页$/);
  await settle(page);
  await shot(page, 'li-06-audit-filtered');
  const pdf = pdfText(await print(page, 'audit-export', 'audit.pdf'));
  expect(pdf).toContain('审计日志');
  expect(pdf).toContain('操作人：系统管理员');
  expect(pdf).toContain('导出教师名册');

  // A bad date is refused at its field, in words.
  await page.getByTestId('audit-to').fill('2026年13月40日');
  await expect(page.getByText('不是有效日期，例如 2026-09-01 或 2026年9月1日')).toBeVisible();
});

test('backups: a relative folder is refused at its field, a backup downloads, and the restore says what it will do', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-dir').fill('usb-relative');
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('请选择文件夹，或填写从盘符开始的完整路径')).toBeVisible();
  await settle(page);
  await shot(page, 'li-07-backup-dir-relative');
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  const row = page.getByRole('row').filter({ has: page.getByTestId('backup-download') }).first();
  await expect(row).toContainText(/\d+(\.\d)? (KB|MB)/);
  const download = page.waitForEvent('download');
  await row.getByTestId('backup-download').click();
  expect((await download).suggestedFilename()).toMatch(/^educredit-.+\.backup\.db$/);
  await row.getByTestId('backup-restore').click();
  await expect(page.getByTestId('restore-confirm')).toHaveText(/^将用 \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d 的备份（educredit-.+\.backup\.db）替换当前数据。当前数据会先另存在数据文件夹中/);
  await settle(page);
  await shot(page, 'li-08-restore-confirm');
  await page.getByRole('button', { name: '取消' }).click();
});

test('in the desktop app the backup folder is chosen in the system dialog', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'educredit-e2e-backups-'));
  await asDesktop(page, [folder]);
  await page.goto(url);
  await login(page, 'admin');
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('backup-dir-pick').click();
  await expect(page.getByTestId('backup-dir')).toHaveValue(folder);
  await page.getByTestId('settings-save').click();
  await expect(page.getByText('已保存')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: folder }).first()).toBeVisible();
});
