// School credit files in Chromium, on this spec's own demo school (host HOSTS.credit): the big
// lists, a teacher roster import with a bad row and then a good one, a record with evidence that is
// amended, a teacher account for the imported teacher, the teacher's objection and the
// administrator's decision. Screenshots 3x-*.png are looked at by a person.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTS } from '../../playwright.config';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { login, shot, settle, nav, logout, openDemo } from './support';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.credit}/`;
const TEACHER_PASSWORD = 'teacher-pass-1';
/** The teacher's own password, chosen at the first login in place of the administrator's. */
const TEACHER_OWN_PASSWORD = 'ouyang-own-2026';

/** Three new teachers; 1990-05-17 born, odd sequence digit = male, even = female. */
const ROSTER = [
  { name: '欧阳明轩', gender: '男', id: makeIdNumber('410481', '19900517', '031'), staffNo: 'E2E01', subject: '数学', title: '一级教师', hired: '2015-09-01' },
  { name: '司马静怡', gender: '女', id: makeIdNumber('410481', '19920308', '042'), staffNo: 'E2E02', subject: '语文', title: '二级教师', hired: '2018-09-01' },
  { name: '诸葛文博', gender: '男', id: makeIdNumber('410481', '19880812', '053'), staffNo: 'E2E03', subject: '物理', title: '高级教师', hired: '2010-08-20' },
];
const HEADER = '姓名,性别,身份证号,工号,任教学科,职称,入职日期,备注';

function csvFile(name: string, rows: string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'educredit-e2e-csv-')), name);
  writeFileSync(path, [HEADER, ...rows].join('\r\n') + '\r\n', 'utf8');
  return path;
}

const goodRows = ROSTER.map((r) => `${r.name},${r.gender},${r.id},${r.staffNo},${r.subject},${r.title},${r.hired},新调入`);
/** Row 3 has a wrong check character; row 4 a gender the number contradicts. */
function badRows(): string[] {
  const wrongCheck = ROSTER[1]!.id.slice(0, 17) + (ROSTER[1]!.id[17] === '0' ? '1' : '0');
  return [goodRows[0]!, goodRows[1]!.replace(ROSTER[1]!.id, wrongCheck), goodRows[2]!.replace(',男,', ',女,')];
}

/** A one-pixel PNG: real image bytes for the evidence store. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * Before a screenshot: close the notifications (they slide over the header for four seconds) and
 * let a modal finish fading in, so the picture shows the screen as a person reads it.
 */
/** Picks an option of a searchable Mantine Select by typing into it. */
async function pick(page: Page, input: ReturnType<Page['getByTestId']>, typed: string, option: RegExp): Promise<void> {
  await input.click();
  await input.fill(typed);
  await page.getByRole('option', { name: option }).first().click();
}

test('a demo school is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '示范学校');
  await expect(page.getByTestId('count-records')).toContainText(/\d{2},\d{3}/);
});

