// The hash-chained audit log: every change leaves one entry, verify names the first broken link, failures leave nothing, filters work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { Installation } from '../../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import ExcelJS from 'exceljs';
import { actionText, changeLines } from '../../shared/api/auditWords';
import { KEYFILE_NAME } from '../../electron/core/keys/keyfile';
import { contract, ROUTE_NAMES, type RouteInput, type RouteName, type RouteOutput } from '../../shared/api/contract';
import { unnamedAuditKeys, unreadableAuditText } from '../support/auditKeys';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import { SUPERVISION_AUDITED_ELSEWHERE } from './samples';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

function fresh(): { inst: Installation; clock: TestClock; dir: string } {
  const t = tempDir('educredit-audit-');
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.init', SCHOOL);
  return { inst, clock, dir: t.dir };
}

function auditCount(inst: Installation): number {
  return (inst.open().raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

interface Row {
  seq: number;
  at: string;
  actor: string;
  route: string;
  subject: string;
  diff: string;
  diff_hash: string;
  prev_hash: string;
  hash: string;
}

function lastEntry(inst: Installation): Row {
  return inst.open().raw.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row;
}

/**
 * One valid call of every mutation route, made by the administrator. A new mutation needs a line
 * here (the first test fails until it has one). The contract's `kind` is not a literal type, so
 * the list is checked at run time.
 */
interface MutationCtx {
  userId: number;
  /** Makes what a call needs first (a record to amend…); called before the count is taken. */
  make<R extends RouteName>(route: R, input: RouteInput<R>): RouteOutput<R>;
  item(code: string): number;
}

const TEACHER = { name: '李娜', gender: 'female', idNumber: '11010519491231002X', staffNo: 'T9001', subject: '数学', title: '一级教师', hireDate: '2010-09-01' } as const;

const MUTATIONS: { [R in RouteName]?: (ctx: MutationCtx) => RouteInput<R> } = {
  'teachers.create': () => TEACHER,
  'teachers.update': ({ make }) => ({ ...TEACHER, id: make('teachers.list', { q: 'T9001' }).rows[0]!.id, subject: '物理' }),
  'teachers.setStatus': ({ make }) => ({ id: make('teachers.list', { q: 'T9001' }).rows[0]!.id, status: 'inactive' }),
  'classes.create': () => ({ grade: '七年级', name: '1班' }),
  'students.create': ({ make }) => ({ name: '王小明', gender: 'male', studentNo: '20260101', classId: make('classes.list', {})[0]!.id }),
  'students.update': ({ make }) => ({ id: make('students.list', {}).rows[0]!.id, name: '王晓明', gender: 'male', studentNo: '20260101', classId: make('classes.list', {})[0]!.id }),
  'students.setStatus': ({ make }) => ({ id: make('students.list', {}).rows[0]!.id, status: 'inactive' }),
  'creditFile.student': ({ make }) => ({ studentId: make('students.list', {}).rows[0]!.id }),
  'records.create': ({ make, item }) => ({ subjectKind: 'teacher', subjectId: make('teachers.list', {}).rows[0]!.id, itemId: item('T-P05'), occurredOn: '2026-11-01', description: '学校表扬' }),
  'records.amend': ({ make, item }) => {
    const r = make('records.create', { subjectKind: 'teacher', subjectId: make('teachers.list', {}).rows[0]!.id, itemId: item('T-P05'), occurredOn: '2026-11-01', description: '表扬' });
    return { recordId: r.id, itemId: item('T-P05'), occurredOn: '2026-11-02', description: '表扬（更正）', reason: '日期有误' };
  },
  'records.revoke': ({ make, item }) => ({
    recordId: make('records.create', { subjectKind: 'teacher', subjectId: make('teachers.list', {}).rows[0]!.id, itemId: item('T-P05'), occurredOn: '2026-11-01', description: '表扬' }).id,
    reason: '录入错误',
  }),
  'records.repair': ({ make, item }) => ({
    recordId: make('records.create', { subjectKind: 'student', subjectId: make('students.list', {}).rows[0]!.id, itemId: item('S-S01'), occurredOn: '2026-10-01', description: '警告' }).id,
    reason: '表现良好',
    effectiveOn: '2026-11-20',
  }),
  'auth.changePassword': () => ({ oldPassword: PASSWORD, newPassword: PASSWORD }),
  'users.create': () => ({ username: 'clerk2', displayName: '李干事', role: 'records_clerk', password: PASSWORD }),
  'users.resetPassword': ({ userId }) => ({ userId, newPassword: 'another-pass-1' }),
  'users.setActive': ({ userId }) => ({ userId, active: false }),
  'settings.update': () => ({ backupKeep: 7 }),
  // Last: it ends the session the others use.
  'auth.logout': () => ({}),
};

/**
 * Mutations the administrator of a school cannot make, each with the test that checks its entry:
 * catalogue.publish (bureau) and objections.raise (teacher) in test/core/credit.test.ts,
 * objections.decide there too (it needs a raised objection), import.commit in test/core/import.test.ts,
 * sync.enrol in test/core/sync.test.ts (it needs another installation's card); the bureau features' mutations in
 * their own tests, listed in test/core/samples.
 */
const ELSEWHERE: readonly RouteName[] = ['catalogue.publish', 'objections.raise', 'objections.decide', 'import.commit', 'sync.enrol', ...SUPERVISION_AUDITED_ELSEWHERE];

describe('every change leaves one entry', () => {
  it('has a sample for every mutation route of the contract', () => {
    const mutations = ROUTE_NAMES.filter((r) => contract[r].kind === 'mutation').sort();
    expect([...Object.keys(MUTATIONS), ...ELSEWHERE].sort()).toEqual(mutations);
  });

  it('appends exactly one entry per mutation, naming the route and the actor, with no password in it', () => {
    const { inst } = fresh();
    const admin = login(inst, 'admin');
    const other = ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: PASSWORD }, admin);
    const make = <R extends RouteName>(route: R, input: RouteInput<R>): RouteOutput<R> => ok(inst, route, input, admin);
    const items = new Map(make('catalogue.current', {}).items.map((i) => [i.code, i.id]));
    const ctx: MutationCtx = { userId: other.id, make, item: (code) => items.get(code)! };
    for (const route of Object.keys(MUTATIONS) as RouteName[]) {
      const input = (MUTATIONS[route] as (c: MutationCtx) => unknown)(ctx);
      const before = auditCount(inst);
      expect(contract[route].kind, route).toBe('mutation');
      const r = dispatch(inst, { route, input, session: admin });
      expect(r.ok, `${route}: ${JSON.stringify(r)}`).toBe(true);
      expect(auditCount(inst), route).toBe(before + 1);
      const e = lastEntry(inst);
      expect(e).toMatchObject({ route, actor: 'admin', seq: before + 1 });
      expect(e.diff).not.toContain(PASSWORD);
      expect(e.diff).not.toContain('another-pass-1');
    }
    const all = inst.open().raw.prepare('SELECT diff FROM audit_log').all() as { diff: string }[];
    for (const { diff } of all) expect(diff).not.toMatch(/correct horse|another-pass/);
    expect(unnamedAuditKeys(inst.open().raw)).toEqual([]);
    expect(unreadableAuditText(inst.open().raw)).toEqual([]);
  });

  it('records setup, logins and backups too', () => {
    const { inst } = fresh();
    const first = inst.open().raw.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as Row;
    expect(first).toMatchObject({ route: 'setup.init', actor: 'admin', subject: 'installation' });
    const admin = login(inst, 'admin');
    expect(lastEntry(inst)).toMatchObject({ route: 'auth.login', actor: 'admin' });
    ok(inst, 'backup.run', {}, admin);
    expect(lastEntry(inst)).toMatchObject({ route: 'backup.run', actor: 'admin', subject: 'backup' });
    // Queries leave nothing.
    const before = auditCount(inst);
    ok(inst, 'users.list', {}, admin);
    ok(inst, 'audit.list', {}, admin);
    ok(inst, 'audit.verify', {}, admin);
    ok(inst, 'dashboard.summary', {}, admin);
    expect(auditCount(inst)).toBe(before);
  });
});

