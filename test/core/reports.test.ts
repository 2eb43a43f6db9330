// Teacher credit reports on a real demo school: the PDF read back with poppler and qpdf, the
// teacher's signature (never with a password an administrator set), the paper path, supersession,
// verification catching any change, one report per content however often it is asked for, and no
// evidence file left behind by a write that never committed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { Session } from '../../electron/core/auth/sessions';
import { getEvidence, putEvidence } from '../../electron/core/evidence/store';
import { confirmBySignature } from '../../electron/core/reports/service';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import { addAccount, call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { verificationReason } from '../../shared/api/reportMessages';

let inst: Installation;
let cleanup: () => void;
let admin: string;
let teacher: string;
const out = mkdtempSync(join(tmpdir(), 'educredit-reports-'));

async function okAsync<R extends RouteName>(route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const r = await dispatchAsync(inst, { route, input, session });
  if (!r.ok) throw new Error(`${route}: ${JSON.stringify(r.error)}`);
  return r.value as RouteOutput<R>;
}

async function errAsync<R extends RouteName>(route: R, input: RouteInput<R>, session: string): Promise<string | null> {
  const r = await dispatchAsync(inst, { route, input, session });
  return r.ok ? null : r.error.code;
}

function save(name: string, b64: string): string {
  const path = join(out, name);
  writeFileSync(path, Buffer.from(b64, 'base64'));
  return path;
}

function verify(b64: string, session = admin): RouteOutput<'reports.verify'> {
  return ok(inst, 'reports.verify', { fileName: 'r.pdf', dataBase64: b64 }, session);
}

/** The core's own session object behind a token, to call a core function without the dispatcher. */
function sessionOf(token: string): Session {
  const s = inst.sessions.touch(token, inst.clock.now().getTime());
  if (!s) throw new Error('no such session');
  return s;
}

/** What the evidence store holds on disk: the encrypted files and the markers of unfinished writes. */
function evidenceOnDisk(): { files: string[]; markers: string[] } {
  const root = join(inst.dataDir, 'evidence');
  const files = readdirSync(root)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(root, d)));
  const markers = existsSync(join(root, 'pending')) ? readdirSync(join(root, 'pending')) : [];
  return { files, markers };
}

function referencedFiles(): Set<string> {
  const rows = inst.open().raw.prepare('SELECT sha256 FROM evidence_files UNION SELECT sha256 FROM report_files').all() as { sha256: string }[];
  return new Set(rows.map((r) => r.sha256));
}

/** A process killed after writing a file and before its row committed: the same state, by a rollback. */
function writeThatNeverCommits(content: Buffer): string {
  let sha256 = '';
  expect(() =>
    inst.write(
      () => ({ actor: 'admin', route: 'records.create', subject: 'teacher:1', diff: null }),
      () => {
        sha256 = putEvidence(inst, 'killed.pdf', content.toString('base64')).sha256;
        throw new Error('killed before commit');
      },
    ),
  ).toThrow('killed before commit');
  return sha256;
}

