// The first-run wizard, login, lockout, language switch and the dashboard, in Chromium.
import { expect, test } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, PASSWORD, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.fresh}/`;

test('the wizard sets up a school, checks the USCC and shows the recovery key once', async ({ page }) => {
  await page.goto(url);
  await expect(page.getByText('欢迎使用 EduCredit 教体信用')).toBeVisible();
  await shot(page, '01-setup-choose');
  await page.getByTestId('path-new').click();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('单位名称').fill('舞钢市实验小学');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y44');
  await expect(page.getByText('第 18 位校验码应为“3”，实际为“4”')).toBeVisible();
  await expect(page.getByRole('button', { name: '下一步' })).toBeDisabled();
  await shot(page, '02-setup-uscc-error');
  await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43');
  await expect(page.getByText('校验通过')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByLabel('管理员姓名').fill('王建国');
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: '再次输入密码' }).fill(PASSWORD);
  await shot(page, '03-setup-admin');
  await page.getByRole('button', { name: '完成设置' }).click();
  const key = page.getByTestId('recovery-key');
  await expect(key).toHaveText(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
  await expect(page.getByText('恢复密钥只显示这一次')).toBeVisible();
  await shot(page, '04-recovery-key');
  await expect(page.getByRole('button', { name: '进入登录' })).toBeDisabled();
  await page.getByText('我已打印或抄写并妥善保存恢复密钥').click();
  await page.getByRole('button', { name: '进入登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
});

test('the administrator logs in, sees the dashboard and creates an account', async ({ page }) => {
  await page.goto(url);
  await shot(page, '05-login');
  await login(page, 'admin');
  await expect(page.getByTestId('org-name')).toHaveText('舞钢市实验小学');
  await expect(page.getByTestId('count-users')).toContainText('1');
  await shot(page, '06-dashboard-empty');
  await page.getByRole('link', { name: '账户管理' }).or(page.getByText('账户管理', { exact: true })).first().click();
  await page.getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('clerk');
  await dialog.getByLabel('姓名').fill('李干事');
  await dialog.getByLabel('初始密码').fill('clerk-pass-1');
  await shot(page, '07-users-create');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: 'clerk', exact: true })).toBeVisible();
  await shot(page, '08-users');
});

test('five wrong passwords lock the account and say for how long', async ({ page }) => {
  await page.goto(url);
  for (let i = 1; i <= 4; i++) {
    await login(page, 'clerk', 'not-the-password');
    await expect(page.getByTestId('login-error')).toContainText(`再失败 ${5 - i} 次`);
  }
  await login(page, 'clerk', 'not-the-password');
  await expect(page.getByTestId('login-error')).toContainText('账户已锁定，请 15 分钟后再试');
  await login(page, 'clerk', 'clerk-pass-1');
  await expect(page.getByTestId('login-error')).toContainText('分钟后再试');
  await shot(page, '09-lockout');
});

test('the language switch turns the whole screen into English and back', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText('Dashboard', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('At a glance')).toBeVisible();
  await shot(page, '10-dashboard-en');
  await page.getByText('Audit log', { exact: true }).click();
  await page.getByRole('button', { name: 'Verify the audit chain' }).click();
  await expect(page.getByTestId('verify-result')).toContainText('The audit chain is intact');
  await shot(page, '11-audit-en');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText('审计日志', { exact: true }).first()).toBeVisible();
});
