// The web host as Chromium sees it: the app loads at 127.0.0.1 and localhost with the CSP as a
// header and no CSP error in the console, and a DNS-rebinding name for the same socket gets no page.
// Reads only (GETs and the status query): the `fresh` host's data is first-run.spec.ts's.
import { expect, test, type ConsoleMessage, type Page } from '@playwright/test';
import config, { HOSTS } from '../../playwright.config';

const port = HOSTS.fresh;
const REBINDING_NAME = 'rebind.example';

// Chromium resolves the attacker's name to our loopback address, as a rebinding DNS server would.
test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    args: [...(config.use?.launchOptions?.args ?? []), `--host-resolver-rules=MAP ${REBINDING_NAME} 127.0.0.1`],
  },
});

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

for (const name of ['127.0.0.1', 'localhost']) {
  test(`the app loads at http://${name}:PORT with the CSP as a header and nothing in the console`, async ({ page }) => {
    const errors = consoleErrors(page);
    const response = await page.goto(`http://${name}:${port}/`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    // The page reached the API (system.status) and shows the wizard or, once set up, the login.
    await expect(page.getByText('欢迎使用 EduCredit 教体信用').or(page.getByRole('button', { name: '登录', exact: true }))).toBeVisible();
    expect(errors).toEqual([]);
    await expect(page.locator('meta[http-equiv="Content-Security-Policy" i]')).toHaveCount(0);
  });
}

test('a rebinding name for the same address gets a refusal, not the page and its token', async ({ page }) => {
  const response = await page.goto(`http://${REBINDING_NAME}:${port}/`);
  expect(response?.status()).toBe(421);
  await expect(page.getByText(`http://127.0.0.1:${port}/`).first()).toBeVisible();
  await expect(page.locator('meta[name="educredit-host-token"]')).toHaveCount(0);
  const call = await page.evaluate(async () => (await fetch('api/edu:system.status', { method: 'POST', body: '{"input":{}}' })).status);
  expect(call).toBe(421);
});
