// Bundle exchange in Chromium between this spec's own demo school (HOSTS.syncSchool) and demo bureau
// (HOSTS.syncBureau): both download their identity cards and enrol each other's, and show the same
// fingerprints; the school exports a bundle into a folder and the bureau imports it (已导入), then
// again (已导入过, no change), then a copy with one byte flipped (refused, nothing changed); the
// bureau exports its acknowledgement and the school's supervision status, the school imports them,
// after which its outbox shows the bundle confirmed and its dashboard the bureau's word on it. The bureau's auditor sees the state read-only.
// Screenshots 5x-*.png are looked at by a person.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTS } from '../../playwright.config';
import { asDesktop, login, shot, settle, openDemo } from './support';

test.describe.configure({ mode: 'serial' });
const SCHOOL = `http://127.0.0.1:${HOSTS.syncSchool}/`;
const BUREAU = `http://127.0.0.1:${HOSTS.syncBureau}/`;
/** Files the tests hand to each other: the two cards, the two export folders, the tampered copy. */
const dir = mkdtempSync(join(tmpdir(), 'educredit-e2e-sync-'));
const SCHOOL_CARD = join(dir, 'school.card.json');
const BUREAU_CARD = join(dir, 'bureau.card.json');
const TO_BUREAU = join(dir, 'to-bureau');
const TO_SCHOOL = join(dir, 'to-school');
const TAMPERED = join(dir, 'tampered-');
const FINGERPRINT = /^[0-9A-F]{4}( [0-9A-F]{4}){4}$/;

/** Close notifications and let the page finish moving, so the picture shows what a person reads. */
async function openDemoIn(browser: Browser, url: string, scale: '示范学校' | '教体局'): Promise<void> {
  const page = await browser.newPage();
  await openDemo(page, url, scale);
  await expect(page.getByTestId('nav-sync')).toBeVisible();
  await page.close();
}

/** Logs in on a host and opens 数据交换 on the given tab. */
async function openSync(page: Page, url: string, tab: 'identity' | 'export' | 'import' | 'history', user = 'admin'): Promise<void> {
  await page.goto(url);
  await login(page, user);
  await page.getByTestId('nav-sync').click();
  await expect(page.getByRole('heading', { name: '数据交换', level: 2 })).toBeVisible();
  await page.getByTestId(`sync-tab-${tab}`).click();
}

async function downloadCard(page: Page, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('sync-card-download').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^[0-9A-Z]{18}\.card\.json$/);
  await d.saveAs(path);
  const card = JSON.parse(readFileSync(path, 'utf8')) as { format: string; fingerprint: string };
  expect(card.format).toBe('educredit-card/1');
  // The fingerprint shown big on the page is the one in the file.
  await expect(page.getByTestId('sync-own-fingerprint')).toHaveAttribute('data-fingerprint', card.fingerprint);
  expect(card.fingerprint).toMatch(FINGERPRINT);
  return card.fingerprint;
}

/** Enrols a card file: its stated fingerprint is shown first, the one the core computed after. */
async function enrol(page: Page, path: string): Promise<string> {
  const stated = (JSON.parse(readFileSync(path, 'utf8')) as { fingerprint: string }).fingerprint;
  await page.getByTestId('sync-card-drop-input').setInputFiles(path);
  await expect(page.getByTestId('sync-enrol-preview-fingerprint')).toHaveAttribute('data-fingerprint', stated);
  await page.getByTestId('sync-enrol-submit').click();
  await expect(page.getByTestId('sync-enrol-done')).toContainText('已登记');
  await expect(page.getByTestId('sync-enrol-fingerprint')).toHaveAttribute('data-fingerprint', stated);
  return stated;
}

async function importFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('sync-import-drop-input').setInputFiles(paths);
  await expect(page.getByTestId('sync-import-chosen')).toBeVisible();
  await page.getByTestId('sync-import-start').click();
  await expect(page.getByTestId('sync-import-finished')).toBeVisible({ timeout: 15_000 });
}

function bundles(folder: string): string[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ecb'))
    .map((f) => join(folder, f));
}

test('a demo school and a demo bureau are made through the wizard', async ({ browser }) => {
  test.setTimeout(120_000);
  await Promise.all([openDemoIn(browser, SCHOOL, '示范学校'), openDemoIn(browser, BUREAU, '教体局')]);
});

