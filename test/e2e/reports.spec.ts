// Teacher credit reports in Chromium, on this spec's own demo school (host HOSTS.reports): the
// administrator makes a report for T0001 and verifies the download (未确认); T0001 fails to confirm
// with a wrong password, then signs with the right one and a drawn signature (已确认); the
// confirmed PDF verifies; a second teacher's report is confirmed on paper with a scan; a PDF with
// one byte changed verifies as 篡改; a batch writes every active teacher's PDF into a folder.
// Asking again for an unchanged file's report hands back the existing one and says so; a batch
// counts the reports already issued. Screenshots 4x-*.png are looked at by a person.
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOSTS } from '../../playwright.config';
import { asDesktop, login, PASSWORD, shot, settle, nav, logout, openDemo } from './support';
import { execFileSync } from 'node:child_process';

test.describe.configure({ mode: 'serial' });
const url = `http://127.0.0.1:${HOSTS.reports}/`;
/** Files the tests hand to each other: the downloaded reports, the scan, the tampered copy. */
const dir = mkdtempSync(join(tmpdir(), 'educredit-e2e-reports-'));
const UNCONFIRMED = join(dir, 'unconfirmed.pdf');
const CONFIRMED = join(dir, 'confirmed.pdf');
const FINGERPRINT = /^签名密钥指纹：[0-9a-f]{4}( [0-9a-f]{4}){7}$/;
/** The batch folder, written by the first batch and again by the re-runs. */
const BATCH = join(dir, '批量');

/** Close notifications and let a modal finish fading in, so the picture shows what a person reads. */
async function pickTeacher(page: Page, staffNo: string): Promise<void> {
  const input = page.getByTestId('reports-teacher').getByTestId('pick-teacher');
  await input.click();
  await input.fill(staffNo);
  await page.getByRole('option', { name: new RegExp(staffNo) }).first().click();
}

async function save(download: Promise<Download>, path: string): Promise<void> {
  const d = await download;
  expect(d.suggestedFilename()).toMatch(/^信用报告-.+\.pdf$/);
  await d.saveAs(path);
  expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
}

/** Drops a file on the verification zone the way a file manager does: a real drop event. */
async function dropFile(page: Page, zone: Locator, path: string, name: string): Promise<void> {
  const bytes = [...readFileSync(path)];
  const transfer = await page.evaluateHandle(
    ({ data, fileName }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], fileName, { type: 'application/pdf' }));
      return dt;
    },
    { data: bytes, fileName: name },
  );
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

async function verifyFile(page: Page, path: string): Promise<Locator> {
  await page.getByTestId('reports-tab-verify').click();
  await page.getByTestId('verify-drop-input').setInputFiles(path);
  return page.getByTestId('verify-result');
}

test('a demo school is made through the wizard', async ({ page }) => {
  test.setTimeout(120_000);
  await openDemo(page, url, '示范学校');
  await expect(page.getByTestId('nav-reports')).toBeVisible();
});

test('the administrator makes a report for T0001 and it verifies as unconfirmed', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'reports');
  await expect(page.getByRole('heading', { name: '信用报告' })).toBeVisible();
  await expect(page.getByText('还没有信用报告。')).toBeVisible();
  await expect(page.getByTestId('report-generate')).toBeDisabled();
  await pickTeacher(page, 'T0001');
  await page.getByTestId('report-generate').click();
  const made = page.getByTestId('report-generated');
  await expect(made).toContainText(/已生成报告 \S+（.+），等待教师签字确认。/, { timeout: 15_000 });
  const row = page.getByTestId('report-row');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-status', 'unconfirmed');
  await expect(row.getByText('未确认')).toBeVisible();
  await expect(row).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
  const download = page.waitForEvent('download');
  await page.getByTestId('report-generated-pdf').click();
  await save(download, UNCONFIRMED);
  await settle(page);
  await shot(page, '40-reports-generated');

  // The list's own button downloads the same PDF (the newest issued one).
  const again = page.waitForEvent('download');
  await row.getByTestId('report-pdf').click();
  expect((await again).suggestedFilename()).toContain('未确认');

  // Nothing changed in the file: asking again hands back the same report, and says so.
  await page.getByTestId('report-generate').click();
  await expect(made).toHaveAttribute('data-existing', 'true', { timeout: 15_000 });
  await expect(made).toContainText(/的信用档案自报告 \S+ 出具以来没有变化：这就是现有的报告（未确认），没有出具新报告。/);
  await expect(made).toContainText((await row.getAttribute('data-number')) ?? 'missing');
  await expect(row).toHaveCount(1);
  await settle(page);
  await shot(page, '40b-reports-existing');

  const result = await verifyFile(page, UNCONFIRMED);
  await expect(result).toHaveAttribute('data-status', 'unconfirmed');
  await expect(result.getByTestId('verify-status')).toHaveText('未确认');
  await expect(result.getByTestId('verify-reason')).toHaveText('文件与本机出具的报告一致，但教师尚未签字确认，不能作为信用报告使用。');
  await expect(result).toContainText(await row.getAttribute('data-number').then((n) => n ?? 'missing'));
  await settle(page);
  await shot(page, '41-verify-unconfirmed');
});

