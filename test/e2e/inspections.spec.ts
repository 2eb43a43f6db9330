// e2e 检查抽查 on its own demo bureau: the administrator makes a spot-check plan, previews the
// double-random draw (the same seed draws the same, another seed another), confirms it and
// verifies it from its record; an inspector records a result on one of their own inspections and
// the grade changes; the demo's overdue inspections are flagged; the routine schedule by grade;
// the auditor reads and re-runs but cannot draw. Screenshots are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import dayjs from 'dayjs';
import { HOSTS } from '../../playwright.config';
import { login, logout, nav, openDemo, settle, shot } from './support';

const URL = `http://127.0.0.1:${HOSTS.inspections}/`;
const YEAR_END = `${dayjs().year()}-12-31`;
const TODAY = dayjs().format('YYYY-MM-DD');
const PLAN = '第四季度培训机构专项抽查';

test.describe.configure({ mode: 'serial' });

let page: Page;
/** What the inspector's result did, for the schedule to show. */
let gradeAfter = '';
let recordedInstitution = '';

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openDemo(page, URL, '教体局');
  await expect(page.getByTestId('nav-inspections')).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

async function previewIds(seed: string): Promise<string[]> {
  await page.getByTestId('draw-seed').fill(seed);
  await page.getByTestId('draw-preview').click();
  await expect(page.getByTestId('draw-summary')).toContainText(`种子 ${seed}`);
  return page.getByTestId('draw-target').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-institution') ?? ''));
}

test('the administrator plans a spot check, tries the draw, draws for real with a seed the system picks, and verifies it', async () => {
  await nav(page, 'inspections');
  await expect(page.getByRole('heading', { name: '检查抽查' })).toBeVisible();
  await page.getByTestId('plan-title').fill(PLAN);
  await page.getByTestId('plan-from').fill(TODAY);
  await page.getByTestId('plan-to').fill(YEAR_END);
  await page.getByTestId('plan-create').click();
  await expect(page.getByTestId('plan-card').filter({ hasText: PLAN })).toContainText('尚未抽取');
  await settle(page);
  await shot(page, 'inspections-plans');

  await page.getByTestId('inspections-tab-draw').click();
  await page.getByTestId('draw-plan').click();
  await page.getByRole('option', { name: PLAN }).click();
  await page.getByTestId('draw-count').fill('10');
  await page.getByTestId('draw-per').fill('1');
  await page.getByTestId('draw-kind-training').click();
  const first = await previewIds('20261125');
  expect(first).toHaveLength(10);
  expect(new Set(first).size).toBe(10);
  await expect(page.getByTestId('draw-preview-result')).toContainText('这是试抽，未记录');
  expect(await previewIds('20261126')).not.toEqual(first);
  expect(await previewIds('20261125')).toEqual(first);
  // Every drawn target is a training institution, with its grade and weight.
  for (const row of await page.getByTestId('draw-target').all()) await expect(row).toContainText('培训机构');
  await settle(page);
  await shot(page, 'inspections-draw-preview');

  // The real draw ignores the typed seed: the system picks one and records it before anyone sees it.
  await page.getByTestId('draw-confirm').click();
  await expect(page.getByTestId('draw-done')).toContainText('建立检查任务 10 项');
  const seed = (await page.getByTestId('draw-done').getAttribute('data-seed'))!;
  expect(seed).toMatch(/^\d+$/);
  expect(seed).not.toBe('20261125');
  await expect(page.getByTestId('draw-done')).toContainText(`种子 ${seed}`);
  await expect(page.getByTestId('draw-preview-result')).toHaveCount(0);
  const recorded = await page.getByTestId('draw-recorded-result').getByTestId('draw-target').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-institution') ?? ''));
  expect(recorded).toHaveLength(10);
  await settle(page);
  await shot(page, 'inspections-draw-recorded');
  // Anyone re-runs the recorded seed with the same choices as a trial draw, and gets the same.
  expect(await previewIds(seed)).toEqual(recorded);

  await page.getByTestId('inspections-tab-plans').click();
  const card = page.getByTestId('plan-card').filter({ hasText: PLAN });
  await expect(card).toContainText('待检查 10');
  const line = card.getByTestId('plan-draw');
  await expect(line).toHaveAttribute('data-seed', seed);
  await expect(line).toContainText(/从 \d+ 个机构、\d+ 名检查人员中抽取 10 个对象，每个对象 1 人/);
  await line.getByTestId('draw-verify').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-reproduced', 'true');
  await expect(page.getByTestId('verify-result')).toContainText('复核一致');
  const verified = await page.getByRole('dialog').getByTestId('draw-target').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-institution') ?? ''));
  expect(verified).toEqual(recorded);
  await page.waitForTimeout(300);
  await shot(page, 'inspections-verify');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an inspector records the result of one of their inspections, and the grade follows', async () => {
  await logout(page);
  await login(page, 'inspector');
  await nav(page, 'inspections');
  // An inspector starts on their own inspections.
  await expect(page.getByTestId('list-mine')).toBeChecked();
  await page.getByTestId('list-state').click();
  await page.getByRole('option', { name: '待检查' }).click();
  const row = page.getByTestId('inspection-row').filter({ hasText: PLAN }).first();
  await expect(row).toBeVisible();
  const id = await row.getAttribute('data-id');
  const institution = await row.getAttribute('data-institution');
  await settle(page);
  await shot(page, 'inspections-inspector-list');
  await row.getByTestId('inspection-record').click();
  await page.getByTestId('record-result-serious').click();
  await page.getByTestId('record-findings').fill('预收费超过三个月，消防通道堵塞，责令停止招生。');
  await page.waitForTimeout(300);
  await shot(page, 'inspections-record');
  await page.getByTestId('record-submit').click();
  // A serious finding is −20: whatever the grade was, it is now C or D.
  const said = page.getByText(/信用等级：[ABCD] → [CD]/);
  await expect(said).toBeVisible();
  gradeAfter = /→ ([CD])/.exec((await said.textContent()) ?? '')![1]!;
  recordedInstitution = institution!;
  // Done now: it leaves the planned list; with all states it shows its result.
  await expect(page.locator(`[data-testid="inspection-row"][data-id="${id}"]`)).toHaveCount(0);
  await page.getByTestId('list-state').click();
  await page.getByRole('option', { name: '已完成' }).click();
  const done = page.locator(`[data-testid="inspection-row"][data-id="${id}"]`);
  await expect(done).toContainText('发现严重问题');
  await expect(done.locator(`[data-grade="${gradeAfter}"]`)).toBeVisible();
  await expect(done.getByTestId('inspection-record')).toHaveCount(0);
  await settle(page);
  await shot(page, 'inspections-recorded');
});