test('both sides download their cards, enrol each other and show the same fingerprints', async ({ browser }) => {
  const school = await browser.newPage();
  const bureau = await browser.newPage();
  await openSync(school, SCHOOL, 'identity');
  await expect(school.getByTestId('sync-no-partners')).toBeVisible();
  const schoolFp = await downloadCard(school, SCHOOL_CARD);
  await settle(school);
  await shot(school, '50-sync-school-card');

  await openSync(bureau, BUREAU, 'identity');
  const bureauFp = await downloadCard(bureau, BUREAU_CARD);
  expect(bureauFp).not.toBe(schoolFp);
  await bureau.getByTestId('sync-card-drop-input').setInputFiles(SCHOOL_CARD);
  await expect(bureau.getByTestId('sync-enrol-preview')).toContainText('舞钢市第一初级中学');
  await settle(bureau);
  await shot(bureau, '51-sync-bureau-enrol-preview');
  await bureau.getByRole('button', { name: '取消' }).click();
  expect(await enrol(bureau, SCHOOL_CARD)).toBe(schoolFp);
  const onBureau = bureau.getByTestId('sync-partner');
  await expect(onBureau).toHaveCount(1);
  await expect(onBureau).toHaveAttribute('data-fingerprint', schoolFp);
  await settle(bureau);
  await shot(bureau, '52-sync-bureau-enrolled');

  expect(await enrol(school, BUREAU_CARD)).toBe(bureauFp);
  const onSchool = school.getByTestId('sync-partner');
  await expect(onSchool).toHaveCount(1);
  await expect(onSchool).toHaveAttribute('data-fingerprint', bureauFp);
  await expect(onSchool).toContainText('舞钢市教育体育局');
  // Each side shows its own fingerprint as the other side enrolled it.
  await expect(school.getByTestId('sync-own-fingerprint')).toHaveAttribute('data-fingerprint', schoolFp);
  await expect(bureau.getByTestId('sync-own-fingerprint')).toHaveAttribute('data-fingerprint', bureauFp);
  await settle(school);
  await shot(school, '53-sync-school-enrolled');
});

