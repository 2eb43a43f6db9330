// Demo data from the wizard: a school and a bureau, with real counts on the dashboard.
import { expect, test } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, PASSWORD, shot } from './support';

async function openDemo(page: import('@playwright/test').Page, port: number, scale: '示范学校' | '教体局'): Promise<void> {
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.getByTestId('path-demo').click();
  await page.getByRole('radio', { name: new RegExp(`^${scale}`) }).check();
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: '再次输入密码' }).fill(PASSWORD);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 30_000 });
  await page.getByText('我已打印或抄写并妥善保存恢复密钥').click();
  await page.getByRole('button', { name: '进入登录' }).click();
  await login(page, 'admin');
}

test('a demo school has over 120 teachers and 2,000 students', async ({ page }) => {
  await openDemo(page, HOSTS.demo, '示范学校');
  await expect(page.getByTestId('org-name')).toHaveText('舞钢市第一初级中学');
  const teachers = Number((await page.getByTestId('count-teachers').locator('p').last().textContent())?.replace(/,/g, ''));
  const students = Number((await page.getByTestId('count-students').locator('p').last().textContent())?.replace(/,/g, ''));
  expect(teachers).toBeGreaterThanOrEqual(120);
  expect(students).toBeGreaterThanOrEqual(2000);
  await shot(page, '20-demo-school-dashboard');
  await page.getByText('设置与备份', { exact: true }).click();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText('备份完成')).toBeVisible();
  await shot(page, '21-settings-backups');
  await page.getByText('审计日志', { exact: true }).click();
  await expect(page.getByRole('cell', { name: '备份', exact: true })).toBeVisible();
  await shot(page, '22-audit');
});

test('a demo bureau lists its institutions on the dashboard', async ({ page }) => {
  await openDemo(page, HOSTS.bureau, '教体局');
  await expect(page.getByTestId('org-name')).toHaveText('舞钢市教育体育局');
  await expect(page.getByTestId('count-institutions')).toContainText(/\d\d/);
  await shot(page, '23-demo-bureau-dashboard');
});
