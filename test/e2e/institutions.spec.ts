// 机构名录 in Chromium on its own demo bureau (HOSTS.institutions): the administrator adds a training
// institution, first with a USCC whose check character is wrong (the form names the right one),
// then with the right one; adds a practitioner (ID number shown masked in the list) and a penalty,
// and sees the grade fall from B 100 to C 80 with the step that did it; the auditor reads the same
// institution without any button that changes it. Screenshots 6x-*.png are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import { HOSTS } from '../../playwright.config';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { makeUscc } from '../../shared/domain/uscc';
import { login, logout, nav, openDemo, settle, shot } from './support';

test.describe.configure({ mode: 'serial' });
const URL = `http://127.0.0.1:${HOSTS.institutions}/`;
const NAME = '舞钢市星火编程培训中心';
const USCC = makeUscc('52', '410481', 'MA7K2Q9D');
const WRONG = USCC.slice(0, 17) + (USCC[17] === '0' ? '1' : '0');
const ID = makeIdNumber('410481', '19920315', '124');

async function openInstitution(page: Page): Promise<void> {
  await nav(page, 'institutions');
  await page.getByTestId('inst-search').fill(NAME);
  await expect(page.getByTestId('inst-total')).toHaveText('共 1 家');
  await page.getByTestId('institutions-table').getByText(NAME).click();
  await expect(page.getByTestId('detail-name')).toHaveText(NAME);
}