test('the school exports a bundle and the bureau imports it once; a duplicate and a tampered copy change nothing', async ({ browser }) => {
  // The school works in the desktop app: the bundles go into the folder chosen in the system's dialog.
  const school = await browser.newPage();
  await asDesktop(school, [TO_BUREAU]);
  await openSync(school, SCHOOL, 'export');
  await expect(school.getByTestId('sync-export-start')).toBeDisabled();
  await school.getByTestId('sync-export-folder-pick').click();
  await expect(school.getByTestId('sync-export-folder')).toHaveValue(TO_BUREAU);
  await school.getByTestId('sync-export-start').click();
  const written = school.getByTestId('sync-export-file');
  await expect(written).toHaveCount(1, { timeout: 30_000 });
  await expect(written).toHaveAttribute('data-new', 'true');
  await expect(written).toContainText('新生成');
  await settle(school);
  await shot(school, '54-sync-school-export');
  const files = bundles(TO_BUREAU);
  expect(files.map((f) => f.slice(TO_BUREAU.length + 1))).toEqual([await written.getAttribute('data-file')]);

  const bureau = await browser.newPage();
  await openSync(bureau, BUREAU, 'import');
  await importFiles(bureau, files);
  const row = bureau.getByTestId('sync-import-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-verdict', 'applied');
  await expect(row.getByTestId('sync-import-verdict')).toHaveText('已导入');
  await expect(row).toContainText('舞钢市第一初级中学');
  await expect(row.getByTestId('sync-import-changes')).toContainText(/教师 1\d\d/);
  await settle(bureau);
  await shot(bureau, '55-sync-bureau-imported');

  // The same file again: a no-op.
  await importFiles(bureau, files);
  await expect(row).toHaveAttribute('data-verdict', 'duplicate');
  await expect(row.getByTestId('sync-import-verdict')).toHaveText('已导入过，未改动');
  await expect(row.getByTestId('sync-import-changes')).toHaveText('无改动');

  // One byte flipped in the middle: refused with a reason, and nothing changed.
  const bytes = readFileSync(files[0]!);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  const name = files[0]!.slice(TO_BUREAU.length + 1);
  const tampered = join(mkdtempSync(TAMPERED), name);
  writeFileSync(tampered, bytes);
  await importFiles(bureau, [tampered]);
  await expect(row).toHaveAttribute('data-verdict', 'refused');
  await expect(row.getByTestId('sync-import-verdict')).toHaveText('被拒绝');
  await expect(row.getByTestId('sync-import-error')).toHaveText('无法解密数据包：文件已损坏、被截断，或不是发给本单位的。数据未改动。');
  await expect(bureau.getByTestId('sync-import-finished')).toHaveText('处理完毕：0 个已导入，0 个已导入过，1 个被拒绝。');
  await settle(bureau);
  await shot(bureau, '56-sync-bureau-tampered');

  // Inspecting without importing tells the same, and the state is as after the first import.
  await bureau.getByTestId('sync-import-drop-input').setInputFiles(files);
  await bureau.getByTestId('sync-inspect-start').click();
  await expect(row).toHaveAttribute('data-verdict', 'duplicate');
  await bureau.getByTestId('sync-tab-history').click();
  await expect(bureau.getByTestId('sync-inbox-row')).toHaveCount(1);
  await expect(bureau.getByTestId('sync-inbox-row')).toHaveAttribute('data-seq', '1');
  await expect(bureau.getByTestId('sync-inbox-row')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  await bureau.getByTestId('sync-tab-identity').click();
  await expect(bureau.getByTestId('sync-partner')).toHaveAttribute('data-last-applied', '1');
});

test("the bureau opens a teacher's file as the school sent it: records with their states, the grade's steps, read only and audited", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(BUREAU);
  await login(page, 'admin');
  await page.getByTestId('nav-schoolTeachers').click();
  await expect(page.getByRole('heading', { name: '教师信用档案', level: 2 })).toBeVisible();
  await expect(page.getByTestId('st-total')).toHaveText(/^共 1\d\d 人$/);
  await settle(page);
  await shot(page, '5c-bureau-teachers');
  // The demo school's first teacher, found by staff number.
  await page.getByTestId('st-search').fill('T0001');
  await expect(page.getByTestId('st-total')).toHaveText('共 1 人');
  const first = page.getByTestId('st-table').getByTestId('vrow').first();
  const name = (await first.locator('[data-col="name"]').textContent()) ?? '';
  expect(name).not.toBe('');
  await first.click();
  const file = page.getByTestId('st-file');
  await expect(page.getByTestId('st-file-name')).toHaveText(name);
  await expect(file).toContainText('舞钢市第一初级中学');
  await expect(file).toContainText('只读');
  await expect(file.getByTestId('st-record').first()).toBeVisible();
  await expect(file.getByTestId('grade-explanation')).toContainText('基础分');
  await expect(file).toContainText(/最近一次收到该校数据：\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  await expect(file).not.toContainText(/\d{4}-\d{2}-\d{2}/);
  await settle(page);
  await shot(page, '5d-bureau-teacher-file');
  await page.keyboard.press('Escape');
  // The same teachers from the school's own registry entry.
  await page.getByTestId('nav-institutions').click();
  await page.getByTestId('inst-search').fill('舞钢市第一初级中学');
  await page.getByTestId('institutions-table').getByText('舞钢市第一初级中学').click();
  await page.getByTestId('inst-tab-teachers').click();
  await expect(page.getByTestId('inst-detail').getByTestId('st-total')).toHaveText(/^共 1\d\d 人$/);
  await settle(page);
  await shot(page, '5e-bureau-school-teachers-tab');
  await page.keyboard.press('Escape');
  // The reading is in the audit log, naming the teacher.
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-person').fill(name);
  await page.getByRole('button', { name: '查询' }).click();
  const entry = page.getByTestId('audit-row').first();
  await expect(entry.getByTestId('audit-action')).toHaveText('查阅教师信用档案');
  await expect(entry.getByTestId('audit-subject')).toContainText(name);

  // The bureau puts this teacher on the red list; the next reply carries it to the school.
  await page.getByTestId('nav-lists').click();
  await page.getByTestId('lists-tab-red').click();
  await page.getByTestId('lists-propose').click();
  const propose = page.getByRole('dialog');
  await propose.getByRole('combobox', { name: '对象类别' }).click();
  await page.getByRole('option', { name: '教师', exact: true }).click();
  await propose.getByTestId('propose-subject').click();
  await propose.getByTestId('propose-subject').fill(name);
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await propose.getByTestId('propose-reason').fill('获评市级优秀教师');
  await propose.getByTestId('propose-submit').click();
  const red = page.getByTestId('list-entry').filter({ hasText: name });
  await red.getByTestId('entry-approve').click();
  await page.getByLabel('理由').fill('经局务会研究同意');
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await expect(red).toHaveAttribute('data-state', 'approved');
});

test('the bureau acknowledges, the school imports it and its outbox shows the bundle confirmed', async ({ browser }) => {
  // The bureau works in the web host: the bundle comes as a download, to copy onto the stick.
  const bureau = await browser.newPage();
  await openSync(bureau, BUREAU, 'export');
  await expect(bureau.getByTestId('sync-export-folder')).toHaveCount(0);
  const download = bureau.waitForEvent('download');
  await bureau.getByTestId('sync-export-start').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/\.ecb$/);
  mkdirSync(TO_SCHOOL, { recursive: true });
  await d.saveAs(join(TO_SCHOOL, d.suggestedFilename()));
  await expect(bureau.getByTestId('sync-export-file')).toHaveCount(1, { timeout: 30_000 });
  await expect(bureau.getByTestId('sync-export-result')).toContainText('已下载 1 个数据包');
  await settle(bureau);
  await shot(bureau, '57-sync-bureau-export-ack');
  const acks = bundles(TO_SCHOOL);
  expect(acks).toHaveLength(1);

  const school = await browser.newPage();
  await openSync(school, SCHOOL, 'history');
  await expect(school.getByTestId('sync-outbox-row')).toHaveAttribute('data-acknowledged', 'false');
  await expect(school.getByTestId('sync-outbox-row')).toContainText('待对方确认');
  await school.getByTestId('sync-tab-import').click();
  await importFiles(school, acks);
  const row = school.getByTestId('sync-import-row');
  await expect(row).toHaveAttribute('data-verdict', 'applied');
  await expect(row.getByTestId('sync-import-changes')).toContainText('确认收到本单位数据包至第 1 号');
  await expect(row.getByTestId('sync-import-changes')).toContainText('本校监管状态');
  await settle(school);
  await shot(school, '58-sync-school-imported-ack');

  // The bureau's word on the school shows on its dashboard: graded B (no records), on no list.
  await school.getByTestId('nav-dashboard').click();
  await expect(school.getByTestId('school-grade')).toHaveText('B 基本守信');
  await expect(school.getByTestId('school-supervision')).toContainText('红名单');
  await settle(school);
  await shot(school, '58b-sync-school-supervision');
  // The teacher's entry shows in that teacher's own file at the school.
  await school.getByTestId('nav-teachers').click();
  await school.getByTestId('teacher-search').fill('T0001');
  await school.getByTestId('teachers-table').getByTestId('vrow').first().click();
  await expect(school.getByTestId('file-list-entry')).toContainText('已列入红名单');
  await expect(school.getByTestId('file-list-entry')).toContainText('获评市级优秀教师');
  await settle(school);
  await shot(school, '58c-sync-school-teacher-on-list');
  await school.getByTestId('nav-sync').click();

  await school.getByTestId('sync-tab-history').click();
  const out = school.getByTestId('sync-outbox-row');
  await expect(out).toHaveAttribute('data-acknowledged', 'true');
  await expect(out).toContainText('对方已确认');
  await expect(school.getByTestId('sync-inbox-row')).toContainText('舞钢市教育体育局');
  await settle(school);
  await shot(school, '59-sync-school-history');

  // Nothing left to send: the school's export writes nothing.
  await school.getByTestId('sync-tab-export').click();
  await school.getByTestId('sync-export-start').click();
  await expect(school.getByTestId('sync-export-none')).toBeVisible({ timeout: 30_000 });

  // The same screen in English.
  await school.getByRole('button', { name: 'English' }).click();
  await school.getByTestId('sync-tab-history').click();
  await expect(out).toContainText('Confirmed');
  await settle(school);
  await shot(school, '5a-sync-school-history-en');
  await school.getByRole('button', { name: '中文' }).click();
});

