// Import safety on the 数据导入 page, in Chromium, on the demo school (host demo): a header-only
// .xlsx (read by the web host's xlsx worker) is "nothing to import" (no counts, no commit) in both
// languages, a bidi override in a name is named by row, column and code point, and a row past the
// column limit is refused in words.
// It only previews, so it changes no data demo.spec.ts looks at; it makes the demo school itself
// when it runs before demo.spec.ts has.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HOSTS } from '../../playwright.config';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { login, nav, openDemo, settle, shot } from './support';

const url = `http://127.0.0.1:${HOSTS.importSafety}/`;
const HEADER = '姓名,性别,身份证号,工号,任教学科,职称,入职日期';

function csvFile(name: string, lines: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'educredit-e2e-safety-')), name);
  writeFileSync(path, lines.join('\r\n') + '\r\n', 'utf8');
  return path;
}

async function headerOnlyWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('教师').addRow(HEADER.split(','));
  const path = join(mkdtempSync(join(tmpdir(), 'educredit-e2e-safety-')), '只有表头.xlsx');
  writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
  return path;
}

async function openImport(page: Page): Promise<void> {
  await page.goto(url);
  const wizard = page.getByTestId('path-demo');
  const loginButton = page.getByRole('button', { name: '登录', exact: true });
  await expect(wizard.or(loginButton)).toBeVisible({ timeout: 30_000 });
  if (await wizard.isVisible()) await openDemo(page, url, '示范学校');
  else await login(page, 'admin');
  await nav(page, 'import');
}

async function check(page: Page, path: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles(path);
  await page.getByTestId('import-check').click();
}

test('a header-only workbook is "nothing to import", without counts or a commit, in both languages', async ({ page }) => {
  await openImport(page);
  await check(page, await headerOnlyWorkbook());
  await expect(page.getByTestId('import-nothing')).toHaveText('没有可导入的数据：文件中只有表头，下面没有数据行。');
  await expect(page.getByTestId('import-rows')).toHaveCount(0);
  await expect(page.getByTestId('import-problems')).toHaveCount(0);
  await expect(page.getByTestId('import-commit')).toHaveCount(0);
  await settle(page);
  await shot(page, '70-import-nothing');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('import-nothing')).toHaveText('Nothing to import: the file has a header row but no rows of data.');
  await settle(page);
  await shot(page, '71-import-nothing-en');
  await page.getByRole('button', { name: '中文' }).click();
});

test('a bidi override in a name is named by row, column and character; a row past 200 columns is refused in words', async ({ page }) => {
  await openImport(page);
  const id = makeIdNumber('410481', '19900517', '031');
  await check(page, csvFile('教师.csv', [HEADER, `王\u202Egnp.exe,男,${id},SAFE01,数学,,2015-09-01`]));
  const problems = page.getByTestId('import-problems');
  await expect(problems.getByRole('row')).toHaveCount(2);
  await expect(problems.getByRole('row').nth(1)).toContainText('姓名');
  await expect(problems).toContainText('第 2 个字符是 U+202E（从右到左覆盖）：控制字符、文字方向控制符和零宽字符都不能出现在这里');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await settle(page);
  await shot(page, '72-import-forbidden-char');

  await check(page, csvFile('太宽.csv', [HEADER, `王一,男,${id},SAFE01,数学,,2015-09-01${','.repeat(200)}多余`]));
  await expect(page.getByText('无法读取文件：太宽.csv（第 2 行超过 200 列的上限：请删去不需要的列后再导入）')).toBeVisible();
  await settle(page);
  await shot(page, '73-import-too-wide');
});
