// Accounts for teachers in Chromium, on this spec's own demo school (host HOSTS.teacherAccounts):
// two ticked teachers, one from its row, then every other teacher at once; each time the slips PDF
// is downloaded and read back with poppler, and a password off a slip leads its teacher straight
// to choosing their own. Screenshots ta-*.png are looked at by a person.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, logout, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.teacherAccounts}/`;
const dir = mkdtempSync(join(tmpdir(), 'educredit-e2e-slips-'));

/** user name → initial password, read off the downloaded slips one half-page column at a time. */
async function slipsOf(download: Promise<Download>, name: string): Promise<Map<string, string>> {
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^教师账户通知-\d+人\.pdf$/);
  const path = join(dir, name);
  await d.saveAs(path);
  const found = new Map<string, string>();
  for (const x of [0, 298]) {
    const text = execFileSync('pdftotext', ['-x', String(x), '-y', '0', '-W', '298', '-H', '842', path, '-'], { encoding: 'utf8' });
    for (const m of text.matchAll(/用户名\s*(\S+)\s*初始密码\s*([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/g)) found.set(m[1]!, m[2]!);
  }
  return found;
}

async function openTeachersWithoutAccount(page: Page): Promise<void> {
  await nav(page, 'teachers');
  await page.getByTestId('teacher-account-filter').click();
  await page.getByRole('option', { name: '未开通账户' }).click();
  await expect(page.getByTestId('teachers-table').getByTestId('vrow').first()).toBeVisible();
}

test('a demo school is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '示范学校');
  await expect(page.getByTestId('nav-teachers')).toBeVisible();
});

let firstSlip: [string, string];

test('two ticked teachers get accounts and their slips', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await openTeachersWithoutAccount(page);
  const rows = page.getByTestId('teachers-table').getByTestId('vrow');
  const names = [await rows.nth(0).locator('[data-col="staffNo"]').textContent(), await rows.nth(1).locator('[data-col="staffNo"]').textContent()];
  await rows.nth(0).getByTestId('teacher-select').check();
  await rows.nth(1).getByTestId('teacher-select').check();
  await expect(page.getByTestId('teachers-open-selected')).toHaveText('为所选教师开通账户（2）');
  await settle(page);
  await shot(page, 'ta-01-teachers-selected');
  await page.getByTestId('teachers-open-selected').click();
  const dialog = page.getByTestId('teacher-accounts');
  await expect(dialog).toContainText('将为所选的 2 位教师开通教师账户');
  await expect(dialog).toContainText('初始密码只打印在“教师账户通知单”上');
  await settle(page);
  await shot(page, 'ta-02-open-selected');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('teacher-accounts-submit').click();
  const slips = await slipsOf(download, 'two.pdf');
  expect([...slips.keys()].sort()).toEqual([...names].sort());
  await expect(dialog.getByTestId('teacher-accounts-done')).toHaveText('已开通 2 个教师账户，账户通知单已下载。');
  await expect(dialog.getByTestId('teacher-accounts-again')).toBeVisible();
  await settle(page);
  await shot(page, 'ta-03-opened');
  firstSlip = [...slips.entries()][0]!;
  await dialog.getByRole('button', { name: '关闭' }).click();
  // The two have accounts now and leave the filtered list.
  await expect(page.getByTestId('teachers-table').locator('[data-col="staffNo"]', { hasText: names[0]! })).toHaveCount(0);
});

test('one teacher gets an account from their row', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await openTeachersWithoutAccount(page);
  const row = page.getByTestId('teachers-table').getByTestId('vrow').first();
  const staffNo = (await row.locator('[data-col="staffNo"]').textContent())!;
  await row.getByTestId('teacher-open-account').click();
  const dialog = page.getByTestId('teacher-accounts');
  await expect(dialog).toContainText('将为所选的 1 位教师开通教师账户');
  const download = page.waitForEvent('download');
  await dialog.getByTestId('teacher-accounts-submit').click();
  expect([...(await slipsOf(download, 'one.pdf')).keys()]).toEqual([staffNo]);
  await dialog.getByRole('button', { name: '关闭' }).click();
  await page.getByTestId('teacher-account-filter').click();
  await page.getByRole('option', { name: '已开通账户' }).click();
  await expect(page.getByTestId('teachers-table').locator('[data-col="account"]', { hasText: staffNo })).toBeVisible();
});

test('every other teacher gets an account at once from the accounts page', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'users');
  const open = page.getByTestId('open-teacher-accounts');
  await expect(open).toHaveText(/^为教师开通账户（\d+ 位未开通）$/);
  const n = Number((await open.textContent())!.match(/（(\d+) 位/)![1]);
  expect(n).toBeGreaterThan(100);
  await open.click();
  const dialog = page.getByTestId('teacher-accounts');
  await expect(dialog).toContainText(`将为 ${n} 位尚无账户的在职教师各开通一个教师账户`);
  await settle(page);
  await shot(page, 'ta-04-open-all');
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await dialog.getByTestId('teacher-accounts-submit').click();
  const slips = await slipsOf(download, 'all.pdf');
  expect(slips.size).toBe(n);
  await expect(dialog.getByTestId('teacher-accounts-done')).toHaveText(`已开通 ${n} 个教师账户，账户通知单已下载。`, { timeout: 60_000 });
  await dialog.getByRole('button', { name: '关闭' }).click();
  await expect(open).toHaveText('为教师开通账户');
  await open.click();
  await expect(page.getByTestId('teacher-accounts')).toContainText('所有在职教师都已有账户。');
  await expect(page.getByTestId('teacher-accounts-submit')).toHaveCount(0);
  await page.getByRole('button', { name: '取消' }).click();
  await expect(page.getByRole('row').filter({ hasText: [...slips.keys()][0]! }).getByText('需改密码')).toBeVisible();
  await settle(page);
  await shot(page, 'ta-05-users');
});

test('the dashboard lists what waits: no bundle sent, backups on the data\'s disk; the first step of accounts is done', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await expect(page.getByTestId('todo')).toBeVisible();
  await expect(page.getByTestId('todo-sameDisk')).toBeVisible();
  await expect(page.getByTestId('first-steps').getByTestId('first-step-accounts')).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('first-steps').getByTestId('first-step-cards')).toHaveAttribute('data-done', 'false');
  await settle(page);
  await shot(page, 'ta-06-dashboard-todo');
  await page.getByTestId('todo-sameDisk').getByRole('button', { name: '更改备份文件夹' }).click();
  await expect(page.getByRole('heading', { name: '设置与备份' })).toBeVisible();
});

test('a password off a slip leads its teacher to choosing their own, and nowhere else', async ({ page }) => {
  await page.goto(url);
  await login(page, firstSlip[0], firstSlip[1]);
  await expect(page.getByText('请先设置您自己的密码')).toBeVisible();
  await expect(page.getByTestId('must-change')).toContainText('管理员设置的初始密码');
  await page.getByRole('textbox', { name: '原密码' }).fill(firstSlip[1]);
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill('zi-ji-de-mi-ma-9');
  await page.getByRole('textbox', { name: '再次输入新密码' }).fill('zi-ji-de-mi-ma-9');
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByRole('heading', { name: '我的信用档案' })).toBeVisible();
  await logout(page);
});