test('the auditor sees the exchange read-only', async ({ page }) => {
  await openSync(page, BUREAU, 'identity', 'auditor');
  await expect(page.getByTestId('sync-read-only')).toBeVisible();
  await expect(page.getByTestId('sync-tab-export')).toHaveCount(0);
  await expect(page.getByTestId('sync-tab-import')).toHaveText('检查数据包');
  // Inspecting is all an auditor may do with a bundle: the school's first one is already imported.
  await page.getByTestId('sync-tab-import').click();
  await page.getByTestId('sync-import-drop-input').setInputFiles(bundles(TO_BUREAU));
  await expect(page.getByTestId('sync-import-start')).toHaveCount(0);
  await page.getByTestId('sync-inspect-start').click();
  await expect(page.getByTestId('sync-import-row')).toHaveAttribute('data-verdict', 'duplicate');
  await expect(page.getByTestId('sync-import-finished')).toHaveText('检查完毕，没有导入任何数据包。');
  await settle(page);
  await shot(page, '5b-sync-auditor-inspect');
  await expect(page.getByTestId('sync-card-download')).toHaveCount(0);
  await expect(page.getByTestId('sync-enrol')).toHaveCount(0);
  await expect(page.getByTestId('sync-partner')).toHaveCount(1);
  await page.getByTestId('sync-tab-history').click();
  await expect(page.getByTestId('sync-inbox-row')).toHaveCount(1);
  await expect(page.getByTestId('sync-outbox-row')).toHaveCount(1);
  await settle(page);
  await shot(page, '5c-sync-auditor-history');
});