test('T0001 cannot confirm with a wrong password, then signs with a drawn signature', async ({ page }) => {
  await page.goto(url);
  await login(page, 'T0001');
  await nav(page, 'myReports');
  await expect(page.getByRole('heading', { name: '我的信用报告' })).toBeVisible();
  const row = page.getByTestId('report-row');
  await expect(row).toHaveCount(1);
  await settle(page);
  await shot(page, '42-my-reports');

  await row.getByTestId('report-confirm').click();
  const form = page.getByTestId('confirm-form');
  await expect(page.getByRole('heading', { name: '确认信用报告' })).toBeVisible();
  await expect(form.getByText('确认即表示您已阅读这份报告，认可其中的信用记录真实、完整。', { exact: false })).toBeVisible();
  await expect(form.getByTestId('confirm-grade')).toHaveText(/^[ABCD] 级 · \d+ 分$/);
  const read = page.waitForEvent('download');
  await form.getByTestId('confirm-read').click();
  expect((await read).suggestedFilename()).toMatch(/\.pdf$/);

  await form.getByTestId('confirm-password').fill('not-my-password');
  await form.getByTestId('confirm-submit').click();
  await expect(form.getByTestId('confirm-error')).toHaveText('密码不正确，没有签名。再输错 4 次，账户将被锁定 15 分钟。');
  await expect(form.getByTestId('confirm-password')).toHaveValue('');
  await settle(page);
  await shot(page, '43-confirm-wrong-password');
  // Nothing changed: the report is still waiting for the teacher.
  await page.getByTestId('confirm-back').click();
  await expect(row).toHaveAttribute('data-status', 'unconfirmed');
  await row.getByTestId('report-confirm').click();

  // A signature drawn with the mouse: two strokes across the pad.
  const pad = form.getByTestId('signature-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 40, box.y + box.height * 0.6);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(box.x + 40 + i * 14, box.y + box.height * (0.6 - 0.3 * Math.sin(i / 3)));
  await page.mouse.up();
  await page.mouse.move(box.x + 200, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 230, box.y + box.height - 30, { steps: 8 });
  await page.mouse.up();
  await expect(pad).toHaveAttribute('data-inked', 'true');
  await form.getByTestId('confirm-password').fill(PASSWORD);
  await settle(page);
  await shot(page, '44-confirm-signed');
  await form.getByTestId('confirm-submit').click();

  const done = page.getByTestId('confirm-done');
  await expect(done).toContainText('已确认', { timeout: 15_000 });
  await expect(done).toContainText('签名确认');
  await expect(done.getByTestId('confirm-fingerprint')).toHaveText(FINGERPRINT);
  const download = page.waitForEvent('download');
  await done.getByTestId('confirm-download').click();
  await save(download, CONFIRMED);
  await settle(page);
  await shot(page, '45-confirm-done');
  await done.getByTestId('confirm-close').click();
  await expect(row).toHaveAttribute('data-status', 'confirmed');
  await expect(row.getByTestId('report-confirm')).toHaveCount(0);
  await expect(row).toContainText('教师电子签名');
  await settle(page);
  await shot(page, '46-my-reports-confirmed');

  // Objections are raised in the credit file, one click away.
  await page.getByTestId('my-open-file').click();
  await expect(page.getByRole('heading', { name: '我的信用档案' })).toBeVisible();
  await logout(page);
});

test('the confirmed PDF verifies as confirmed', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'reports');
  await expect(page.getByTestId('report-row').first()).toHaveAttribute('data-status', 'confirmed');
  const result = await verifyFile(page, CONFIRMED);
  await expect(result).toHaveAttribute('data-status', 'confirmed');
  await expect(result.getByTestId('verify-status')).toHaveText('已确认');
  await expect(result.getByTestId('verify-reason')).toHaveText('文件与本机出具的已确认报告一致，教师签名有效。');
  await expect(result).toContainText('教师电子签名');
  await expect(result).toContainText(/[0-9a-f]{64}/);
  await settle(page);
  await shot(page, '47-verify-confirmed');

  // The copy downloaded before the signature: unconfirmed itself, and it says where the confirmed one is.
  const before = await verifyFile(page, UNCONFIRMED);
  await expect(before).toHaveAttribute('data-status', 'unconfirmed');
  await expect(before.getByTestId('verify-reason')).toContainText('这是教师签字确认之前的版本，本身未经确认。该报告已于');
  await expect(before).toContainText('已确认的版本');
  await settle(page);
  await shot(page, '47b-verify-before-signature');

  // Someone else's PDF is not an EduCredit report, rather than a tampered one.
  const foreign = join(dir, 'other.pdf');
  writeFileSync(foreign, '%PDF-1.4\n% a PDF from elsewhere\n%%EOF\n');
  const other = await verifyFile(page, foreign);
  await expect(other).toHaveAttribute('data-status', 'foreign');
  await expect(other.getByTestId('verify-status')).toHaveText('不是教体信用报告');
  await settle(page);
  await shot(page, '47c-verify-foreign');
});