test('the demo\'s overdue inspections are flagged, and the routine schedule follows the grade', async () => {
  await logout(page);
  await login(page, 'admin');
  await nav(page, 'inspections');
  await page.getByTestId('inspections-tab-list').click();
  await page.getByTestId('list-overdue').click();
  const overdue = page.getByTestId('inspection-row');
  await expect(overdue.first()).toBeVisible();
  for (const r of await overdue.all()) {
    await expect(r).toHaveAttribute('data-overdue', 'true');
    await expect(r.getByTestId('inspection-overdue')).toHaveText('已逾期');
  }
  await settle(page);
  await shot(page, 'inspections-overdue');

  await page.getByTestId('inspections-tab-schedule').click();
  await expect(page.getByText('A 每 24 个月，B 每 12 个月，C 每 6 个月，D 每 3 个月')).toBeVisible();
  await page.getByTestId('schedule-horizon').getByText('一年内到期').click();
  // The institution found with serious problems today comes round again after its new grade's months.
  const months = gradeAfter === 'C' ? 6 : 3;
  const again = page.locator(`[data-testid="schedule-row"][data-institution="${recordedInstitution}"]`);
  await expect(again).toContainText(`${months} 个月`);
  await expect(again).toContainText(`${dayjs().format('YYYY年M月D日')} 检查`);
  await expect(again).toContainText(dayjs().add(months, 'month').format('YYYY年M月D日'));
  await settle(page);
  // The year's list is long: the first screen is what a person sees.
  await page.screenshot({ path: 'test/e2e/screenshots/inspections-schedule.png' });
});

test('the auditor reads and re-runs a draw, but cannot draw or record', async () => {
  await logout(page);
  await login(page, 'auditor');
  await nav(page, 'inspections');
  await expect(page.getByTestId('inspections-read-only')).toBeVisible();
  await expect(page.getByTestId('plan-create')).toHaveCount(0);
  await page.getByTestId('inspections-tab-draw').click();
  await expect(page.getByTestId('draw-confirm')).toHaveCount(0);
  await page.getByTestId('draw-count').fill('10');
  await page.getByTestId('draw-per').fill('1');
  await page.getByTestId('draw-kind-training').click();
  await previewIds('20261125');
  await expect(page.getByTestId('draw-target')).toHaveCount(10);
  await page.getByTestId('inspections-tab-list').click();
  await expect(page.getByTestId('inspection-row').first()).toBeVisible();
  await expect(page.getByTestId('inspection-record')).toHaveCount(0);
  await expect(page.getByTestId('inspection-cancel')).toHaveCount(0);
  await settle(page);
  await shot(page, 'inspections-auditor');
});
