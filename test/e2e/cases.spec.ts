// The negative-list workflow in Chromium, on this spec's own demo bureau (host HOSTS.cases): the
// administrator opens a case against a private school, issues the rectification notice (its PDF
// is downloaded, read back and rendered to PNG), records a penalty (key supervision) and a
// judgment debtor (key monitoring); a second case is closed by the inspector, who may confirm
// rectification but not escalate; the lists page shows the key monitoring entry, and a red entry
// is proposed, approved and published. Screenshots cases-*.png are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTS } from '../../playwright.config';
import { login, logout, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.cases}/`;
const dir = mkdtempSync(join(tmpdir(), 'educredit-e2e-cases-'));
// Two private schools the demo has no case against, so each has one row in the list.
const SCHOOL = '舞钢市振华学校';
const SECOND = '舞钢市致远中学';

async function openCase(page: Page, school: string, matter: string): Promise<void> {
  await page.getByTestId('case-open').click();
  await page.getByTestId('case-form-school').click();
  await page.getByRole('option', { name: new RegExp(school) }).click();
  await page.getByTestId('case-form-matter').fill(matter);
  await page.getByTestId('case-form-facts').fill('11月20日检查发现，该校本学年招收初中学生 46 名，超出办学许可证核定的办学层次。');
  await page.getByTestId('case-form-submit').click();
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-state', 'open');
}

async function issueNotice(page: Page): Promise<string> {
  await page.getByTestId('case-action-issueNotice').click();
  await page.getByTestId('notice-requirements').fill('1. 立即停止超范围招生；\n2. 妥善分流已招收的学生，并报送分流方案。');
  const download = page.waitForEvent('download');
  await page.getByTestId('notice-submit').click();
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^整改通知书-.+-舞教体整改〔2026〕\d+号\.pdf$/);
  const path = join(dir, d.suggestedFilename());
  await d.saveAs(path);
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-state', 'notice_issued');
  return path;
}

async function move(page: Page, event: string, reason: string, state: string): Promise<void> {
  await page.getByTestId(`case-action-${event}`).click();
  await page.getByTestId('move-reason').fill(reason);
  await page.getByTestId('move-submit').click();
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-state', state);
}

test('a demo bureau is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '教体局');
  await expect(page.getByTestId('nav-cases')).toBeVisible();
});

test('case → notice (PDF) → penalty → key supervision → judgment debtor → key monitoring', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'cases');
  await expect(page.getByRole('heading', { name: '负面清单' })).toBeVisible();
  await openCase(page, SCHOOL, '超出审批范围招收学生');
  const number = (await page.getByRole('heading', { level: 3 }).textContent()) ?? '';
  expect(number).toMatch(/^舞教体立案〔2026〕\d+号$/);
  // An open case offers its next steps, and a timeline with the opening.
  await expect(page.getByTestId('case-action-issueNotice')).toBeVisible();
  await expect(page.getByTestId('case-action-withdraw')).toBeVisible();
  await settle(page);
  await shot(page, 'cases-61-case-open');

  const pdf = await issueNotice(page);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  expect(text).toContain('整改通知书');
  expect(text).toContain(SCHOOL);
  expect(text).toMatch(/舞教体整改〔2026〕\d+号/);
  expect(text).toContain(number);
  execFileSync('pdftoppm', ['-r', '80', '-png', '-singlefile', '-f', '1', '-l', '1', pdf, 'test/e2e/screenshots/cases-64-notice-page']);
  // The stored notice downloads again from the case.
  const again = page.waitForEvent('download');
  await page.getByTestId('case-notice-pdf').click();
  const d2 = await again;
  await d2.saveAs(join(dir, 'again.pdf'));
  expect(readFileSync(join(dir, 'again.pdf')).equals(readFileSync(pdf))).toBe(true);
  await settle(page);
  await shot(page, 'cases-62-case-notice');

  // Marking overdue before the deadline is explained before anything is sent.
  await page.getByTestId('case-action-markOverdue').click();
  await page.getByTestId('move-reason').fill('逾期未整改');
  await expect(page.getByTestId('move-refusal')).toHaveText('整改期限尚未届满，不能认定逾期。');
  await expect(page.getByTestId('move-submit')).toBeDisabled();
  await page.getByRole('button', { name: '取消' }).click();

  await move(page, 'recordPenalty', '市教体局作出罚款 5 万元的行政处罚决定（舞教体罚〔2026〕2号）。', 'key_supervision');
  await expect(page.getByTestId('case-entries').locator('tr[data-list="key_supervision"][data-state="approved"]')).toBeVisible();
  await settle(page);
  await shot(page, 'cases-63-case-key-supervision');

  await move(page, 'recordJudgmentDebtor', '经人民法院公布，该校举办者被列为失信被执行人。', 'key_monitoring');
  await expect(page.getByTestId('case-entries').locator('tr[data-list="key_monitoring"][data-state="approved"]')).toBeVisible();
  await expect(page.getByTestId('case-entries').locator('tr[data-list="key_supervision"][data-state="ended"]')).toBeVisible();
  await expect(page.getByTestId('case-timeline')).toContainText('记录失信被执行人');
  await expect(page.getByTestId('case-action-lift')).toBeVisible();
  await settle(page);
  await shot(page, 'cases-65-case-key-monitoring');

  // A second case gets its notice from the administrator.
  await page.getByTestId('case-back').click();
  await openCase(page, SECOND, '教师未取得相应教师资格');
  await issueNotice(page);
  await logout(page);
});

test('the inspector confirms rectification in time, and cannot escalate', async ({ page }) => {
  await page.goto(url);
  await login(page, 'inspector');
  await nav(page, 'cases');
  await page.getByTestId('case-row').filter({ hasText: SECOND }).click();
  await expect(page.getByTestId('case-detail')).toHaveAttribute('data-state', 'notice_issued');
  await expect(page.getByTestId('case-action-recordPenalty')).toHaveCount(0);
  await expect(page.getByTestId('case-action-markOverdue')).toHaveCount(0);
  await move(page, 'confirmRectified', '复查确认 3 名教师已调离教学岗位，新聘教师均持证上岗。', 'closed');
  await expect(page.getByText('本案已结束，或您的角色不能进行后续操作。')).toBeVisible();
  await settle(page);
  await shot(page, 'cases-66-case-closed');
  await page.getByTestId('case-back').click();
  await expect(page.getByTestId('case-row').filter({ hasText: SCHOOL })).toHaveAttribute('data-state', 'key_monitoring');
  await settle(page);
  await shot(page, 'cases-60-cases-list');
  await logout(page);
});

test('the lists page shows the key monitoring entry; a red entry is proposed, approved and published', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'lists');
  await page.getByTestId('lists-tab-key_monitoring').click();
  const entry = page.getByTestId('list-entry').filter({ hasText: SCHOOL });
  await expect(entry).toHaveAttribute('data-state', 'approved');
  await expect(entry).toContainText('有效中');
  await expect(entry.getByTestId('entry-end')).toHaveCount(0);
  await settle(page);
  await shot(page, 'cases-67-lists-key-monitoring');

  await page.getByTestId('lists-tab-red').click();
  await page.getByTestId('lists-propose').click();
  await page.getByTestId('propose-subject').click();
  await page.getByTestId('propose-subject').fill('第五小学');
  await page.getByRole('option', { name: /舞钢市第五小学/ }).click();
  await page.getByTestId('propose-reason').fill('获评省级文明校园，连续三年无失信记录');
  await page.getByTestId('propose-submit').click();
  const red = page.getByTestId('list-entry').filter({ hasText: '舞钢市第五小学' });
  await expect(red).toHaveAttribute('data-state', 'proposed');
  await red.getByTestId('entry-approve').click();
  await page.getByLabel('理由').fill('经局务会研究同意');
  await page.getByRole('dialog').getByRole('button', { name: '批准' }).click();
  await expect(red).toHaveAttribute('data-state', 'approved');
  await red.getByTestId('entry-publish').click();
  await expect(red).toContainText('已公示');
  await settle(page);
  await shot(page, 'cases-68-lists-red');

  await page.getByTestId('lists-tab-published').click();
  await expect(page.getByTestId('published-row').filter({ hasText: '舞钢市第五小学' })).toBeVisible();
  await settle(page);
  await shot(page, 'cases-69-lists-published');
});