async function countRows(teacherId: number): Promise<number> {
  return ok(inst, 'reports.list', { teacherId }, admin).length;
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
  admin = login(inst, 'admin');
  teacher = login(inst, 'T0001');
});
afterAll(() => {
  cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('a report', () => {
  it('is a real A4 PDF with the Chinese name, the number, a subset font and the QR code', async () => {
    const { report, pdf } = await okAsync('reports.generate', { teacherId: 1 }, admin);
    expect(report).toMatchObject({ teacherId: 1, status: 'unconfirmed', number: expect.stringMatching(/^12410481MA\w+-2026-0001$/) });
    const path = save('unconfirmed.pdf', pdf.dataBase64);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    const name = ok(inst, 'teachers.get', { id: 1 }, admin).name;
    expect(text).toContain(name);
    expect(text).toContain(report.number);
    expect(text).toContain('未确认');
    // A report is the school's document in Chinese: no English subtitle or watermark.
    expect(text).not.toMatch(/UNCONFIRMED|Credit Report/i);
    expect(text).toMatch(/第\s*1\s*页\s*共\s*\d+\s*页/);
    const idNumber = ok(inst, 'teachers.get', { id: 1 }, admin).idNumber;
    expect(text).not.toContain(idNumber);
    expect(text).toContain(`**************${idNumber.slice(-4)}`);
    execFileSync('qpdf', ['--check', path]);
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(Buffer.from(pdf.dataBase64, 'base64').length).toBeLessThan(300 * 1024);
    execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '1', path, join(out, 'page')]);
  });

  it('verifies as unconfirmed, and as tampered after a one-byte edit anywhere', () => {
    const pdf = ok(inst, 'reports.pdf', { reportId: 1 }, admin);
    expect(verify(pdf.dataBase64)).toMatchObject({ status: 'unconfirmed', number: expect.any(String) });
    const bytes = Buffer.from(pdf.dataBase64, 'base64');
    for (const at of [100, Math.floor(bytes.length / 2), bytes.length - 10]) {
      const edited = Buffer.from(bytes);
      edited[at] = edited[at]! ^ 0x01;
      expect(verify(edited.toString('base64')).status, `byte ${at}`).toBe('tampered');
    }
    // A PDF of someone else's, or no PDF at all, is not ours: not a tampered report.
    expect(verify(Buffer.from('%PDF-1.4 not ours').toString('base64'))).toMatchObject({ status: 'foreign', reason: 'notEduCredit', number: null });
    expect(verify(Buffer.from('just some text').toString('base64'))).toMatchObject({ status: 'foreign', reason: 'notEduCredit' });
  });
});