test('the administrator adds an institution, a practitioner and a penalty, and the grade falls', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openDemo(page, URL, '教体局');
  await nav(page, 'institutions');
  await expect(page.getByRole('heading', { name: '机构名录', level: 2 })).toBeVisible();
  await expect(page.getByTestId('inst-total')).toHaveText('共 77 家');
  await settle(page);
  await shot(page, '60-institutions-list');

  await page.getByTestId('inst-filter-kind').click();
  await page.getByRole('option', { name: '民办学校', exact: true }).click();
  await expect(page.getByTestId('inst-total')).toHaveText('共 12 家');
  await page.getByTestId('inst-filter-kind').click();
  await page.getByRole('option', { name: '民办学校', exact: true }).click();
  await expect(page.getByTestId('inst-total')).toHaveText('共 77 家');
  // By grade: every row shown is of that grade.
  await page.getByTestId('inst-filter-grade').click();
  await page.getByRole('option', { name: 'D 严重失信' }).click();
  await expect(page.getByTestId('inst-total')).not.toHaveText('共 77 家');
  const graded = page.getByTestId('institutions-table').locator('[data-grade]');
  await expect(graded.first()).toBeVisible();
  for (const g of await graded.all()) await expect(g).toHaveAttribute('data-grade', 'D');
  await page.getByTestId('inst-filter-grade').click();
  await page.getByRole('option', { name: 'D 严重失信' }).click();
  await expect(page.getByTestId('inst-total')).toHaveText('共 77 家');

  await page.getByTestId('inst-create').click();
  const dialog = page.getByRole('dialog', { name: '新增机构' });
  await dialog.getByTestId('inst-name').fill(NAME);
  await dialog.getByTestId('inst-uscc').fill(WRONG);
  await dialog.getByTestId('inst-township').click();
  await expect(dialog.getByText(`第 18 位校验码应为“${USCC[17]}”，实际为“${WRONG[17]}”`)).toBeVisible();
  await dialog.getByTestId('inst-township').fill('垭口街道');
  await dialog.getByTestId('inst-legal-rep').fill('李明');
  await dialog.getByTestId('inst-save').click();
  // Nothing is saved while the code is wrong.
  await expect(dialog).toBeVisible();
  await settle(page);
  await shot(page, '61-institution-wrong-uscc');
  await dialog.getByTestId('inst-uscc').fill(USCC);
  await expect(dialog.getByText('校验通过')).toBeVisible();
  await dialog.getByTestId('inst-save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('detail-name')).toHaveText(NAME);
  const drawer = page.getByTestId('inst-detail');
  await expect(drawer.locator('[data-grade]').first()).toHaveText('B · 100');

  await page.getByTestId('inst-tab-practitioners').click();
  await page.getByTestId('pr-add').click();
  const pr = page.getByRole('dialog', { name: '新增从业人员' });
  await pr.getByTestId('pr-name').fill('赵敏');
  await pr.locator('label', { hasText: /^男$/ }).click();
  await pr.getByTestId('pr-id-number').fill(ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0'));
  await pr.getByTestId('pr-post').click();
  await expect(pr.getByText(`第 18 位校验码应为“${ID[17]}”`)).toBeVisible();
  await pr.getByTestId('pr-id-number').fill(ID);
  // 124 is even: the number says female, the form says male.
  await expect(pr.getByText('号码显示性别为女，与填写的男不符')).toBeVisible();
  await pr.locator('label', { hasText: /^女$/ }).click();
  await pr.getByTestId('pr-post').fill('专职教师');
  await pr.getByTestId('pr-save').click();
  await expect(pr).toBeHidden();
  const row = page.getByTestId('practitioner-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(`410481********${ID.slice(14)}`);
  await expect(row).not.toContainText(ID);
  await settle(page);
  await shot(page, '62-institution-practitioner');

  await page.getByTestId('inst-tab-penalties').click();
  await page.getByTestId('add-penalty').click();
  const pen = page.getByRole('dialog', { name: '录入行政处罚' });
  await pen.getByTestId('dec-docNo').fill('舞教体罚〔2026〕E01号');
  // The dialog may still be opening: a click then misses the dropdown, so open it until it shows.
  const fine = page.getByRole('option', { name: '罚款', exact: true });
  await expect(async () => {
    if (!(await fine.isVisible())) await pen.getByTestId('dec-categories').click({ force: true });
    await expect(fine).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await fine.click();
  await pen.getByTestId('dec-violationType').fill('超前收费');
  await pen.getByTestId('dec-facts').fill('一次性收取学员超过 3 个月的培训费用。');
  await pen.getByTestId('dec-basis').fill('《中华人民共和国民办教育促进法》第六十二条');
  await pen.getByTestId('dec-validUntil').fill('2027-11-20');
  await pen.getByTestId('dec-content').fill('罚款人民币伍仟元。');
  await pen.getByTestId('dec-save').click();
  // A fine needs its amount: said under the field, nothing saved.
  await expect(pen.getByText('处罚类别含罚款时必须填写罚款金额')).toBeVisible();
  await pen.getByTestId('dec-fineWan').fill('0.5');
  await pen.getByTestId('dec-save').click();
  await expect(pen).toBeHidden();
  await expect(page.getByTestId('decision-penalty')).toHaveCount(1);
  await expect(drawer.locator('[data-grade]').first()).toHaveText('C · 80');
  await settle(page);
  await shot(page, '63-institution-penalty');

  await page.getByTestId('inst-tab-credit').click();
  await expect(page.getByTestId('detail-score')).toHaveText('合计 80 分');
  await expect(page.getByTestId('grade-explanation')).toContainText('I-PN2');
  await expect(page.getByTestId('grade-explanation')).toContainText('得分 80 分，不低于 80 分：C 失信');
  await expect(page.getByTestId('inst-records').locator('[data-code="I-PN2"]')).toContainText('行政处罚 #');
  await settle(page);
  await shot(page, '64-institution-credit-file');
  await page.keyboard.press('Escape');
  await page.getByTestId('inst-search').fill(NAME);
  await expect(page.getByTestId('inst-total')).toHaveText('共 1 家');
  await expect(page.getByTestId('institutions-table').locator('[data-grade]')).toHaveText('C · 80');
  await logout(page);
});

test('the administrator enters an annual report: wrong figures and an over-long statement are refused at their fields, the longest saves, and a correction keeps the old one', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(URL);
  await login(page, 'admin');
  await openInstitution(page);
  await page.getByTestId('inst-tab-reports').click();
  await page.getByTestId('report-add').click();
  const form = page.getByRole('dialog', { name: '录入年度报告' });
  await form.getByTestId('report-learners').fill('120');
  await form.getByTestId('report-staff').fill('9');
  await form.getByTestId('report-qualifiedTeachers').fill('12');
  await form.getByTestId('report-incomeYuan').fill('360000');
  await form.getByTestId('report-feesHeldYuan').fill('42000');
  // One character typed into the statement once blanked the window.
  await form.getByTestId('report-statement').pressSequentially('所');
  await form.getByTestId('report-statement').fill('报'.repeat(2001));
  await expect(form.getByText('超出 1 字：最多 2,000 字，请删减后再保存')).toBeVisible();
  await form.getByTestId('report-save').click();
  await expect(form.getByText('不能多于教职工人数')).toBeVisible();
  await expect(form).toBeVisible();
  await settle(page);
  await shot(page, '65-annual-report-refused');
  await form.getByTestId('report-qualifiedTeachers').fill('7');
  await form.getByTestId('report-statement').fill('报'.repeat(2000));
  await expect(form.getByText('2,000 / 2,000 字')).toBeVisible();
  await form.getByTestId('report-save').click();
  await expect(form).toBeHidden();
  await expect(page.getByTestId('report-current')).toHaveCount(1);
  await expect(page.getByTestId('report-current')).toContainText('合格');

  await page.locator('[data-testid^="report-correct-"]').first().click();
  const fix = page.getByRole('dialog', { name: '更正' });
  await fix.getByTestId('report-learners').fill('118');
  await fix.getByTestId('report-save').click();
  await expect(fix.getByText('请填写更正理由（至少 2 个字）')).toBeVisible();
  await fix.getByTestId('report-reason').fill('更正学员人数\u202E');
  await fix.getByTestId('report-save').click();
  await expect(fix.getByText('不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符')).toBeVisible();
  await fix.getByTestId('report-reason').fill('更'.repeat(1000));
  await fix.getByTestId('report-save').click();
  await expect(fix).toBeHidden();
  await expect(page.getByTestId('report-current')).toContainText('118');
  await expect(page.getByTestId('report-old')).toHaveCount(1);
  await settle(page);
  await shot(page, '66-annual-report-corrected');
  await page.keyboard.press('Escape');
  await logout(page);
});

test('a page that fails to draw says so and leaves the rest of the app working', async ({ page }) => {
  await page.goto(URL);
  await login(page, 'admin');
  // The audit page reads each entry's changes with JSON.parse while it draws: make that throw.
  await page.evaluate(() => {
    const parse = JSON.parse;
    (window as unknown as { breakDrawing: boolean }).breakDrawing = true;
    JSON.parse = (text: string, reviver?: (this: unknown, key: string, value: unknown) => unknown) => {
      if ((window as unknown as { breakDrawing: boolean }).breakDrawing) throw new Error('drawing failed on purpose');
      return parse(text, reviver);
    };
  });
  await nav(page, 'audit');
  await expect(page.getByTestId('page-failed')).toContainText('此页面出错了');
  await expect(page.getByTestId('page-failed')).toContainText('drawing failed on purpose');
  await settle(page);
  await shot(page, '67-page-failed');
  await nav(page, 'institutions');
  await expect(page.getByTestId('inst-total')).toBeVisible();
  await nav(page, 'audit');
  await page.evaluate(() => {
    (window as unknown as { breakDrawing: boolean }).breakDrawing = false;
  });
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await logout(page);
});

test('the auditor reads the institution and its file, with nothing to change', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(URL);
  await login(page, 'auditor');
  await openInstitution(page);
  await expect(page.getByText('只读：审计角色可以查看全部信息，不能修改。')).toBeVisible();
  await expect(page.getByTestId('inst-create')).toHaveCount(0);
  await expect(page.getByTestId('inst-edit')).toHaveCount(0);
  await page.getByTestId('inst-tab-penalties').click();
  await expect(page.getByTestId('decision-penalty')).toHaveCount(1);
  await expect(page.getByTestId('add-penalty')).toHaveCount(0);
  await expect(page.getByTestId('dec-correct')).toHaveCount(0);
  await page.getByTestId('inst-tab-credit').click();
  await expect(page.getByTestId('inst-add-record')).toHaveCount(0);
  await settle(page);
  await shot(page, '65-institution-auditor');
});
