// e2e helpers: screenshots land in test/e2e/screenshots (gitignored) to be looked at.
import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'e2e-pass-2026';

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png`, fullPage: true });
}

export async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.getByRole('textbox', { name: '用户名' }).fill(username);
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Waits until notifications and transitions are gone, at the top of the page, for a clean picture. */
export async function settle(page: Page): Promise<void> {
  for (const close of await page.locator('.mantine-Notification-root button').all()) await close.click().catch(() => undefined);
  await expect(page.locator('.mantine-Notification-root')).toHaveCount(0);
  // A full-page picture of a scrolled page draws the fixed header in the middle: start at the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(350);
}

export async function nav(page: Page, key: string): Promise<void> {
  await page.getByTestId(`nav-${key}`).click();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeVisible();
}

/** Makes a demo installation through the wizard's 打开演示数据 path, and logs in as admin. */
export async function openDemo(page: Page, url: string, scale: '示范学校' | '教体局'): Promise<void> {
  await page.goto(url);
  await page.getByTestId('path-demo').click();
  await page.getByRole('radio', { name: new RegExp(`^${scale}`) }).check();
  await page.getByRole('textbox', { name: '密码', exact: true }).fill(PASSWORD);
  await page.getByRole('textbox', { name: '再次输入密码' }).fill(PASSWORD);
  await page.getByRole('button', { name: '完成设置' }).click();
  await expect(page.getByTestId('recovery-key')).toBeVisible({ timeout: 90_000 });
  await page.getByText('我已打印或抄写并妥善保存恢复密钥').click();
  await page.getByRole('button', { name: '进入登录' }).click();
  await login(page, 'admin');
}

/**
 * Runs the page as the desktop app runs it: `window.educredit` as the preload gives it, its calls
 * carried to the web host's API, and the system's folder picker answering `folders` in turn (null
 * once they run out, as a cancelled dialog). The page's own code is the real one.
 */
export async function asDesktop(page: Page, folders: string[]): Promise<void> {
  await page.addInitScript((answers: string[]) => {
    const queue = [...answers];
    const token = (): string => document.querySelector('meta[name="educredit-host-token"]')?.getAttribute('content') ?? '';
    Object.defineProperty(window, 'educredit', {
      value: {
        invoke: async (route: string, payload: unknown) => {
          const res = await fetch(`api/edu:${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-educredit-token': token() }, body: JSON.stringify(payload) });
          return res.json();
        },
        pickFolder: async () => queue.shift() ?? null,
      },
    });
  }, folders);
}