test('the administrator records a paper confirmation with a scan', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'reports');
  await pickTeacher(page, 'T0002');
  await expect(page.getByText('没有符合条件的报告。')).toBeVisible();
  await page.getByTestId('report-generate').click();
  await expect(page.getByTestId('report-generated')).toBeVisible({ timeout: 15_000 });
  const row = page.getByTestId('report-row');
  await expect(row).toHaveCount(1);
  await row.getByTestId('report-paper').click();
  const dialog = page.getByRole('dialog', { name: '记录纸质确认' });
  const scan = join(dir, '签字页.pdf');
  writeFileSync(scan, '%PDF-1.4\n%%EOF\n');
  await dialog.locator('input[type="file"]').setInputFiles(scan);
  await expect(dialog.getByText('签字页.pdf · 15 B')).toBeVisible();
  await settle(page);
  await shot(page, '48-paper-confirm');
  await dialog.getByTestId('paper-submit').click();
  await expect(page.getByText(/已记录纸质确认：报告 \S+ 已确认。/)).toBeVisible({ timeout: 15_000 });
  await expect(row).toHaveAttribute('data-status', 'confirmed');
  await expect(row).toContainText('纸质签字');
  await expect(row.getByTestId('report-paper')).toHaveCount(0);

  // Both reports in the whole list, each with its own kind of confirmation.
  await page.getByTestId('reports-teacher').locator('.mantine-InputClearButton-root').click();
  await expect(page.getByTestId('report-row')).toHaveCount(2);
  await settle(page);
  await shot(page, '49-reports-list');
});

test('a PDF with one byte changed verifies as tampered', async ({ page }) => {
  const bytes = readFileSync(UNCONFIRMED);
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  const tampered = join(dir, 'tampered.pdf');
  writeFileSync(tampered, bytes);
  await page.goto(url);
  await login(page, 'admin');
  await nav(page, 'reports');
  await page.getByTestId('reports-tab-verify').click();
  await dropFile(page, page.getByTestId('verify-drop'), tampered, '改过一个字节.pdf');
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-status', 'tampered');
  await expect(result.getByTestId('verify-status')).toHaveText('篡改');
  await expect(result).toContainText('改过一个字节.pdf');
  await settle(page);
  await shot(page, '4a-verify-tampered');
});