test('the teacher list filters, sorts and scrolls in the core, and checks ID numbers live', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'teachers');
  await expect(page.getByTestId('teacher-total')).toContainText(/共 1\d\d 条/);
  const table = page.getByTestId('teachers-table');
  const total = Number((await page.getByTestId('teacher-total').textContent())?.replace(/\D/g, ''));
  // Only the rows in view are in the DOM, however many teachers there are.
  expect(await table.getByTestId('vrow').count()).toBeLessThan(60);
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table.locator(`[data-index="${total - 1}"]`)).toBeVisible();
  await table.evaluate((el) => (el.scrollTop = 0));
  await table.getByRole('button', { name: /姓名/ }).click();
  await expect(table.getByRole('columnheader', { name: /姓名 ▲/ })).toBeVisible();
  await page.getByTestId('teacher-search').fill('T0007');
  await expect(page.getByTestId('teacher-total')).toHaveText('共 1 条');
  await page.getByTestId('teacher-search').fill('');
  await expect(page.getByTestId('teacher-total')).toHaveText(`共 ${total} 条`);
  await expect(table.getByTestId('vrow').first()).toBeVisible();
  await settle(page);
  await shot(page, '30-teachers');

  await page.getByRole('button', { name: '新增教师' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('测试');
  const wrong = ROSTER[0]!.id.slice(0, 17) + (ROSTER[0]!.id[17] === '0' ? '1' : '0');
  await dialog.getByTestId('id-number').fill(wrong);
  await expect(dialog.getByTestId('id-error')).toHaveText(`第 18 位校验码应为“${ROSTER[0]!.id[17]}”，实际为“${wrong[17]}”`);
  await expect(dialog.locator('[data-wrong="18"]')).toBeVisible();
  await settle(page);
  await shot(page, '31-teacher-form-id-error');
  await dialog.getByTestId('id-number').fill(ROSTER[0]!.id);
  await expect(dialog.getByText('校验通过（1990年5月17日 出生，男）')).toBeVisible();
  await dialog.getByText('女', { exact: true }).click();
  await expect(dialog.getByTestId('id-error')).toContainText('号码显示性别为男，与填写的女不符');
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('a roster import lists every bad row, refuses to commit, then imports a good file once', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'import');
  const template = page.waitForEvent('download');
  await page.getByTestId('import-template').click();
  expect((await template).suggestedFilename()).toMatch(/\.xlsx$/);
  const bad = csvFile('teachers-bad.csv', badRows());
  await page.locator('input[type="file"]').setInputFiles(bad);
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-problems')).toBeVisible();
  const problems = page.getByTestId('import-problems');
  await expect(problems.getByRole('row')).toHaveCount(3); // header + two bad rows
  await expect(problems).toContainText('第 18 位校验码应为');
  await expect(problems).toContainText('号码显示性别为男，与填写的女不符');
  await expect(page.getByTestId('import-ignored')).toContainText('备注');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await settle(page);
  await shot(page, '32-import-problems');
  // The problems print, to correct the file from.
  const printed = page.waitForEvent('download');
  await page.getByTestId('import-problems-export-pdf').click();
  const problemsPdf = join(mkdtempSync(join(tmpdir(), 'educredit-e2e-problems-')), 'problems.pdf');
  await (await printed).saveAs(problemsPdf);
  const text = execFileSync('pdftotext', ['-layout', problemsPdf, '-'], { encoding: 'utf8' });
  expect(text).toContain('导入问题清单');
  expect(text).toContain('teachers-bad.csv');
  expect(text).toContain('第 18 位校验码应为');

  await page.locator('input[type="file"]').setInputFiles(csvFile('teachers.csv', goodRows));
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-ok')).toBeVisible();
  await expect(page.getByTestId('import-insert')).toContainText('3');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toContainText('导入完成：新增 3，更新 0，无变化 0');
  await settle(page);
  await shot(page, '33-import-done');

  // A big file shows its progress and can be cancelled; nothing is written.
  const big: string[] = [];
  for (let i = 0; i < 80_000; i++) big.push(`教师${i},男,${makeIdNumber('410481', '19900101', String((i % 400) * 2 + 101).slice(-3))},BIG${i},数学,,2015-09-01,`);
  const bigFile = csvFile('big.csv', big);
  await page.locator('input[type="file"]').setInputFiles(bigFile);
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-progress')).toBeVisible();
  await page.getByTestId('import-cancel').click();
  await expect(page.getByText('已取消，没有写入任何数据。')).toBeVisible();
  // Checked again to the end: the core's progress shows while the rows are checked, then every
  // repeated ID number is listed and nothing can be imported.
  await page.getByTestId('import-check').click();
  // The numbers come from polls of import.progress; on a busy machine the check may end first.
  const counting = page.getByTestId('import-progress').filter({ hasText: /正在读取文件|正在检查第 [\d,]+ \/ 80,000 行/ });
  await expect(counting.or(page.getByTestId('import-problem-count'))).toBeVisible({ timeout: 30_000 });
  await shot(page, '3l-import-progress');
  await expect(page.getByTestId('import-problem-count')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('import-commit')).toBeDisabled();

  // The same file again changes nothing.
  await page.locator('input[type="file"]').setInputFiles(csvFile('teachers.csv', goodRows));
  await page.getByTestId('import-check').click();
  await expect(page.getByTestId('import-unchanged')).toContainText('3');
  await expect(page.getByTestId('import-insert')).toContainText('0');
});

