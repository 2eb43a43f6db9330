// Accounts for every teacher at once, on a real demo school: user names from staff numbers, random
// initial passwords that open only the must-change screen, one account per teacher, and the slips
// read back from the PDF with poppler, each password logging its teacher in.
import { changeLines } from '../../shared/api/auditWords';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import type { RouteInput, RouteOutput } from '../../shared/api/contract';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import { makeIdNumber } from '../../shared/domain/idNumber';

let inst: Installation;
let cleanup: () => void;
let admin: string;
const out = mkdtempSync(join(tmpdir(), 'educredit-slips-'));

async function create(input: RouteInput<'users.createForTeachers'>, session = admin): Promise<RouteOutput<'users.createForTeachers'>> {
  const r = await dispatchAsync(inst, { route: 'users.createForTeachers', input, session });
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value as RouteOutput<'users.createForTeachers'>;
}

/** user name → initial password, as a person reads them off the slips (one slip's text at a time). */
function readSlips(pdfBase64: string, file: string): Map<string, string> {
  const path = join(out, file);
  writeFileSync(path, Buffer.from(pdfBase64, 'base64'));
  execFileSync('qpdf', ['--check', path]);
  // -layout keeps the two slips of a row side by side: read each half of the page on its own.
  const found = new Map<string, string>();
  for (const [x, w] of [[0, 298], [298, 298]] as const) {
    const text = execFileSync('pdftotext', ['-x', String(x), '-y', '0', '-W', String(w), '-H', '842', path, '-'], { encoding: 'utf8' });
    for (const m of text.matchAll(/用户名\s*(\S+)\s*初始密码\s*([a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4})/g)) found.set(m[1]!, m[2]!);
  }
  return found;
}

function withoutAccount(): number {
  return (inst.open().raw.prepare("SELECT count(*) AS n FROM teachers t WHERE t.status = 'active' AND NOT EXISTS (SELECT 1 FROM users u WHERE u.teacher_id = t.id)").get() as { n: number }).n;
}

beforeAll(() => {
  const t = tempDir();
  cleanup = t.cleanup;
  inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
  admin = login(inst, 'admin');
});
afterAll(() => {
  inst.close();
  cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('accounts for every teacher who has none', () => {
  let made: RouteOutput<'users.createForTeachers'>;
  let slips: Map<string, string>;

  beforeAll(async () => {
    const before = withoutAccount();
    expect(before).toBeGreaterThan(100);
    made = await create({});
    expect(made.created).toHaveLength(before);
    slips = readSlips(made.slips!.dataBase64, 'all.pdf');
  });

  it('names each account by the staff number, to be changed at the first login', () => {
    expect(withoutAccount()).toBe(0);
    const users = ok(inst, 'users.list', {}, admin);
    for (const c of made.created) {
      expect(c.username).toBe(c.staffNo);
      expect(users.find((u) => u.id === c.userId)).toMatchObject({ role: 'teacher', teacherId: c.teacherId, mustChangePassword: true, active: true, displayName: c.name });
    }
  });

  it('prints one slip per account, eight to a page, with a password that logs its teacher in to the must-change screen only', () => {
    expect([...slips.keys()].sort()).toEqual(made.created.map((c) => c.username).sort());
    expect(new Set(slips.values()).size).toBe(slips.size);
    const info = execFileSync('pdfinfo', [join(out, 'all.pdf')], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(Math.ceil(made.created.length / 8));
    const text = execFileSync('pdftotext', [join(out, 'all.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toMatch(/第 1 页 共 \d+ 页/);
    expect(text).toContain('沿虚线剪开');

    const first = made.created[0]!;
    const session = login(inst, first.username, slips.get(first.username)!);
    expect(call(inst, 'creditFile.teacher', { teacherId: first.teacherId }, session)).toMatchObject({ ok: false, error: { code: 'MUST_CHANGE_PASSWORD' } });
    ok(inst, 'auth.changePassword', { oldPassword: slips.get(first.username)!, newPassword: 'mein-eigenes-2026' }, session);
    expect(ok(inst, 'creditFile.teacher', { teacherId: first.teacherId }, session).teacher.id).toBe(first.teacherId);
    // Another teacher's slip opens only that teacher's account.
    const second = made.created[1]!;
    expect(call(inst, 'auth.login', { username: first.username, password: slips.get(second.username)! })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });
  });

  it('makes none the second time, and no slips', async () => {
    const again = await create({});
    expect(again).toEqual({ created: [], skipped: [], slips: null });
  });

  it('is audited once, naming each account and teacher and no password', () => {
    const entries = ok(inst, 'audit.list', { subject: 'users', limit: 10 }, admin).entries.filter((e) => e.route === 'users.createForTeachers');
    expect(entries).toHaveLength(1);
    const diff = JSON.parse(entries[0]!.diff) as { accounts: { user: number; username: string; teacher: number; name: string }[] };
    expect(diff.accounts).toHaveLength(made.created.length);
    // Said as the teachers' names and user names, never as raw objects.
    const first = made.created[0]!;
    expect(changeLines(entries[0]!.diff, 'zh-CN')[0]).toMatch(new RegExp(`^开通的账户：.*${first.name}（${first.username}）`));
    for (const password of slips.values()) expect(entries[0]!.diff).not.toContain(password);
  });
});

describe('accounts for chosen teachers', () => {
  it('skips a teacher who has an account or has left, and makes the rest', async () => {
    const t = ok(inst, 'teachers.create', { name: '新来的', gender: 'male', idNumber: makeIdNumber('410481', '19800101', '013'), staffNo: 'T9999', subject: '数学', title: '', hireDate: '2026-09-01' }, admin).id;
    const gone = ok(inst, 'teachers.create', { name: '已离职', gender: 'female', idNumber: makeIdNumber('410481', '19800102', '024'), staffNo: '离职-01', subject: '语文', title: '', hireDate: '2010-09-01' }, admin).id;
    ok(inst, 'teachers.setStatus', { id: gone, status: 'inactive' }, admin);
    const r = await create({ teacherIds: [1, t, gone] });
    expect(r.created.map((c) => c.username)).toEqual(['T9999']);
    expect(r.skipped).toEqual([
      { teacherId: 1, name: expect.any(String), reason: 'hasAccount', username: 'T0001' },
      { teacherId: gone, name: '已离职', reason: 'inactive', username: null },
    ]);
    expect(readSlips(r.slips!.dataBase64, 'one.pdf').has('T9999')).toBe(true);
  });

  it('gives a staff number that cannot be a user name t and the teacher’s number instead', async () => {
    const id = ok(inst, 'teachers.create', { name: '工号有中文', gender: 'female', idNumber: makeIdNumber('410481', '19800103', '026'), staffNo: '教-07', subject: '语文', title: '', hireDate: '2010-09-01' }, admin).id;
    const r = await create({ teacherIds: [id] });
    expect(r.created[0]!.username).toBe(`t${id}`);
  });

  it('refuses a second account for a teacher, naming the one they have', () => {
    const r = call(inst, 'users.create', { username: 'second.one', displayName: '第二个', role: 'teacher', password: 'some-pass-2026', teacherId: 1 }, admin);
    expect(r).toMatchObject({ ok: false, error: { code: 'TEACHER_HAS_ACCOUNT', params: { username: 'T0001' } } });
  });

  it('is the school administrator’s alone', async () => {
    const clerk = login(inst, 'clerk');
    const r = await dispatchAsync(inst, { route: 'users.createForTeachers', input: {}, session: clerk });
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
