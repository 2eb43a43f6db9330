// The bureau's dashboard in Chromium, on this spec's own demo bureau (HOSTS.overview): grades by
// kind, lists, cases, inspections, the trend chart and the week's deadlines, in zh-CN and English,
// for the administrator and the inspector. Screenshots overview-*.png are looked at by a person.
import { expect, test } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, logout, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const URL = `http://127.0.0.1:${HOSTS.overview}/`;

test('the administrator sees the supervision overview of the demo bureau', async ({ page }) => {
  await openDemo(page, URL, '教体局');
  const overview = page.getByTestId('bureau-overview');
  await expect(overview).toBeVisible();
  // Every institution is counted once in the grade table: 77 in the demo.
  const cells = await page.getByTestId('overview-grades').locator('tbody td').allInnerTexts();
  const numbers = cells.map(Number).filter((n) => !Number.isNaN(n));
  expect(numbers.reduce((a, b) => a + b, 0)).toBe(77);
  // The demo's negative-list cases reach key monitoring, and one notice is overdue.
  await expect(page.getByTestId('overview-list-key_monitoring')).toContainText('重点监控对象');
  await expect(page.getByTestId('overview-case-key_monitoring')).toBeVisible();
  await expect(page.getByTestId('overview-deadlines')).toContainText('已逾期');
  await expect(page.locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await settle(page);
  await shot(page, 'overview-1-admin');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('overview-list-key_monitoring')).toContainText('Key monitoring objects');
  await expect(page.getByText('Due this week')).toBeVisible();
  await settle(page);
  await shot(page, 'overview-2-en');
  await page.getByRole('button', { name: '中文' }).click();
  await logout(page);
});

test('the inspector sees the same overview', async ({ page }) => {
  await page.goto(URL);
  await login(page, 'inspector');
  await expect(page.getByTestId('bureau-overview')).toBeVisible();
  await expect(page.getByTestId('overview-inspections-overdue')).toBeVisible();
  await settle(page);
  await shot(page, 'overview-3-inspector');
});
