// The bureau's remaining forms in Chromium, on this spec's own demo bureau (HOSTS.bureauForms), each
// filled in and saved with the longest values allowed and refused with bad ones, the refusal shown
// at its field in words: an institution's details and its status, a licence, a credit record, a
// practitioner and their status, a list entry rejected and one ended, an inspection cancelled.
// Screenshots 9x-*.png are looked at by a person.
import { expect, test, type Locator, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import { HOSTS } from '../../playwright.config';
import { login, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const URL = `http://127.0.0.1:${HOSTS.bureauForms}/`;
const FORBIDDEN = '不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符';
/** The institution this spec edits: renamed to the longest name allowed, found again by its start. */
const PREFIX = '舞钢市长名测试培训中心';
const NAME = PREFIX + '甲'.repeat(100 - PREFIX.length);
const TODAY = dayjs().format('YYYY-MM-DD');

/** The field a Mantine input belongs to, with its label, description and error. */
function field(input: Locator): Locator {
  return input.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " mantine-InputWrapper-root ")][1]');
}

async function start(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(URL);
  await login(page, 'admin');
}

async function openInstitution(page: Page): Promise<Locator> {
  await nav(page, 'institutions');
  await page.getByTestId('inst-search').fill(PREFIX);
  await expect(page.getByTestId('inst-total')).toHaveText('共 1 家');
  await page.getByTestId('institutions-table').getByTestId('vrow').first().click();
  const drawer = page.getByTestId('inst-detail');
  await expect(drawer.getByTestId('detail-name')).toHaveText(NAME);
  return drawer;
}

function basicRow(drawer: Locator, label: string): Locator {
  return drawer.getByTestId('inst-basic').getByRole('row').filter({ has: drawer.page().getByRole('rowheader', { name: label, exact: true }) });
}

test('a demo bureau is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openDemo(page, URL, '教体局');
  await expect(page.getByTestId('nav-institutions')).toBeVisible();
});

test('an institution: an invisible character in its name is refused at the field and nothing is saved; the longest values save and show', async ({ page }) => {
  await start(page);
  await nav(page, 'institutions');
  await page.getByTestId('inst-filter-kind').click();
  await page.getByRole('option', { name: '培训机构', exact: true }).click();
  await page.getByTestId('institutions-table').getByTestId('vrow').first().click();
  const drawer = page.getByTestId('inst-detail');
  const oldName = (await drawer.getByTestId('detail-name').textContent())!;
  const oldAddress = (await basicRow(drawer, '地址').getByRole('cell').textContent())!;

  await drawer.getByTestId('inst-edit').click();
  const form = page.getByRole('dialog', { name: '编辑机构' });
  const name = form.getByTestId('inst-name');
  await name.fill(`${oldName}\u200B`);
  await form.getByRole('textbox', { name: '地址' }).fill('地'.repeat(200));
  await form.getByTestId('inst-save').click();
  await expect(field(name)).toContainText(FORBIDDEN);
  await expect(form).toBeVisible();
  await settle(page);
  await shot(page, '91-institution-edit-refused');
  await form.getByRole('button', { name: '取消' }).click();
  await expect(form).toBeHidden();
  // Nothing of the refused form was kept.
  await expect(drawer.getByTestId('detail-name')).toHaveText(oldName);
  await expect(basicRow(drawer, '地址').getByRole('cell')).toHaveText(oldAddress);

  const ADDRESS = `舞钢市垭口街道${'长'.repeat(200 - 7)}`;
  const LEGAL_REP = '欧阳'.padEnd(30, '娜');
  const TOWNSHIP = '垭口街道'.padEnd(30, '区');
  const LICENCE = `教民${'4'.repeat(60)}号号`;
  await drawer.getByTestId('inst-edit').click();
  await name.fill(NAME);
  await form.getByTestId('inst-township').fill(TOWNSHIP);
  await form.getByTestId('inst-legal-rep').fill(LEGAL_REP);
  await form.getByRole('textbox', { name: '地址' }).fill(ADDRESS);
  await form.getByRole('textbox', { name: '办学许可证号' }).fill(LICENCE);
  // The inputs stop at the limit: what is in them is what is saved.
  await expect(name).toHaveValue(NAME);
  await expect(form.getByRole('textbox', { name: '地址' })).toHaveValue(ADDRESS);
  await form.getByTestId('inst-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByText('已保存机构信息')).toBeVisible();
  await expect(drawer.getByTestId('detail-name')).toHaveText(NAME);
  await expect(basicRow(drawer, '地址').getByRole('cell')).toHaveText(ADDRESS);
  await expect(basicRow(drawer, '法定代表人').getByRole('cell')).toHaveText(LEGAL_REP);
  await expect(basicRow(drawer, '所在乡镇（街道）').getByRole('cell')).toHaveText(TOWNSHIP);
  await expect(basicRow(drawer, '办学许可证号').getByRole('cell')).toHaveText(LICENCE);
  await settle(page);
  await shot(page, '92-institution-edited');
  // Read again from the registry, not from the form.
  await page.reload();
  await login(page, 'admin');
  const again = await openInstitution(page);
  await expect(basicRow(again, '地址').getByRole('cell')).toHaveText(ADDRESS);
});

test('explore rest', async ({ page }) => {
  await start(page);
  const drawer = await openInstitution(page);
  await drawer.getByTestId('inst-edit').click();
  const form = page.getByRole('dialog', { name: '编辑机构' });
  await form.getByTestId('inst-name').fill('');
  await form.getByTestId('inst-save').click();
  console.log('EMPTY NAME:', await field(form.getByTestId('inst-name')).textContent());
  await form.getByRole('button', { name: '取消' }).click();

  await drawer.getByTestId('inst-tab-credit').click();
  await drawer.getByTestId('inst-add-record').click();
  const rec = drawer.getByTestId('add-record-form');
  console.log('RECORD FORM:', await rec.textContent());
  await rec.getByRole('textbox', { name: '发生日期' }).fill(dayjs().add(3, 'day').format('YYYY-MM-DD'));
  await rec.getByTestId('record-description').fill('测试');
  await rec.locator('input[type=file]').setInputFiles({ name: '表彰文件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await rec.getByTestId('record-save').click();
  await page.waitForTimeout(800);
  console.log('RECORD FUTURE:', await rec.textContent());
  await shot(page, '90-explore-record');
  await page.keyboard.press('Escape');

  await nav(page, 'inspections');
  await page.getByTestId('inspections-tab-list').click();
  await page.getByTestId('list-state').click();
  await page.getByRole('option', { name: '待检查' }).click();
  const row = page.getByTestId('inspection-row').first();
  await row.getByTestId('inspection-cancel').click();
  const dlg = page.getByRole('dialog');
  await dlg.getByTestId('cancel-reason').fill('取'.repeat(501));
  await dlg.getByTestId('cancel-submit').click();
  await page.waitForTimeout(800);
  console.log('CANCEL 501:', await dlg.textContent());
  await shot(page, '90-explore-cancel');
});
