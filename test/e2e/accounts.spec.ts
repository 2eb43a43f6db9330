// Accounts in Chromium: weak passwords refused at the field, a first login with an administrator's
// password leads straight to choosing one's own, disabling voids a password and enabling sets a new
// one; and the error screen restores a damaged installation with the recovery key.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, logout, PASSWORD, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.accounts}/`;

// The longest values the forms allow.
const ORG_NAME = `舞钢市第${'实验'.repeat(47)}小学`;
const ADMIN_NAME = '欧阳'.repeat(25);
const CLERK_USER = 'clerk.ouyang_0123456789-abcdefgh';
const LONG_PASSWORD = `${'长密码'.repeat(66)}ab`;

async function fillPasswords(page: Page, password: string, again = password): Promise<void> {
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill(password);
  await page.getByRole('textbox', { name: '再次输入新密码' }).fill(again);
}

test('the wizard refuses a common password at its field, then sets up with the longest names', async ({ page }) => {
  expect(ORG_NAME).toHaveLength(100);
  expect(CLERK_USER).toHaveLength(32);
  expect(LONG_PASSWORD).toHaveLength(200);
  await page.goto(url);
  await page.getByTestId('path-new').click();
  await page.getByRole('button', { name: '下一步' }).click();
  // A name the core refuses (a hidden direction override): the wizard goes back to its step.
  await page.getByLabel('单位名称').fill(`舞钢市实验\u202E小学`);
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('管理员姓名').fill(ADMIN_NAME);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill('password1');
  await page.getByRole('textbox', { name: '再次输入密码' }).fill('password1');
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByTestId('setup-org-name')).toBeVisible();
  await expect(page.getByText('不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符')).toBeVisible();
  await shot(page, 'accounts-01a-setup-org-refused');
  await page.getByLabel('单位名称').fill(ORG_NAME);
  await page.getByRole('button', { name: '下一步' }).click();
  // The password's own refusal stays on the administrator's step.
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByText('这是最常见的密码之一，很容易被猜到，请换一个')).toBeVisible();
  await shot(page, 'accounts-01-setup-common-password');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: '再次输入密码' }).fill(PASSWORD);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible();
  await page.getByText('我已打印或抄写并妥善保存恢复密钥').click();
  await page.getByRole('button', { name: '进入登录' }).click();
  await login(page, 'admin');
  await expect(page.getByTestId('org-name')).toHaveText(ORG_NAME);
  // A school just set up: the first screen says what to do first, each step a link to its screen.
  const steps = page.getByTestId('first-steps');
  await expect(steps).toContainText('开始使用');
  for (const key of ['teachers', 'accounts', 'cards']) await expect(steps.getByTestId(`first-step-${key}`)).toHaveAttribute('data-done', 'false');
  await expect(page.getByTestId('todo-sameDisk')).toContainText('备份和数据在同一块磁盘上');
  await settle(page);
  await shot(page, 'accounts-00-first-steps');
  await steps.getByRole('button', { name: '去导入' }).click();
  await expect(page.getByRole('heading', { name: '数据导入' })).toBeVisible();
});

test('an account with an initial password: refused when weak, then the first login leads only to changing it', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await page.getByText('账户管理', { exact: true }).first().click();
  await page.getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(CLERK_USER);
  await dialog.getByLabel('姓名').fill(ADMIN_NAME);
  await dialog.getByLabel('初始密码').fill(`${CLERK_USER}2026`);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('密码不能与用户名相同')).toBeVisible();
  await shot(page, 'accounts-02-create-weak');
  await dialog.getByLabel('初始密码').fill('chu-shi-mi-ma-7');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: CLERK_USER, exact: true })).toBeVisible();
  await logout(page);

  await login(page, CLERK_USER, 'chu-shi-mi-ma-7');
  await expect(page.getByText('请先设置您自己的密码')).toBeVisible();
  await expect(page.getByTestId('must-change')).toContainText('管理员设置的初始密码');
  // No way around it: the navigation is not there.
  await expect(page.getByText('工作台', { exact: true })).toHaveCount(0);
  await settle(page);
  await shot(page, 'accounts-03-first-login');

  await page.getByRole('textbox', { name: '原密码' }).fill('not-the-old-one');
  await fillPasswords(page, 'wo-de-mi-ma-2026');
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByText('原密码不正确。再输错 4 次')).toBeVisible();
  await page.getByRole('textbox', { name: '原密码' }).fill('chu-shi-mi-ma-7');
  await fillPasswords(page, 'chu-shi-mi-ma-7');
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByText('新密码不能与原密码相同')).toBeVisible();
  await fillPasswords(page, LONG_PASSWORD, `${LONG_PASSWORD.slice(0, -1)}x`);
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByText('两次输入的新密码不一致')).toBeVisible();
  await shot(page, 'accounts-04-first-login-errors');
  await fillPasswords(page, LONG_PASSWORD);
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByText('工作台', { exact: true }).first()).toBeVisible();
  await logout(page);
  await login(page, CLERK_USER, LONG_PASSWORD);
  await expect(page.getByText('工作台', { exact: true }).first()).toBeVisible();
});

