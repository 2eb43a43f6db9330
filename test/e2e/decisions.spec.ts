// 信用审查 in Chromium, on this spec's own demo bureau (host HOSTS.decisions): the administrator
// opens a funding round, adds private schools through the picker (seeing each one's credit review
// first), and the table ranks them by credit — checked against the rules of
// shared/domain/restrictions.ts, whatever grades the rest of the demo gave them; one applicant is
// declined and one granted with reasons, every row is decided and the round closed; the auditor reads
// it without actions; a key monitoring object's evaluation is granted only at a lower level. That a
// restricted school's grant is refused is proven in test/core/decisions.test.ts. Screenshots decisions-*.png
// are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { rankByCredit, type Rankable } from '../../shared/domain/restrictions';
import type { Grade } from '../../shared/domain/creditRules';
import type { ListKind } from '../../shared/domain/supervision';
import type { Verdict } from '../../shared/domain/restrictions';
import { login, logout, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.decisions}/`;
const ROUND = '2026年民办教育专项资金（第二批）';
const APPLICANTS: readonly [string, number][] = [
  ['舞钢市明德中学', 120_000],
  ['舞钢市育才实验学校', 300_000],
  ['舞钢市英才双语学校', 150_000],
  ['舞钢市博雅学校', 80_000],
];

async function openDecisions(page: Page, user = 'admin'): Promise<void> {
  await page.goto(url);
  await login(page, user);
  await nav(page, 'decisions');
  await expect(page.getByRole('heading', { name: '信用审查', level: 2 })).toBeVisible();
}

async function pickRound(page: Page): Promise<void> {
  await page.getByTestId('round-row').filter({ hasText: ROUND }).click();
  await expect(page.getByTestId('round-panel')).toHaveAttribute('data-round', ROUND);
}

interface Row extends Rankable {
  rank: number;
}

/** The table as shown: each row's rank and the credit it was ranked on. */
async function rows(page: Page): Promise<Row[]> {
  const out: Row[] = [];
  for (const r of await page.getByTestId('applicant-row').all()) {
    const lists = ((await r.getAttribute('data-lists')) ?? '').split(' ').filter(Boolean) as ListKind[];
    out.push({
      rank: Number(await r.getAttribute('data-rank')),
      id: out.length,
      name: (await r.getAttribute('data-name')) ?? '',
      grade: (await r.getAttribute('data-grade')) as Grade,
      score: Number(await r.getAttribute('data-score')),
      lists,
      verdict: (await r.getAttribute('data-verdict')) as Verdict,
      preferred: lists.includes('red') || lists.includes('white'),
    });
  }
  return out;
}

function row(page: Page, name: string) {
  return page.getByTestId('applicant-row').filter({ has: page.getByText(name, { exact: true }) });
}

test('a demo bureau is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '教体局');
});

test('the administrator opens a funding round and adds private schools, each with its credit review', async ({ page }) => {
  await openDecisions(page);
  await page.getByTestId('round-create').click();
  const dialog = page.getByRole('dialog', { name: '新建审查批次' });
  await expect(dialog.getByText('专项资金、补助')).toBeVisible();
  await dialog.getByRole('textbox', { name: '名称' }).fill(ROUND);
  await settle(page);
  await shot(page, 'decisions-1-create-round');
  await dialog.getByTestId('round-create-submit').click();
  await expect(page.getByTestId('round-panel')).toHaveAttribute('data-round', ROUND);
  await expect(page.getByTestId('round-panel')).toContainText('本批次还没有申请。');

  await page.getByTestId('applicant-add').click();
  const add = page.getByRole('dialog', { name: `添加申请：${ROUND}` });
  for (const [name, amount] of APPLICANTS) {
    const picker = add.getByTestId('applicant-institution');
    await picker.click();
    await picker.fill(name.slice(3));
    await page.getByRole('option', { name: new RegExp(`^${name} · [ABCD] · `) }).click();
    const review = add.getByTestId('review-summary');
    await expect(review).toBeVisible();
    await expect(review).toContainText('审查规则第 1 版');
    await add.getByTestId('applicant-amount').fill(String(amount));
    if (name === APPLICANTS[1]![0]) {
      await page.waitForTimeout(300);
      await shot(page, 'decisions-2-add-applicant');
    }
    await add.getByTestId('applicant-add-submit').click();
    await expect(page.getByTestId('applicant-row').filter({ hasText: name })).toHaveCount(1);
    await expect(add.getByTestId('applicant-institution')).toHaveValue('');
  }
  // An institution already in the round is no longer offered.
  await add.getByTestId('applicant-institution').click();
  await add.getByTestId('applicant-institution').fill('育才');
  await expect(page.getByRole('option', { name: /舞钢市育才实验学校/ })).toHaveCount(0);
  await add.getByRole('button', { name: '关闭' }).click();
  await expect(page.getByTestId('round-totals')).toContainText('¥650,000');
});

test('the applicants are ranked by credit, with grade, score, lists and the verdict in words', async ({ page }) => {
  await openDecisions(page);
  await pickRound(page);
  const shown = await rows(page);
  expect(shown.map((r) => r.name).sort()).toEqual(APPLICANTS.map(([n]) => n).sort());
  expect(shown.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  // The order on screen is the rules' order of what the screen shows.
  expect(rankByCredit(shown).map((r) => r.name)).toEqual(shown.map((r) => r.name));
  for (const r of shown) {
    const line = row(page, r.name);
    await expect(line).toContainText(`${r.grade} `);
    await expect(line).toContainText({ allowed: '可以批准', flagged: '须审慎', refused: '不得批准' }[r.verdict]);
    await expect(line).toHaveAttribute('data-outcome', 'pending');
    await expect(line).toContainText(`${r.score} 分`);
    // A refused applicant cannot be granted from the table.
    if (r.verdict === 'refused') await expect(line.getByTestId('applicant-grant')).toBeDisabled();
    else await expect(line.getByTestId('applicant-grant')).toBeEnabled();
  }
  await settle(page);
  await shot(page, 'decisions-3-ranked');
});

test('the administrator declines one applicant and grants another, each with a reason', async ({ page }) => {
  await openDecisions(page);
  await pickRound(page);
  const shown = await rows(page);
  const granted = shown.find((r) => r.verdict !== 'refused')!;
  const declined = shown.find((r) => r !== granted)!;

  await row(page, declined.name).getByTestId('applicant-decline').click();
  let dialog = page.getByRole('dialog', { name: `作出决定：${declined.name}` });
  await expect(dialog.getByTestId('review-summary')).toBeVisible();
  await expect(dialog.getByTestId('decide-acknowledge')).toHaveCount(0);
  await expect(dialog.getByTestId('decide-submit')).toBeDisabled();
  await dialog.getByTestId('decide-reason').fill('申报材料不全，未附2025年度财务审计报告');
  await dialog.getByTestId('decide-submit').click();
  await expect(row(page, declined.name)).toHaveAttribute('data-outcome', 'declined');
  await expect(row(page, declined.name)).toContainText('不予批准');
  await expect(row(page, declined.name)).toContainText('决定时的审查（');

  await row(page, granted.name).getByTestId('applicant-grant').click();
  dialog = page.getByRole('dialog', { name: `作出决定：${granted.name}` });
  await dialog.getByTestId('decide-reason').fill('信用良好，办学规范，按申请金额安排');
  // The acknowledgement is asked for only when the review carries flags.
  await expect(dialog.getByTestId('decide-acknowledge')).toHaveCount(granted.verdict === 'flagged' ? 1 : 0);
  if (granted.verdict === 'flagged') await dialog.getByTestId('decide-acknowledge').check();
  await page.waitForTimeout(300);
  await shot(page, 'decisions-4-decide');
  await dialog.getByTestId('decide-submit').click();
  await expect(row(page, granted.name)).toHaveAttribute('data-outcome', 'granted');
  await expect(row(page, granted.name)).toContainText('信用良好，办学规范，按申请金额安排');
  await expect(page.getByTestId('round-row').filter({ hasText: ROUND })).toContainText('1 / 1 / 2');
  // The round cannot close while applicants are pending.
  await expect(page.getByTestId('round-close')).toBeDisabled();
  await settle(page);
  await shot(page, 'decisions-5-decided');
});

test('every applicant decided, the round is closed and takes no more', async ({ page }) => {
  await openDecisions(page);
  await pickRound(page);
  for (const r of await rows(page)) {
    const line = row(page, r.name);
    if ((await line.getAttribute('data-outcome')) !== 'pending') continue;
    await line.getByTestId('applicant-decline').click();
    const dialog = page.getByRole('dialog', { name: `作出决定：${r.name}` });
    await dialog.getByTestId('decide-reason').fill('本批次资金额度已用完');
    await dialog.getByTestId('decide-submit').click();
    await expect(line).toHaveAttribute('data-outcome', 'declined');
  }
  await page.getByTestId('round-close').click();
  await page.getByTestId('round-close-confirm').click();
  await expect(page.getByTestId('round-state')).toHaveText('已结束');
  await expect(page.getByTestId('applicant-add')).toHaveCount(0);
  await expect(page.getByTestId('applicant-decline')).toHaveCount(0);
});

test('an evaluation of a key monitoring object is granted only at a level below the one asked for', async ({ page }) => {
  const EVAL = '2026年民办学校年度办学水平评估';
  // The demo's 华星幼儿园 is a key monitoring object (its negative-list case reached key monitoring).
  const SCHOOL = '舞钢市华星幼儿园';
  await openDecisions(page);
  await page.getByTestId('round-create').click();
  const create = page.getByRole('dialog', { name: '新建审查批次' });
  await create.getByTestId('round-kind').getByText('评估评价').click();
  await create.getByRole('textbox', { name: '名称' }).fill(EVAL);
  await create.getByTestId('round-create-submit').click();
  await expect(page.getByTestId('round-panel')).toHaveAttribute('data-round', EVAL);
  await page.getByTestId('applicant-add').click();
  const add = page.getByRole('dialog', { name: `添加申请：${EVAL}` });
  await add.getByTestId('applicant-institution').click();
  await add.getByTestId('applicant-institution').fill('华星');
  await page.getByRole('option', { name: new RegExp(`^${SCHOOL} · [ABCD] · `) }).click();
  await add.getByTestId('applicant-level').click();
  await page.getByRole('option', { name: '良好' }).click();
  await add.getByTestId('applicant-add-submit').click();
  await expect(row(page, SCHOOL)).toHaveCount(1);
  await add.getByRole('button', { name: '关闭' }).click();

  await row(page, SCHOOL).getByTestId('applicant-grant').click();
  const decide = page.getByRole('dialog', { name: `作出决定：${SCHOOL}` });
  await decide.getByTestId('decide-reason').fill('列入重点监控对象，评估等级由良好降为合格');
  await decide.getByTestId('decide-acknowledge').check();
  // No level chosen yet: nothing to submit; only levels below 良好 are offered.
  await expect(decide.getByTestId('decide-submit')).toBeDisabled();
  await decide.getByTestId('decide-level').click();
  await expect(page.getByRole('option', { name: '优秀' })).toHaveCount(0);
  await page.getByRole('option', { name: '合格' }).click();
  await page.waitForTimeout(300);
  await shot(page, 'decisions-7-lowered');
  await decide.getByTestId('decide-submit').click();
  await expect(row(page, SCHOOL)).toHaveAttribute('data-outcome', 'granted');
  await expect(row(page, SCHOOL).getByTestId('applicant-granted-level')).toHaveText('评为合格（已降级）');
  await settle(page);
  await shot(page, 'decisions-8-lowered-granted');
});

test('the auditor reads the round, its ranking and its decisions, with no actions', async ({ page }) => {
  await openDecisions(page, 'auditor');
  await expect(page.getByTestId('decisions-read-only')).toBeVisible();
  await expect(page.getByTestId('round-create')).toHaveCount(0);
  await pickRound(page);
  await expect(page.getByTestId('applicant-row')).toHaveCount(4);
  await expect(page.getByTestId('applicant-grant')).toHaveCount(0);
  await expect(page.getByTestId('frozen-note')).toHaveCount(4);
  await settle(page);
  await shot(page, 'decisions-6-auditor');
  await logout(page);
});