test('a record with evidence is entered for an imported teacher, then amended', async ({ page }) => {
  const teacher = ROSTER[0]!;
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'records');
  await page.getByTestId('record-new').click();
  const dialog = page.getByRole('dialog');
  await pick(page, dialog.getByTestId('pick-teacher'), teacher.name, new RegExp(teacher.name));
  await pick(page, dialog.getByTestId('item-select'), 'T-H01', /^T-H01/);
  await expect(dialog.getByText('此事项须附证明材料')).toBeVisible();
  await dialog.getByTestId('occurred-on').fill('2026-11-20');
  await dialog.getByLabel('事实描述').fill('未按时提交教案，已谈话提醒');
  await dialog.locator('input[type="file"]').setInputFiles({ name: '谈话记录.png', mimeType: 'image/png', buffer: PNG });
  await expect(dialog.getByText(`${PNG.length} B`)).toBeVisible();
  await settle(page);
  await shot(page, '34-record-entry');
  await dialog.getByRole('button', { name: '保存' }).click();

  const drawer = page.getByRole('dialog', { name: /记录详情/ });
  await expect(drawer.getByText('未按时提交教案，已谈话提醒')).toBeVisible();
  await expect(drawer.getByText('2026年11月20日')).toBeVisible();
  await expect(drawer.getByTestId('evidence-link')).toHaveText('谈话记录.png');
  await drawer.getByTestId('record-amend').click();
  const amend = page.getByRole('dialog', { name: /^更正/ });
  await expect(amend.getByLabel('事实描述')).toHaveValue('未按时提交教案，已谈话提醒');
  await pick(page, amend.getByTestId('item-select'), 'T-V04', /^T-V04/);
  await amend.getByLabel('事实描述').fill('两次未按时提交教案，敷衍教学，已谈话提醒');
  await amend.getByLabel('更正理由').fill('核实后应按违反教学纪律记录');
  await settle(page);
  await shot(page, '35-record-amend');
  await amend.getByRole('button', { name: '更正' }).click();
  await expect(page.getByText(/已更正：原记录保留，新记录 #\d+ 取代它/)).toBeVisible();
  const detail = page.getByRole('dialog', { name: /记录详情/ });
  await expect(detail.getByText('两次未按时提交教案，敷衍教学，已谈话提醒')).toBeVisible();
  await expect(detail.getByText(/更正或撤销了记录 #\d+/)).toBeVisible();
  // The evidence of the original record carries over.
  await expect(detail.getByTestId('evidence-link')).toHaveText('谈话记录.png');
  await settle(page);
  await shot(page, '36-record-detail');
  await page.keyboard.press('Escape');

  await page.getByTestId('records-search').fill(teacher.name);
  await expect(page.getByTestId('records-total')).toHaveText('共 2 条');
  await expect(page.getByTestId('records-table').locator('[data-status="amended"]')).toBeVisible();
  await expect(page.getByTestId('records-table').locator('[data-status="active"]')).toBeVisible();
  await settle(page);
  await shot(page, '37-records');
});

test('the administrator opens the teacher file and makes a teacher account for that teacher', async ({ page }) => {
  const teacher = ROSTER[0]!;
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'teachers');
  // A teacher who left is deactivated, never deleted: gone from the active list, kept in the register.
  await page.getByTestId('teacher-search').fill(ROSTER[2]!.staffNo);
  await expect(page.getByTestId('teacher-total')).toHaveText('共 1 条');
  await page.getByTestId('teachers-table').getByRole('button', { name: '编辑' }).click();
  await page.getByRole('dialog').getByTestId('toggle-status').click();
  await expect(page.getByText('已停用（档案和记录保留，不会删除）')).toBeVisible();
  await expect(page.getByTestId('teacher-total')).toHaveText('共 0 条');

  await page.getByTestId('teacher-search').fill(teacher.staffNo);
  await expect(page.getByTestId('teacher-total')).toHaveText('共 1 条');
  await page.getByTestId('teachers-table').getByRole('cell', { name: teacher.name, exact: true }).click();
  await expect(page.getByTestId('file-name')).toHaveText(teacher.name);
  await expect(page.getByTestId('score')).toHaveText('90');
  await expect(page.getByTestId('grade')).toHaveText('C');
  await expect(page.getByTestId('grade-because')).toHaveText('得分 90 分，不低于 80 分，评为 C 级。');
  await settle(page);
  await shot(page, '38-teacher-file');

  await nav(page, 'users');
  await page.getByRole('button', { name: '新建账户' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('ouyang');
  await dialog.getByLabel('角色').click();
  await page.getByRole('option', { name: '教师', exact: true }).click();
  await pick(page, dialog.getByTestId('pick-teacher'), teacher.staffNo, new RegExp(teacher.name));
  await expect(dialog.getByLabel('姓名')).toHaveValue(teacher.name);
  await dialog.getByLabel('初始密码').fill(TEACHER_PASSWORD);
  await settle(page);
  await shot(page, '39-users-teacher-account');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: 'ouyang', exact: true })).toBeVisible();
});

test('the teacher sees only their own file and objects to the amended record', async ({ page }) => {
  await page.goto(url);
  await login(page, 'ouyang', TEACHER_PASSWORD);
  // The administrator set this password: the first login leads to choosing one's own.
  await expect(page.getByText('请先设置您自己的密码')).toBeVisible();
  await page.getByRole('textbox', { name: '原密码' }).fill(TEACHER_PASSWORD);
  await page.getByRole('textbox', { name: '新密码', exact: true }).fill(TEACHER_OWN_PASSWORD);
  await page.getByRole('textbox', { name: '再次输入新密码' }).fill(TEACHER_OWN_PASSWORD);
  await page.getByRole('button', { name: '设置新密码并继续' }).click();
  await expect(page.getByRole('heading', { name: '我的信用档案' })).toBeVisible();
  await expect(page.getByTestId('nav-teachers')).toHaveCount(0);
  await expect(page.getByTestId('nav-students')).toHaveCount(0);
  await expect(page.getByTestId('file-name')).toHaveText(ROSTER[0]!.name);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('[data-status]')).toHaveCount(2);
  await timeline.getByTestId('raise-objection').click();
  const dialog = page.getByRole('dialog');
  // A zero-width space pasted in with the text is refused under the reason, in words.
  await dialog.getByLabel('异议理由').fill('第二次教案已按时提交\u200b');
  await dialog.getByRole('button', { name: '提出异议' }).click();
  await expect(dialog.getByLabel('异议理由')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByText('不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符')).toBeVisible();
  await dialog.getByLabel('异议理由').fill('第二次教案已按时提交，有教研组签收记录为证');
  await expect(dialog.getByText(/^\d+ \/ 1,000 字$/)).toBeVisible();
  // The receipt goes with the objection.
  const receipt = join(mkdtempSync(join(tmpdir(), 'educredit-e2e-receipt-')), '教研组签收记录.png');
  writeFileSync(receipt, PNG);
  await dialog.locator('input[type="file"]').setInputFiles(receipt);
  await settle(page);
  await shot(page, '3a-objection-raise');
  await dialog.getByRole('button', { name: '提出异议' }).click();
  await expect(page.getByText('已提出异议，等待学校管理员处理')).toBeVisible();
  await expect(timeline.locator('[data-status="disputed"]')).toBeVisible();
  await expect(timeline.getByTestId('objection-note')).toContainText('异议处理中');
  await expect(timeline.getByTestId('objection-note').getByTestId('evidence-link')).toHaveText('教研组签收记录.png');
  // A disputed record keeps counting until it is decided.
  await expect(page.getByTestId('score')).toHaveText('90');
  await settle(page);
  await shot(page, '3b-my-file-disputed');
  // The teacher's 工作台 says what waits on their side.
  await nav(page, 'dashboard');
  await expect(page.getByTestId('todo-mineObjections')).toContainText('您提出的 1 项异议正在等待学校处理');
  await settle(page);
  await shot(page, '3b2-teacher-dashboard');
});