test('disabling voids the password at once; enabling sets a new one the user must change', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await page.getByText('账户管理', { exact: true }).first().click();
  const row = page.getByRole('row').filter({ hasText: CLERK_USER });
  await row.getByRole('button', { name: '停用' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('原密码不能再打开数据');
  await shot(page, 'accounts-05-disable');
  await dialog.getByRole('button', { name: '停用' }).click();
  await expect(row.getByText('已停用')).toBeVisible();
  await expect(row.getByRole('button', { name: '重设密码' })).toHaveCount(0);
  await logout(page);
  await login(page, CLERK_USER, LONG_PASSWORD);
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码不正确');

  await login(page, 'admin');
  await page.getByText('账户管理', { exact: true }).first().click();
  await page.getByRole('row').filter({ hasText: CLERK_USER }).getByRole('button', { name: '启用' }).click();
  const enable = page.getByRole('dialog');
  await expect(enable).toContainText('重新启用需要设置一个新的初始密码');
  await enable.getByLabel('新密码').fill('aaaaaaaaaa');
  await enable.getByRole('button', { name: '启用' }).click();
  await expect(enable.getByText('密码不能全是同一个字符')).toBeVisible();
  await shot(page, 'accounts-06-enable-weak');
  await enable.getByLabel('新密码').fill('zai-ci-qi-yong-3');
  await enable.getByRole('button', { name: '启用' }).click();
  await expect(page.getByRole('row').filter({ hasText: CLERK_USER }).getByText('需改密码')).toBeVisible();
  await logout(page);
  await login(page, CLERK_USER, 'zai-ci-qi-yong-3');
  await expect(page.getByText('请先设置您自己的密码')).toBeVisible();
  // The same screen in English.
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByText('English', { exact: true }).click();
  await page.getByRole('textbox', { name: 'User name' }).fill(CLERK_USER);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('zai-ci-qi-yong-3');
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByText('First set a password of your own')).toBeVisible();
  await settle(page);
  await shot(page, 'accounts-07-first-login-en');
  await page.getByRole('button', { name: 'Log out' }).click();
  await page.getByText('中文', { exact: true }).click();
});

test('a damaged installation is restored from its backup with the recovery key, after a wrong key is refused', async ({ page }) => {
  const damaged = `http://127.0.0.1:${HOSTS.damaged}/`;
  const recoveryKey = readFileSync(join(tmpdir(), `${HOSTS.damaged}-recovery-key.txt`), 'utf8');
  await page.goto(damaged);
  await login(page, 'admin');
  await expect(page.getByTestId('error-explanation')).toContainText('数据文件已损坏或无法读取');
  await page.getByText('恢复密钥', { exact: true }).click();
  await page.getByRole('textbox', { name: '恢复密钥' }).fill('AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH');
  await page.getByRole('button', { name: '用此备份恢复' }).click();
  await expect(page.getByText('恢复密钥不正确')).toBeVisible();
  await settle(page);
  await shot(page, 'accounts-08-restore-wrong-key');
  await page.getByRole('textbox', { name: '恢复密钥' }).fill(recoveryKey.toLowerCase());
  await page.getByRole('button', { name: '用此备份恢复' }).click();
  await expect(page.getByText('已从备份恢复，请重新登录')).toBeVisible();
  await login(page, 'admin');
  await expect(page.getByTestId('org-name')).toHaveText('舞钢市实验小学');
});