describe('a failed mutation leaves nothing behind', () => {
  it('a duplicate user name: refused at the user name, no row, no entry, no new key slot', () => {
    const { inst, dir } = fresh();
    const admin = login(inst, 'admin');
    ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: PASSWORD }, admin);
    const users = (): number => (inst.open().raw.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
    const beforeUsers = users();
    const beforeAudit = auditCount(inst);
    const keyFile = readFileSync(join(dir, KEYFILE_NAME));
    const r = call(inst, 'users.create', { username: 'clerk', displayName: '另一个', role: 'auditor', password: 'other-pass-1' }, admin);
    expect(r.ok ? null : { code: r.error.code, issues: r.error.issues }).toEqual({ code: 'INVALID_INPUT', issues: [{ path: 'username', message: 'usernameTaken' }] });
    expect(users()).toBe(beforeUsers);
    expect(auditCount(inst)).toBe(beforeAudit);
    expect(readFileSync(join(dir, KEYFILE_NAME)).equals(keyFile)).toBe(true);
    // The existing clerk still logs in with the first password.
    expect(login(inst, 'clerk')).toBeTruthy();
  });

  it('disabling yourself: CONFLICT, still active, no entry', () => {
    const { inst } = fresh();
    const admin = login(inst, 'admin');
    const me = ok(inst, 'auth.me', {}, admin).user;
    const before = auditCount(inst);
    const r = call(inst, 'users.setActive', { userId: me.id, active: false }, admin);
    expect(r.ok ? null : r.error.code).toBe('CONFLICT');
    expect(auditCount(inst)).toBe(before);
    expect(ok(inst, 'auth.me', {}, admin).user.active).toBe(true);
  });

  it('a missing user: NOT_FOUND, no entry', () => {
    const { inst } = fresh();
    const admin = login(inst, 'admin');
    const before = auditCount(inst);
    const r = call(inst, 'users.resetPassword', { userId: 9999, newPassword: 'another-pass-1' }, admin);
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    expect(auditCount(inst)).toBe(before);
  });
});