describe('the teacher’s confirmation', () => {
  it('cannot be signed with a wrong password, nor by another teacher', async () => {
    expect(await errAsync('reports.confirm', { reportId: 1, password: 'wrong-password' }, teacher)).toBe('WRONG_PASSWORD');
    const other = await okAsync('reports.generate', { teacherId: 2 }, admin);
    expect(await errAsync('reports.confirm', { reportId: other.report.id, password: PASSWORD }, teacher)).toBe('FORBIDDEN');
    expect(call(inst, 'reports.pdf', { reportId: other.report.id }, teacher)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(inst, 'reports.list', {}, teacher).every((r) => r.teacherId === 1)).toBe(true);
  });

  it('counts wrong passwords toward the lockout, as a login does, so an open session cannot guess', async () => {
    addAccount(inst, admin, { username: 'guess.me', displayName: '被猜密码的教师', role: 'teacher', teacherId: 6 });
    const session = login(inst, 'guess.me');
    const { report } = await okAsync('reports.generate', { teacherId: 6 }, admin);
    const tries: unknown[] = [];
    for (let i = 0; i < 5; i += 1) {
      const r = await dispatchAsync(inst, { route: 'reports.confirm', input: { reportId: report.id, password: `guess-${i}-xyz` }, session });
      tries.push(r.ok ? 'signed' : r.error);
    }
    expect(tries.slice(0, 4)).toEqual([4, 3, 2, 1].map((left) => ({ code: 'WRONG_PASSWORD', params: { left } })));
    expect(tries[4]).toMatchObject({ code: 'LOCKED_OUT' });
    // Locked means locked: the right password neither signs nor logs in for now.
    expect(await errAsync('reports.confirm', { reportId: report.id, password: PASSWORD }, session)).toBe('LOCKED_OUT');
    expect(call(inst, 'auth.login', { username: 'guess.me', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT' } });
  });

  it('signs the snapshot hash: the confirmed PDF shows signer and fingerprint and verifies', async () => {
    const before = ok(inst, 'reports.pdf', { reportId: 1 }, admin);
    const { report, pdf } = await okAsync('reports.confirm', { reportId: 1, password: PASSWORD }, teacher);
    expect(report).toMatchObject({ status: 'confirmed', confirmation: { kind: 'signature', keyFingerprint: expect.stringMatching(/^([0-9a-f]{4} ){7}[0-9a-f]{4}$/) } });
    const path = save('confirmed.pdf', pdf.dataBase64);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain('教师已在系统中签名确认');
    expect(text).toContain(report.confirmation!.keyFingerprint!);
    expect(text).not.toContain('UNCONFIRMED');
    expect(verify(pdf.dataBase64)).toMatchObject({ status: 'confirmed', confirmation: { kind: 'signature' } });
    // The copy from before the signature stays unconfirmed and says where the confirmed one is.
    const old = verify(before.dataBase64);
    expect(old).toMatchObject({ status: 'unconfirmed', reason: 'signedVersionExists', confirmation: { signer: report.teacherName } });
    expect(verificationReason(old, 'zh-CN')).toMatch(new RegExp(`^这是教师签字确认之前的版本，本身未经确认。该报告已于 \\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2} 由 ${report.teacherName} 确认`));
    expect(verificationReason(old, 'en')).toContain('the version from before the teacher signed');
    expect(await errAsync('reports.confirm', { reportId: 1, password: PASSWORD }, teacher)).toBe('REPORT_NOT_CONFIRMABLE');
  });

  it('is superseded by a later change to the file; old signatures still verify after a password reset', async () => {
    const confirmed = ok(inst, 'reports.pdf', { reportId: 1 }, admin);
    const item = ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === 'T-P05')!.id;
    ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: item, occurredOn: '2026-11-20', description: '新的表扬' }, admin);
    expect(verify(confirmed.dataBase64)).toMatchObject({ status: 'superseded', reason: 'fileChangedSince' });
    expect(ok(inst, 'reports.list', { teacherId: 1 }, admin)[0]).toMatchObject({ id: 1, status: 'superseded' });
    const userId = ok(inst, 'users.list', {}, admin).find((u) => u.username === 'T0001')!.id;
    ok(inst, 'users.resetPassword', { userId, newPassword: 'reset-pass-99' }, admin);
    const again = login(inst, 'T0001', 'reset-pass-99');
    const next = await okAsync('reports.generate', { teacherId: 1 }, admin);
    // The core itself refuses to sign with the administrator's password, whoever calls it.
    await expect(Promise.resolve().then(() => confirmBySignature(inst, sessionOf(again), next.report.id, 'reset-pass-99', undefined))).rejects.toMatchObject({ code: 'MUST_CHANGE_PASSWORD' });
    ok(inst, 'auth.changePassword', { oldPassword: 'reset-pass-99', newPassword: 'own-pass-2026' }, again);
    const signed = await okAsync('reports.confirm', { reportId: next.report.id, password: 'own-pass-2026' }, again);
    expect(signed.report.confirmation!.keyFingerprint).not.toBe(ok(inst, 'reports.list', { teacherId: 1 }, admin).find((r) => r.id === 1)!.confirmation!.keyFingerprint);
    expect(verify(signed.pdf.dataBase64).status).toBe('confirmed');
    expect(verify(confirmed.dataBase64).status).toBe('superseded');
  });
});

describe('a password an administrator set', () => {
  it('cannot confirm a report in the core until the teacher has chosen their own', async () => {
    const staffNo = ok(inst, 'teachers.get', { id: 7 }, admin).staffNo;
    ok(inst, 'users.create', { username: staffNo, displayName: `教师 ${staffNo}`, role: 'teacher', password: 'initial-pass-7', teacherId: 7 }, admin);
    const first = login(inst, staffNo, 'initial-pass-7');
    const { report } = await okAsync('reports.generate', { teacherId: 7 }, admin);
    await expect(Promise.resolve().then(() => confirmBySignature(inst, sessionOf(first), report.id, 'initial-pass-7', undefined))).rejects.toMatchObject({ code: 'MUST_CHANGE_PASSWORD' });
    expect(ok(inst, 'reports.list', { teacherId: 7 }, admin)).toMatchObject([{ id: report.id, status: 'unconfirmed', confirmation: null }]);
    expect(inst.open().raw.prepare('SELECT count(*) AS n FROM confirmations WHERE report_id = ?').get(report.id)).toEqual({ n: 0 });

    ok(inst, 'auth.changePassword', { oldPassword: 'initial-pass-7', newPassword: 'my-own-pass-7' }, first);
    const done = await confirmBySignature(inst, sessionOf(first), report.id, 'my-own-pass-7', undefined);
    expect(done.report).toMatchObject({ status: 'confirmed', confirmation: { kind: 'signature' } });
    expect(verify(done.pdf.toString('base64')).status).toBe('confirmed');
  });
});