test('the administrator decides the objection and the file shows the decision', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'objections');
  const card = page.locator('[data-testid^="objection-"]').filter({ hasText: ROSTER[0]!.name });
  await expect(card).toContainText('第二次教案已按时提交');
  await expect(card.getByTestId('evidence-link')).toHaveText('教研组签收记录.png');
  await settle(page);
  await shot(page, '3c-objections');
  await card.getByTestId('decide').click();
  const dialog = page.getByRole('dialog');
  // What the teacher attached is in front of the one who decides.
  await expect(dialog.getByTestId('decide-evidence').getByTestId('evidence-link')).toHaveText('教研组签收记录.png');
  await dialog.getByText('异议成立（撤销该记录）').click();
  await dialog.getByLabel('处理理由').fill('经核实教研组签收记录，第二次教案按时提交，原记录撤销');
  await settle(page);
  await shot(page, '3d-objection-decide');
  await dialog.getByRole('button', { name: '确认' }).click();
  await expect(page.getByText('已认定异议成立，记录已撤销')).toBeVisible();
  await expect(page.getByText('没有待处理的异议。')).toBeVisible();
  // Decided, it stays in view with its decision, and the list prints.
  await page.getByTestId('objections-decided').click();
  const decided = page.locator('[data-testid^="objection-"]').filter({ hasText: ROSTER[0]!.name });
  await expect(decided.getByTestId('objection-decision')).toContainText('异议成立（撤销该记录）');
  await expect(decided.getByTestId('objection-decision')).toContainText('经核实教研组签收记录');
  await expect(decided.getByTestId('decide')).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('objections-export-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/^异议处理登记-\d{4}-\d{2}-\d{2}\.pdf$/);
  await settle(page);
  await shot(page, '3d2-objections-decided');

  await logout(page);
  await login(page, 'ouyang', TEACHER_OWN_PASSWORD);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('objection-note')).toContainText('异议成立：经核实教研组签收记录');
  await expect(timeline.locator('[data-status="revoked"]')).toBeVisible();
  await expect(page.getByTestId('score')).toHaveText('100');
  await settle(page);
  await shot(page, '3e-my-file-decided');
});