/** The entry hash as electron/core/audit/log.ts defines it: what someone rewriting history would compute. */
function entryHash(e: Omit<Row, 'hash' | 'diff'>): string {
  const text = canonicalize({ seq: e.seq, at: e.at, actor: e.actor, route: e.route, subject: e.subject, diffHash: e.diff_hash, prevHash: e.prev_hash })!;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

describe('verify', () => {
  /** A fresh installation with at least six entries and an administrator's session. */
  function withHistory(): { inst: Installation; admin: string } {
    const { inst } = fresh();
    const admin = login(inst, 'admin');
    for (const name of ['clerk1', 'clerk2', 'clerk3']) ok(inst, 'users.create', { username: name, displayName: name, role: 'records_clerk', password: PASSWORD }, admin);
    ok(inst, 'settings.update', { backupKeep: 3 }, admin);
    expect(auditCount(inst)).toBeGreaterThanOrEqual(6);
    return { inst, admin };
  }

  it('is ok on a fresh demo installation, and the dashboard says so', () => {
    const t = tempDir('educredit-audit-demo-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
    const admin = login(inst, 'admin');
    const v = ok(inst, 'audit.verify', {}, admin);
    expect(v).toEqual({ ok: true, checked: auditCount(inst), firstBrokenSeq: null, reason: null });
    expect(ok(inst, 'dashboard.summary', {}, admin).auditChainOk).toBe(true);
  });

  it('names seq 3 after its actor is changed with raw SQL', () => {
    const { inst, admin } = withHistory();
    inst.open().raw.prepare("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 3").run();
    const v = ok(inst, 'audit.verify', {}, admin);
    expect(v).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 3 });
    expect(v.reason).toMatch(/hash/);
    expect(ok(inst, 'dashboard.summary', {}, admin).auditChainOk).toBe(false);
  });

  it('names the entry whose diff was changed', () => {
    const { inst, admin } = withHistory();
    inst.open().raw.prepare(`UPDATE audit_log SET diff = '{"role":"school_admin"}' WHERE seq = 4`).run();
    expect(ok(inst, 'audit.verify', {}, admin)).toMatchObject({ ok: false, firstBrokenSeq: 4, reason: 'diff does not match its hash' });
  });

  it('names the next entry when a rewritten entry carries a recomputed hash', () => {
    const { inst, admin } = withHistory();
    const raw = inst.open().raw;
    const row = raw.prepare('SELECT * FROM audit_log WHERE seq = 3').get() as Row;
    const forged = { ...row, actor: 'someone-else' };
    raw.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 3').run(forged.actor, entryHash(forged));
    expect(ok(inst, 'audit.verify', {}, admin)).toMatchObject({ ok: false, checked: 3, firstBrokenSeq: 4, reason: 'prev_hash does not match the previous entry' });
  });

  it('detects a deleted middle entry', () => {
    const { inst, admin } = withHistory();
    inst.open().raw.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const v = ok(inst, 'audit.verify', {}, admin);
    expect(v).toMatchObject({ ok: false, checked: 2, firstBrokenSeq: 4 });
    expect(v.reason).toMatch(/missing/);
  });

  it('detects entries renumbered to hide a deletion', () => {
    const { inst, admin } = withHistory();
    const raw = inst.open().raw;
    const max = (raw.prepare('SELECT max(seq) AS m FROM audit_log').get() as { m: number }).m;
    raw.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    for (let s = 4; s <= max; s++) raw.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(s - 1, s);
    expect(ok(inst, 'audit.verify', {}, admin)).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });
});