test('in the desktop app a batch writes one PDF per active teacher into the folder chosen, the two confirmed ones as they are', async ({ page }) => {
  const folder = BATCH;
  await asDesktop(page, [folder]);
  await page.goto(url);
  await login(page, 'clerk');
  await nav(page, 'reports');
  await page.getByTestId('reports-tab-batch').click();
  // Without a folder there is nothing to start; the system's dialog gives one.
  await expect(page.getByTestId('batch-start')).toBeDisabled();
  await page.getByTestId('batch-folder-pick').click();
  await expect(page.getByTestId('batch-folder')).toHaveValue(folder);
  await page.getByTestId('batch-start').click();
  await expect(page.getByTestId('batch-progress')).toContainText(/已生成 \d+ \/ 1\d\d 份/);
  await shot(page, '4b-batch-progress');
  const result = page.getByTestId('batch-result');
  await expect(result).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  const made = Number((await result.textContent())?.match(/已完成：(\d+) 份/)?.[1]);
  expect(made).toBeGreaterThan(100);
  expect(readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(made);
  // T0001 and T0002 confirmed their reports and nothing changed since: those are saved, not made again.
  await expect(result).toHaveAttribute('data-existing', '2');
  await expect(result.getByTestId('batch-existing')).toHaveText('其中 2 份此前已出具且内容未变，保存的是原报告（教师已确认的为确认版），没有出具新报告。');
  await settle(page);
  await shot(page, '4c-batch-done');

  // Run again: every report is already issued, none is made.
  await page.getByTestId('batch-start').click();
  await expect(result).toHaveAttribute('data-existing', String(made), { timeout: 45_000 });
  await expect(result).toHaveAttribute('data-phase', 'done');
  await expect(result.getByTestId('batch-existing')).toContainText(`其中 ${made} 份此前已出具`);
  expect(readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(made);
  await settle(page);
  await shot(page, '4c2-batch-rerun');
});

test('in the web host a running batch shows its progress, is cancelled, and the reports made download as one zip', async ({ page }) => {
  await page.goto(url);
  await login(page, 'clerk');
  await nav(page, 'reports');
  await page.getByTestId('reports-tab-batch').click();
  // No folder to type: the reports come as a download.
  await expect(page.getByTestId('batch-folder')).toHaveCount(0);
  await expect(page.getByText('生成后，全部报告打包成一个 zip 文件下载。')).toBeVisible();
  // Last year's reports are not issued yet, so there is time to cancel while they are made.
  await page.getByTestId('batch-year').fill(String(new Date().getFullYear() - 1));
  await page.getByTestId('batch-start').click();
  await expect(page.getByTestId('batch-progress')).toContainText(/已生成 [1-9]\d* \/ 1\d\d 份/, { timeout: 15_000 });
  await page.getByTestId('batch-cancel').click();
  const result = page.getByTestId('batch-result');
  await expect(result).toHaveAttribute('data-phase', 'cancelled', { timeout: 15_000 });
  const made = Number((await result.textContent())?.match(/已生成的 (\d+) 份/)?.[1]);
  expect(made).toBeGreaterThan(0);
  const download = page.waitForEvent('download');
  await page.getByTestId('batch-zip').click();
  const zip = join(dir, 'batch.zip');
  await (await download).saveAs(zip);
  expect((await download).suggestedFilename()).toBe(`教师信用报告-${new Date().getFullYear() - 1}-${made}份.zip`);
  const listed = execFileSync('python3', ['-c', 'import sys, zipfile; print(len([n for n in zipfile.ZipFile(sys.argv[1]).namelist() if n.endswith(".pdf")]))', zip], { encoding: 'utf8' });
  expect(Number(listed)).toBe(made);
  await settle(page);
  await shot(page, '4c3-batch-cancelled-zip');
});

test('the report screens in English', async ({ page }) => {
  await page.goto(url);
  await login(page, 'admin');
  await page.getByRole('button', { name: 'English' }).click();
  await nav(page, 'reports');
  await expect(page.getByRole('heading', { name: 'Credit reports' })).toBeVisible();
  await expect(page.getByTestId('report-row').first()).toBeVisible();
  // After the batch the list is long: the two confirmed reports make a picture a person can read.
  await page.getByTestId('reports-status').click();
  await page.getByRole('option', { name: 'Confirmed', exact: true }).click();
  await expect(page.getByTestId('report-row')).toHaveCount(2);
  await settle(page);
  await shot(page, '4d-reports-en');
  await page.getByTestId('reports-tab-verify').click();
  await page.getByTestId('verify-drop-input').setInputFiles(CONFIRMED);
  await expect(page.getByTestId('verify-status')).toHaveText('Confirmed');
  await expect(page.getByTestId('verify-reason')).toContainText('the teacher\'s signature is valid');
  await settle(page);
  await shot(page, '4e-verify-en');

  await page.getByTestId('reports-tab-list').click();
  await pickTeacher(page, 'T0001');
  await page.getByTestId('report-generate').click();
  const made = page.getByTestId('report-generated');
  await expect(made).toHaveAttribute('data-existing', 'true', { timeout: 15_000 });
  await expect(made).toContainText(/has not changed since report \S+ was issued: this is the existing report \(Confirmed\); no new report was made\./);
  await settle(page);
  await shot(page, '4f-reports-existing-en');

  await page.getByTestId('reports-tab-batch').click();
  await page.getByTestId('batch-start').click();
  const result = page.getByTestId('batch-result');
  await expect(result).toHaveAttribute('data-phase', 'done', { timeout: 45_000 });
  await expect(result.getByTestId('batch-existing')).toContainText(/^Of these, \d+ had already been issued with the same content/);
  await settle(page);
  await shot(page, '4g-batch-existing-en');
  await page.getByRole('button', { name: '中文' }).click();
});
