// e2e 信用分级 on its own demo bureau: records and a list entry are put in through the API (as the
// institutions and lists screens would), then the administrator runs grading twice, reads the
// counts and the trend, filters the subjects, opens a grade's explanation and reads the rules; an
// inspector reads but cannot run. Screenshots in test/e2e/screenshots are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { login, logout, nav, openDemo, PASSWORD, settle, shot } from './support';

const URL = `http://127.0.0.1:${HOSTS.grading}/`;

test.describe.configure({ mode: 'serial' });

/** Calls the web host's API from inside the page, with the token the host wrote into it. */
async function api(page: Page, route: string, input: unknown, session?: string): Promise<unknown> {
  return page.evaluate(
    async ({ route, input, session }) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="educredit-host-token"]')?.content ?? '';
      const res = await fetch(`api/edu:${route}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-educredit-token': token }, body: JSON.stringify({ session, input }) });
      const r = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
      if (!r.ok) throw new Error(`${route}: ${JSON.stringify(r.error)}`);
      return r.value;
    },
    { route, input, session },
  );
}

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

let page: Page;
/** Subjects the demo bureau grades (its institutions and their practitioners), before this spec adds two. */
let demoTotal = 0;
/** Institution 3, a public school the demo leaves at 100 points and no list. */
let listed = '';

/** The kept run's count of one kind and grade, as the counts table shows it. */
async function count(kind: string, grade: string): Promise<number> {
  return Number(await page.getByTestId('grading-counts').locator(`tr[data-kind="${kind}"] td[data-grade="${grade}"]`).innerText());
}

/** A drawer is fixed to the window: a full-page picture would shift it, so take the window. */
async function drawerShot(name: string): Promise<void> {
  await page.waitForTimeout(400);
  await page.screenshot({ path: `test/e2e/screenshots/${name}.png` });
}

test.beforeAll(async ({ browser }) => {
  page = await browser.newPage();
  await openDemo(page, URL, '教体局');
  await expect(page.getByTestId('nav-grading')).toBeVisible();
});

test.afterAll(async () => {
  await page.close();
});

test('the administrator runs grading and reads the counts and the trend', async () => {
  const { session } = (await api(page, 'auth.login', { username: 'admin', password: PASSWORD })) as { session: string };
  // The demo bureau comes with one kept run, of the data as it still is: the counts before any change.
  await nav(page, 'grading');
  await expect(page.getByRole('heading', { name: '信用分级' })).toBeVisible();
  await expect(page.getByTestId('grading-last-run')).toContainText('最近一次分级');
  demoTotal = Number(await page.getByTestId('grading-total').innerText());
  expect(demoTotal).toBeGreaterThan(77);
  const before = { institutionA: await count('institution', 'A'), institutionC: await count('institution', 'C'), practitionerD: await count('practitioner', 'D') };
  listed = ((await api(page, 'institutions.get', { id: 3 }, session)) as { name: string; grade: string; lists: string[] }).name;

  // Institution 1 (a public school, B like every public school in the demo) commended → 110, A.
  await api(page, 'institutions.addRecord', { institutionId: 1, code: 'I-C01', occurredOn: '2026-10-08', description: '市政府表彰', evidence: [{ fileName: '表彰决定.pdf', dataBase64: PDF }] }, session);
  // Two practitioners of training institution 50: one who beat a pupil (−30, a serious breach → D).
  const p1 = (await api(page, 'practitioners.create', { institutionId: 50, name: '赵一鸣', gender: 'female', idNumber: '11010519491231002X', post: '英语教师', qualification: '' }, session)) as { id: number };
  const p2 = (await api(page, 'practitioners.create', { institutionId: 50, name: '钱二林', gender: 'male', idNumber: '110105199003070017', post: '数学教师', qualification: '' }, session)) as { id: number };
  await api(page, 'practitioners.addRecord', { practitionerId: p1.id, code: 'P-V02', occurredOn: '2026-09-15', description: '课堂上体罚学员' }, session);
  await api(page, 'practitioners.addRecord', { practitionerId: p2.id, code: 'P-C01', occurredOn: '2026-06-01', description: '市级优秀教师' }, session);

  await page.getByTestId('grading-run').click();
  await expect(page.getByText(new RegExp(`已完成分级：${demoTotal + 2} 个主体`))).toBeVisible();
  await expect(page.getByTestId('grading-total')).toHaveText(String(demoTotal + 2));

  // Institution 3 goes on the key supervision list: graded C at most from now on.
  const entry = (await api(page, 'lists.propose', { subjectKind: 'institution', subjectKey: '3', list: 'key_supervision', reason: '整改逾期未完成', startOn: '2026-11-01' }, session)) as { id: number };
  await api(page, 'lists.decide', { id: entry.id, decision: 'approve', reason: '情况属实' }, session);
  await page.getByTestId('grading-run').click();
  await expect(page.getByTestId('grading-last-run')).toContainText(`${demoTotal + 2} 个主体`);
  const institutions = page.getByTestId('grading-counts').locator('tr[data-kind="institution"]');
  await expect(institutions.locator('td[data-grade="A"]')).toHaveText(String(before.institutionA + 1));
  await expect(institutions.locator('td[data-grade="C"]')).toHaveText(String(before.institutionC + 1));
  const practitioners = page.getByTestId('grading-counts').locator('tr[data-kind="practitioner"]');
  await expect(practitioners.locator('td[data-grade="D"]')).toHaveText(String(before.practitionerD + 1));
  await expect(page.getByTestId('grading-trend').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await settle(page);
  await shot(page, 'grading-overview');
});

test('the subjects: filtered, sorted by score, and one grade explained', async () => {
  await page.getByTestId('grading-tab-subjects').click();
  await expect(page.getByTestId('grading-subject-total')).toHaveText(`共 ${demoTotal + 2} 条`);
  // Worst first: scores never rise down the list.
  const scores = (await page.getByTestId('grading-subjects').locator('[data-testid="vrow"] [data-col="score"]').allInnerTexts()).map(Number);
  expect(scores.length).toBeGreaterThan(5);
  expect(scores).toEqual([...scores].sort((a, b) => a - b));
  await page.getByTestId('grading-grade').click();
  await page.getByRole('option', { name: 'C 失信' }).click();
  await expect(page.getByTestId('grading-subjects').getByTestId('vrow').filter({ hasText: listed })).toHaveCount(1);
  await settle(page);
  await shot(page, 'grading-subjects-c');
  await page.getByTestId('grading-subjects').getByTestId('vrow').filter({ hasText: listed }).click();
  const drawer = page.getByTestId('grading-subject');
  await expect(drawer.getByTestId('grade-explanation')).toContainText('列入重点监管名单，等级最高为 C 级');
  await expect(drawer.getByTestId('grade-score')).toHaveText('100');
  await drawerShot('grading-explanation-list-cap');
  await page.keyboard.press('Escape');

  await page.getByTestId('grading-grade').click();
  await page.getByRole('option', { name: 'D 严重失信' }).click();
  await page.getByTestId('grading-subjects').getByTestId('vrow').filter({ hasText: '赵一鸣' }).click();
  const explanation = page.getByTestId('grading-subject').getByTestId('grade-explanation');
  await expect(explanation).toContainText('P-V02 从业人员体罚、侮辱学员');
  await expect(explanation).toContainText('严重失信：记录 #');
  await expect(explanation.locator('tr[data-step="severe"]')).toContainText('D 严重失信');
  await drawerShot('grading-explanation-severe');
  await page.keyboard.press('Escape');
});

test('the rules are shown plainly, version by version', async () => {
  await page.getByTestId('grading-tab-rules').click();
  const grades = page.getByTestId('rules-grades');
  await expect(grades.locator('tr[data-grade="A"]')).toContainText('不低于 110 分');
  await expect(grades.locator('tr[data-grade="B"]')).toContainText('95–109 分');
  await expect(grades.locator('tr[data-grade="D"]')).toContainText('低于 80 分');
  await expect(grades.locator('tr[data-grade="D"]')).toContainText('每 3 个月一次');
  await expect(page.getByTestId('rules-severe')).toContainText('30 分');
  await expect(page.getByTestId('rules-caps')).toContainText('黑名单');
  await settle(page);
  await shot(page, 'grading-rules');
});

test('an inspector reads the grading but cannot run it', async () => {
  await logout(page);
  await login(page, 'inspector');
  await nav(page, 'grading');
  await expect(page.getByTestId('grading-total')).toHaveText(String(demoTotal + 2));
  await expect(page.getByTestId('grading-run')).toHaveCount(0);
  await expect(page.getByTestId('grading-trend').locator('.recharts-bar-rectangle path').first()).toBeVisible();
  await settle(page);
  await shot(page, 'grading-inspector');
});