describe('asking for a report again', () => {
  it('hands back the same report and PDF while the file is unchanged, and says so, the next day too', async () => {
    const first = await okAsync('reports.generate', { teacherId: 10 }, admin);
    expect(first.existing).toBe(false);
    const second = await okAsync('reports.generate', { teacherId: 10 }, admin);
    expect(second).toMatchObject({ existing: true, report: { id: first.report.id, number: first.report.number, status: 'unconfirmed' } });
    expect(second.pdf.dataBase64).toBe(first.pdf.dataBase64);
    const clock = inst.clock as TestClock;
    clock.advance(24 * 60);
    try {
      // A day idle would end the morning's session: a new one, so the old one stays untouched.
      const nextDay = login(inst, 'admin');
      expect(await okAsync('reports.generate', { teacherId: 10 }, nextDay)).toMatchObject({ existing: true, report: { id: first.report.id } });
    } finally {
      clock.advance(-24 * 60);
    }
    expect(await countRows(10)).toBe(1);
    const made = ok(inst, 'audit.list', { subject: 'teacher:10' }, admin).entries.filter((e) => e.route === 'reports.generate');
    expect(made).toHaveLength(1);
  });

  it('hands back the confirmed report with its confirmed PDF, and a new one once the file changed', async () => {
    const confirmed = ok(inst, 'reports.list', { teacherId: 1 }, admin).find((r) => r.status === 'confirmed')!;
    const again = await okAsync('reports.generate', { teacherId: 1 }, admin);
    expect(again).toMatchObject({ existing: true, report: { id: confirmed.id, status: 'confirmed' } });
    expect(again.pdf.fileName).toContain('已确认');
    expect(verify(again.pdf.dataBase64)).toMatchObject({ status: 'confirmed', number: confirmed.number });
    const before = await countRows(1);

    const item = ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === 'T-P05')!.id;
    ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: item, occurredOn: '2026-11-21', description: '又一次表扬' }, admin);
    const fresh = await okAsync('reports.generate', { teacherId: 1 }, admin);
    expect(fresh).toMatchObject({ existing: false, report: { status: 'unconfirmed' } });
    expect(fresh.report.number).not.toBe(confirmed.number);
    expect(await countRows(1)).toBe(before + 1);
  });
});

describe('a drawn signature', () => {
  it('is drawn into the confirmed PDF as an image', async () => {
    const { report, existing } = await okAsync('reports.generate', { teacherId: 1 }, admin);
    expect(existing).toBe(true);
    const again = login(inst, 'T0001', 'own-pass-2026');
    // A 1×1 black PNG: enough for the PDF to carry an image.
    const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
    const { pdf } = await okAsync('reports.confirm', { reportId: report.id, password: 'own-pass-2026', handwriting: png }, again);
    const images = execFileSync('pdfimages', ['-list', save('drawn.pdf', pdf.dataBase64)], { encoding: 'utf8' });
    expect(images.trim().split('\n').length).toBeGreaterThan(2);
    expect(verify(pdf.dataBase64).status).toBe('confirmed');
  });
});

describe('the paper path', () => {
  it('records a wet-ink confirmation with the scan attached', async () => {
    const { report } = await okAsync('reports.generate', { teacherId: 3 }, admin);
    const scan = { fileName: '签字页.pdf', dataBase64: Buffer.from('%PDF-1.4\n% scan of the signed page\n%%EOF').toString('base64') };
    const clerk = login(inst, 'clerk');
    expect(await errAsync('reports.confirmPaper', { reportId: report.id, scan }, clerk)).toBe('FORBIDDEN');
    const done = await okAsync('reports.confirmPaper', { reportId: report.id, scan }, admin);
    expect(done.report).toMatchObject({ status: 'confirmed', confirmation: { kind: 'paper', keyFingerprint: null } });
    const text = execFileSync('pdftotext', [save('paper.pdf', done.pdf.dataBase64), '-'], { encoding: 'utf8' });
    expect(text).toContain('纸质报告上签字确认');
    expect(verify(done.pdf.dataBase64)).toMatchObject({ status: 'confirmed', confirmation: { kind: 'paper' } });
    const trail = ok(inst, 'audit.list', { subject: 'teacher:3' }, admin).entries.map((e) => e.route);
    expect(trail).toEqual(expect.arrayContaining(['reports.generate', 'reports.confirmPaper']));
  });
});

