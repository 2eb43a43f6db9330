// Demo data from the wizard: a school and a bureau, with real counts on the dashboard.
import { expect, test } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { openDemo, shot } from './support';


test('a demo school has over 120 teachers and 2,000 students', async ({ page }) => {
  await openDemo(page, `http://127.0.0.1:${HOSTS.demo}/`, '示范学校');
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
  await expect(page.getByTestId('audit-action').getByText('备份', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('audit-changes').first()).toContainText('大小：');
  await shot(page, '22-audit');
});

test('a demo bureau lists its institutions on the dashboard', async ({ page }) => {
  await openDemo(page, `http://127.0.0.1:${HOSTS.bureau}/`, '教体局');
  await expect(page.getByTestId('org-name')).toHaveText('舞钢市教育体育局');
  await expect(page.getByTestId('count-institutions')).toContainText(/\d\d/);
  await shot(page, '23-demo-bureau-dashboard');
});