test('students, a student file, the catalogue and the English screens', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'students');
  await expect(page.getByTestId('student-total')).toContainText(/共 2,\d{3} 条/);
  const table = page.getByTestId('students-table');
  await table.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await expect(table.getByTestId('vrow').first()).toBeVisible();
  await settle(page);
  await shot(page, '3f-students');
  await table.getByTestId('vrow').first().click();
  await expect(page.getByText('本次查看已记入审计日志。')).toBeVisible();
  await settle(page);
  await shot(page, '3g-student-file');

  // The administrator's export is a real xlsx download.
  await nav(page, 'students');
  const download = page.waitForEvent('download');
  await page.getByTestId('students-export').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // A student's 警告 is released (解除), and stops counting from that day.
  await nav(page, 'records');
  await page.getByRole('tab', { name: '学生记录' }).click();
  await pick(page, page.getByTestId('records-item'), 'S-S01', /^S-S01/);
  await page.getByTestId('records-status').click();
  await page.getByRole('option', { name: '有效', exact: true }).click();
  await page.getByTestId('records-table').getByTestId('vrow').first().click();
  const drawer = page.getByRole('dialog', { name: /记录详情/ });
  await drawer.getByTestId('record-repair').click();
  const release = page.getByRole('dialog', { name: /^解除处分/ });
  await release.getByLabel('解除理由').fill('察看期内表现良好，经学校研究决定解除警告处分');
  await settle(page);
  await shot(page, '3m-release');
  await release.getByRole('button', { name: '解除处分' }).click();
  await expect(drawer.locator('[data-status="released"]')).toBeVisible();
  await page.keyboard.press('Escape');

  await nav(page, 'records');
  await page.getByRole('tab', { name: '学生记录' }).click();
  await expect(page.getByTestId('records-total')).toContainText(/共 20,\d{3} 条/);
  await page.getByTestId('records-from').fill('2026-01-01');
  await page.getByTestId('records-from').blur();
  await expect(page.getByTestId('records-from')).toHaveValue('2026年1月1日');
  await settle(page);
  await shot(page, '3h-student-records');

  await nav(page, 'catalogue');
  await expect(page.getByTestId('catalogue-education')).toContainText('S-S01');
  // A school sees the items about its teachers and students, not the bureau's about institutions.
  await expect(page.getByTestId('catalogue-count')).toHaveText('本校适用 34 项（教师与学生）');
  await expect(page.getByText('I-PN1', { exact: true })).toHaveCount(0);
  await settle(page);
  await shot(page, '3i-catalogue');

  await page.getByRole('button', { name: 'English' }).click();
  await nav(page, 'teachers');
  await page.getByTestId('teacher-search').fill(ROSTER[0]!.staffNo);
  await page.getByTestId('teachers-table').getByRole('cell', { name: ROSTER[0]!.name, exact: true }).click();
  await expect(page.getByText('Timeline')).toBeVisible();
  await expect(page.getByTestId('grade-because')).toHaveText('Score 100 is at least 95: grade B.');
  await settle(page);
  await shot(page, '3j-teacher-file-en');
  await nav(page, 'import');
  await settle(page);
  await shot(page, '3k-import-en');
  await page.getByRole('button', { name: '中文' }).click();
});
