// e2e helpers: screenshots land in test/e2e/screenshots (gitignored) to be looked at.
import type { Page } from '@playwright/test';

export const PASSWORD = 'e2e-pass-2026';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png`, fullPage: true });
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}