describe('a batch', () => {
  it('writes one PDF per teacher into a folder, reports progress, and stops when cancelled', async () => {
    const folder = join(out, 'batch');
    const started = await okAsync('reports.batchStart', { folder, teacherIds: [4, 5, 6] }, admin);
    expect(started).toMatchObject({ total: 3, phase: 'running', year: 2026 });
    for (let i = 0; i < 200 && ok(inst, 'reports.batchProgress', { jobId: started.jobId }, admin).phase === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ok(inst, 'reports.batchProgress', { jobId: started.jobId }, admin)).toMatchObject({ phase: 'done', done: 3 });
    const files = readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(3);
    for (const f of files) expect(verify(readFileSync(join(folder, f)).toString('base64')).status).toBe('unconfirmed');

    const second = await okAsync('reports.batchStart', { folder: join(out, 'batch2'), year: 2025 }, admin);
    expect(second.total).toBeGreaterThan(100);
    ok(inst, 'reports.batchCancel', { jobId: second.jobId }, admin);
    for (let i = 0; i < 200 && ok(inst, 'reports.batchProgress', { jobId: second.jobId }, admin).phase === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    const cancelled = ok(inst, 'reports.batchProgress', { jobId: second.jobId }, admin);
    expect(cancelled.phase).toBe('cancelled');
    expect(cancelled.done).toBeLessThan(cancelled.total);
    expect(readdirSync(join(out, 'batch2'))).toHaveLength(cancelled.done);
    expect(call(inst, 'reports.batchProgress', { jobId: second.jobId }, login(inst, 'clerk'))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('run again writes the reports already issued, the confirmed PDF for a confirmed teacher, and makes none', async () => {
    const folder = join(out, 'batch');
    const rows = ok(inst, 'reports.list', {}, admin).length;
    const started = await okAsync('reports.batchStart', { folder, teacherIds: [3, 4, 5, 6] }, admin);
    for (let i = 0; i < 200 && ok(inst, 'reports.batchProgress', { jobId: started.jobId }, admin).phase === 'running'; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ok(inst, 'reports.batchProgress', { jobId: started.jobId }, admin)).toMatchObject({ phase: 'done', done: 4, existing: 4 });
    expect(ok(inst, 'reports.list', {}, admin)).toHaveLength(rows);
    const files = readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    expect(files).toHaveLength(4);
    const statuses = files.map((f) => verify(readFileSync(join(folder, f)).toString('base64')));
    const paper = ok(inst, 'reports.list', { teacherId: 3 }, admin)[0]!;
    expect(statuses.find((v) => v.number === paper.number)).toMatchObject({ status: 'confirmed', confirmation: { kind: 'paper' } });
    expect(statuses.filter((v) => v.status === 'unconfirmed')).toHaveLength(3);
  });
});

describe('an evidence file whose write never committed', () => {
  it('is removed when the next report is made; every file left is one a committed row names', async () => {
    const orphan = writeThatNeverCommits(Buffer.from('%PDF-1.4\n% a report PDF whose row never committed\n%%EOF'));
    expect(evidenceOnDisk().files).toContain(orphan);
    expect(referencedFiles().has(orphan)).toBe(false);

    await okAsync('reports.generate', { teacherId: 11 }, admin);
    const after = evidenceOnDisk();
    expect(after.files).not.toContain(orphan);
    expect(after.markers).toEqual([]);
    const referenced = referencedFiles();
    expect(after.files.filter((f) => !referenced.has(f))).toEqual([]);
  });

  it('is kept when a later write of the same content committed', async () => {
    const content = Buffer.from('%PDF-1.4\n% evidence first written by a write that was killed\n%%EOF');
    const sha256 = writeThatNeverCommits(content);
    const item = ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === 'T-P05')!.id;
    ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 12, itemId: item, occurredOn: '2026-11-22', description: '附证明材料的表扬', evidence: [{ fileName: '证明.pdf', dataBase64: content.toString('base64') }] }, admin);

    await okAsync('reports.generate', { teacherId: 12 }, admin);
    expect(evidenceOnDisk()).toMatchObject({ markers: [] });
    expect(getEvidence(inst, sha256).equals(content)).toBe(true);
  });
});

describe('a report with the longest values every field allows', () => {
  const longest = tempDir();
  let big: Installation;
  let bigAdmin: string;
  const ORG = `舞钢市第${'实验'.repeat(47)}小学`;
  const BUREAU = `舞钢市${'教育体育'.repeat(24)}局`;
  const RECORDS = 9;
  const ALLEGATION = '被撤销的指控原文标记';
  let path = '';
  let report: RouteOutput<'reports.generate'>['report'];
  let recordIds: number[] = [];

  beforeAll(async () => {
    big = new Installation(longest.dir, new TestClock());
    ok(big, 'setup.init', { mode: 'school', orgName: ORG, uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '管'.repeat(50), password: PASSWORD } });
    bigAdmin = login(big, 'admin');
    ok(big, 'settings.update', { bureauName: BUREAU }, bigAdmin);
    const teacher = ok(big, 'teachers.create', { name: '欧阳'.repeat(15), gender: 'female', idNumber: makeIdNumber('410481', '19850612', '024'), staffNo: 'S'.repeat(30), subject: '语'.repeat(30), title: '职'.repeat(30), hireDate: '2008-09-01' }, bigAdmin);
    // The item with the longest name; it needs evidence, as most teacher items do.
    const item = ok(big, 'catalogue.current', {}, bigAdmin).items.find((i) => i.code === 'T-V01')!;
    const evidence = [{ fileName: '证明材料.pdf', dataBase64: Buffer.from('%PDF-1.4\n% evidence\n%%EOF').toString('base64') }];
    // Every description is as long as the form allows and ends in its own marker.
    for (let i = 0; i < RECORDS; i += 1) {
      const tail = `尾标${String(i).padStart(2, '0')}`;
      const description = `${i === 0 ? ALLEGATION : ''}${'课堂教学记录说明文字'.repeat(100)}`.slice(0, 1000 - tail.length) + tail;
      expect(description).toHaveLength(1000);
      recordIds.push(ok(big, 'records.create', { subjectKind: 'teacher', subjectId: teacher.id, itemId: item.id, occurredOn: `2026-0${1 + (i % 9)}-1${i % 9}`, description, evidence }, bigAdmin).id);
    }
    ok(big, 'records.revoke', { recordId: recordIds[0]!, reason: '经核实该记录不属实，予以撤销' }, bigAdmin);
    const r = await dispatchAsync(big, { route: 'reports.generate', input: { teacherId: teacher.id }, session: bigAdmin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const value = r.value as RouteOutput<'reports.generate'>;
    report = value.report;
    path = join(out, 'longest.pdf');
    writeFileSync(path, Buffer.from(value.pdf.dataBase64, 'base64'));
  });
  afterAll(() => {
    big.close();
    longest.cleanup();
  });

  /**
   * The text with white space and the watermark's characters taken out of it and of what it is
   * searched for: pdftotext reads the diagonal watermark in among the lines it crosses.
   */
  const norm = (s: string): string => s.replace(/\s+|[未确认UNCOFIRMED]/g, '');

  it('holds every record of the snapshot, each row whole even where it breaks across pages', () => {
    const flat = norm(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    const has = (what: string, label?: string): void => expect(flat, label).toContain(norm(what));
    // The numbers in the table's first column (left margin 48 pt, column 30 pt wide), on every page.
    const bbox = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
    const numbers = [...bbox.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(\d+)<\/word>/g)]
      .filter((m) => Number(m[1]) >= 48 && Number(m[2]) <= 82)
      .map((m) => Number(m[3]));
    expect(numbers.sort((a, b) => a - b)).toEqual([...recordIds].sort((a, b) => a - b));
    for (const [i, id] of recordIds.entries()) if (i > 0) has(`尾标${String(i).padStart(2, '0')}`, `record ${id}'s description`);
    for (const value of [ORG, BUREAU, '欧阳'.repeat(15), 'S'.repeat(30), '语'.repeat(30), '职'.repeat(30), '出具单位（盖章）']) has(value);
    expect(Number(/共(\d+)页/.exec(flat)![1])).toBeGreaterThan(2);
    execFileSync('qpdf', ['--check', path]);
  });

  it('says that a revoked record was revoked and does not repeat what it alleged, in the text or the embedded data', () => {
    // A record's 说明 is the paragraph under its line of fields, before the next record's line.
    const lines = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => norm(l) !== '');
    const recordLine = /^\s*(\d+)\s+\d{4}年\d{1,2}月\d{1,2}日\s/;
    const revoked = lines.findIndex((l) => recordLine.exec(l)?.[1] === String(recordIds[0]));
    expect(revoked).toBeGreaterThan(0);
    expect(lines[revoked]).toMatch(/已撤销\s+0\s*$/);
    const next = lines.findIndex((l, i) => i > revoked && recordLine.test(l));
    const block = lines.slice(revoked + 1, next < 0 ? undefined : next);
    expect(norm(block.join(''))).toContain(norm('该记录已撤销，原记录内容不再作为信用信息使用。'));
    const everything = norm(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }));
    expect(everything).not.toContain(norm(ALLEGATION));
    const info = execFileSync('pdfinfo', ['-custom', path], { encoding: 'utf8' });
    const embedded = JSON.parse(Buffer.from(/EduCreditSnapshot:\s*(\S+)/.exec(info)![1]!, 'base64').toString('utf8')) as { format: number; records: { id: number; status: string; description: string }[] };
    expect(embedded.format).toBe(2);
    expect(embedded.records.find((r) => r.id === recordIds[0])).toMatchObject({ status: 'revoked', description: '' });
    expect(JSON.stringify(embedded)).not.toContain(ALLEGATION);
  });

  it('has a QR code that decodes from the first page rendered at 150 dpi', () => {
    const png = join(out, 'longest-150');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, png]);
    const decoded = execFileSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' }).trim();
    expect(decoded).toBe(`EDUCREDIT:${report.number}:${report.snapshotHash.slice(0, 16).toUpperCase()}`);
  });
});