describe('audit.list filters', () => {
  let inst: Installation;
  let clock: TestClock;
  let admin: string;
  let clerkId = 0;

  beforeAll(() => {
    ({ inst, clock } = fresh());
    // 2026-11-24: setup, admin logs in, creates the clerk.
    admin = login(inst, 'admin');
    clerkId = ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: 'initial-pass-1' }, admin).id;
    // 2026-11-25: the clerk logs in and changes the initial password; the admin changes a setting.
    clock.advance(24 * 60);
    const clerk = login(inst, 'clerk', 'initial-pass-1');
    ok(inst, 'auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: PASSWORD }, clerk);
    admin = login(inst, 'admin');
    ok(inst, 'settings.update', { backupKeep: 5 }, admin);
    // 2026-11-26: the admin changes another setting.
    clock.advance(24 * 60);
    admin = login(inst, 'admin');
    ok(inst, 'settings.update', { backupKeep: 6 }, admin);
  });

  it('lists newest first, with the total', () => {
    const all = ok(inst, 'audit.list', {}, admin);
    expect(all.total).toBe(auditCount(inst));
    expect(all.entries.map((e) => e.seq)).toEqual([...Array(all.total).keys()].map((i) => all.total - i));
    const page = ok(inst, 'audit.list', { offset: 2, limit: 3 }, admin);
    expect(page.total).toBe(all.total);
    expect(page.entries.map((e) => e.seq)).toEqual(all.entries.slice(2, 5).map((e) => e.seq));
  });

  it('filters by actor', () => {
    const r = ok(inst, 'audit.list', { actor: 'clerk' }, admin);
    expect(r.entries.map((e) => e.route).sort()).toEqual(['auth.changePassword', 'auth.login']);
    expect(r.total).toBe(2);
    expect(ok(inst, 'audit.list', { actor: 'nobody' }, admin).total).toBe(0);
  });

  it('filters by subject', () => {
    const settings = ok(inst, 'audit.list', { subject: 'settings' }, admin);
    expect(settings.total).toBe(2);
    expect(settings.entries.every((e) => e.subject === 'settings' && e.route === 'settings.update')).toBe(true);
    const clerk = ok(inst, 'audit.list', { subject: `user:${clerkId}` }, admin);
    expect(clerk.entries.map((e) => e.route).sort()).toEqual(['auth.changePassword', 'auth.login', 'users.create']);
  });

  it('filters by date, from and to both inclusive', () => {
    const day = (d: string): string[] => ok(inst, 'audit.list', { from: d, to: d }, admin).entries.map((e) => e.at.slice(0, 10));
    expect(new Set(day('2026-11-24'))).toEqual(new Set(['2026-11-24']));
    expect(new Set(day('2026-11-25'))).toEqual(new Set(['2026-11-25']));
    expect(day('2026-11-25')).toHaveLength(4);
    expect(day('2026-11-26')).toHaveLength(2);
    expect(day('2026-11-27')).toHaveLength(0);
    const fromOnly = ok(inst, 'audit.list', { from: '2026-11-25' }, admin);
    expect(fromOnly.total).toBe(6);
    const toOnly = ok(inst, 'audit.list', { to: '2026-11-24' }, admin);
    expect(toOnly.total).toBe(auditCount(inst) - 6);
    expect(toOnly.entries.every((e) => e.at < '2026-11-25')).toBe(true);
  });

  it('names operators and subjects, and finds them by name', () => {
    const created = ok(inst, 'audit.list', { route: 'users.create' }, admin).entries[0]!;
    expect(created).toMatchObject({ actor: 'admin', actorName: '王校长', subject: `user:${clerkId}`, subjectName: '干事' });
    // By the operator's display name or part of the user name.
    expect(ok(inst, 'audit.list', { operator: '干事' }, admin).entries.map((e) => e.route).sort()).toEqual(['auth.changePassword', 'auth.login']);
    expect(ok(inst, 'audit.list', { operator: 'cler' }, admin).total).toBe(2);
    // By the name of the person the entries are about.
    expect(ok(inst, 'audit.list', { person: '干事' }, admin).entries.map((e) => e.route).sort()).toEqual(['auth.changePassword', 'auth.login', 'users.create']);
    expect(ok(inst, 'audit.list', { person: '没有这个人' }, admin).total).toBe(0);
  });

  it('says each entry in words: the action, the subject and what changed, before and after', () => {
    const entry = ok(inst, 'audit.list', { route: 'settings.update', from: '2026-11-26' }, admin).entries[0]!;
    expect(actionText(entry.route, 'zh-CN')).toBe('修改设置');
    expect(changeLines(entry.diff, 'zh-CN')).toEqual(['保留备份份数：6']);
    expect(changeLines(JSON.stringify({ name: { from: '张三', to: '张四' }, hireDate: { from: '2010-09-01', to: '2011-09-01' } }), 'zh-CN')).toEqual(['姓名：张三 → 张四', '入职日期：2010年9月1日 → 2011年9月1日']);
    expect(changeLines(JSON.stringify({ changed: ['name', 'title'] }), 'en')).toEqual(['Changed: Name, Title']);
    expect(changeLines(JSON.stringify({ created: ['guardianContact'], private: 'ab'.repeat(32) }), 'zh-CN')).toEqual(['填写了：监护人联系方式']);
    // Codes are said in words: states before → after, kinds, lists, subjects and sizes.
    expect(changeLines(JSON.stringify({ state: ['notice_issued', 'key_supervision'], event: 'markOverdue' }), 'zh-CN')).toEqual(['状态：已下达整改通知 → 重点监管', '操作：认定逾期未整改']);
    expect(changeLines(JSON.stringify({ proposed: [{ id: 9, list: 'black', rule: 'v1/black-d', target: 'institution:35' }] }), 'zh-CN')).toEqual(['提出：编号 9；名单 黑名单；规则 v1/black-d；对象 机构 #35']);
    expect(changeLines(JSON.stringify({ filter: { state: 'open' }, format: 'xlsx', rows: 2 }), 'zh-CN')).toEqual(['筛选条件：状态 待处理', '格式：Excel', '条数：2']);
    expect(changeLines(JSON.stringify({ bytes: 4653056, mode: 'bureau', kind: 'training' }), 'en')).toEqual(['Size: 4.4 MB', 'Mode: Education bureau', 'Kind: Training institution']);
  });

  it('exports the entries as filtered, in words', async () => {
    const r = await dispatchAsync(inst, { route: 'audit.export', input: { operator: '干事', format: 'xlsx' }, session: admin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const file = r.value as { dataBase64: string; fileName: string };
    expect(file.fileName).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.dataBase64, 'base64');
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[1]![0]).toBe('筛选条件：操作人：干事');
    expect(rows.slice(4).map((x) => [x[2], x[3], x[4]])).toEqual([
      ['干事（clerk）', '修改密码', '干事（账户）'],
      ['干事（clerk）', '登录', '干事（账户）'],
    ]);
  });

  it('combines filters', () => {
    const r = ok(inst, 'audit.list', { actor: 'admin', subject: 'settings', from: '2026-11-26', to: '2026-11-26' }, admin);
    expect(r.total).toBe(1);
    expect(r.entries[0]).toMatchObject({ route: 'settings.update', actor: 'admin' });
    expect(JSON.parse(r.entries[0]!.diff)).toEqual({ backupKeep: 6 });
  });
});