describe('a report of long descriptions', () => {
  it('prints seven records of 1,000 characters on at most three pages, each description across the page', async () => {
    const t = ok(inst, 'teachers.create', { name: '廖亮斌', gender: 'male', idNumber: makeIdNumber('410481', '19820304', '013'), staffNo: 'T9702', subject: '语文', title: '一级教师', hireDate: '2006-09-01' }, admin);
    const item = ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === 'T-P05')!.id;
    for (let i = 0; i < 7; i += 1) {
      const tail = `尾标${i}`;
      const description = '课堂教学记录说明文字'.repeat(100).slice(0, 1000 - tail.length) + tail;
      ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: t.id, itemId: item, occurredOn: `2026-0${i + 1}-15`, description }, admin);
    }
    const { pdf } = await okAsync('reports.generate', { teacherId: t.id }, admin);
    const path = save('seven-long.pdf', pdf.dataBase64);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))![1]);
    expect(pages).toBeLessThanOrEqual(3);
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    for (let i = 0; i < 7; i += 1) expect(text).toContain(`尾标${i}`);
    // Lines of description text alone: seven paragraphs of a few dozen characters a line, not
    // a narrow column of a handful.
    const paragraphLines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '说明' && /^[课堂教学记录说明文字]+(尾标\d)?$/.test(l));
    expect(paragraphLines.length).toBeGreaterThan(7 * 10);
    expect(paragraphLines.length).toBeLessThanOrEqual(7 * 18);
    expect(Math.min(...paragraphLines.filter((l) => !l.includes('尾标')).map((l) => l.length))).toBeGreaterThanOrEqual(55);
    // The signature block is on the last page, with the table.
    expect(execFileSync('pdftotext', ['-f', String(pages), '-l', String(pages), path, '-'], { encoding: 'utf8' })).toContain('教师签字');
  });
});
