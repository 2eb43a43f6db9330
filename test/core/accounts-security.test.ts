// Accounts under attack and carelessness: a disabled administrator restoring an old backup, the
// recovery key and disabled accounts, guessing through an open session, initial passwords, user
// names told apart by their answers, and weak passwords.
import { afterAll, describe, expect, it } from 'vitest';
import { closeSync, openSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { DB_FILE_NAME } from '../../electron/core/db/open';
import type { ApiError } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { addAccount, call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

function fresh(): { inst: Installation; dir: string; clock: TestClock; admin: string } {
  const t = tempDir('educredit-accounts-');
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.init', SCHOOL);
  return { inst, dir: t.dir, clock, admin: login(inst, 'admin') };
}

function errorOf(r: { ok: true } | { ok: false; error: ApiError }): ApiError | null {
  return r.ok ? null : r.error;
}

function damage(dir: string): void {
  const fd = openSync(join(dir, DB_FILE_NAME), 'r+');
  writeSync(fd, Buffer.alloc(256, 0x5a), 0, 256, 1024);
  closeSync(fd);
}

describe('a deactivated administrator', () => {
  it('loses the key slot at once: the old password opens nothing, and reactivation needs a new password', () => {
    const { inst, admin } = fresh();
    const second = addAccount(inst, admin, { username: 'admin2', displayName: '副校长', role: 'school_admin' });
    const s2 = login(inst, 'admin2');
    ok(inst, 'users.setActive', { userId: second.id, active: false }, admin);
    expect(inst.keyStore().hasSlot('admin2')).toBe(false);
    // The open session ended, and the password no longer unwraps the key.
    expect(errorOf(call(inst, 'auth.me', {}, s2))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(call(inst, 'auth.login', { username: 'admin2', password: PASSWORD }))?.code).toBe('BAD_CREDENTIALS');
    // Reactivating without a password is refused at the field; an administrator's reset of a disabled account too.
    expect(errorOf(call(inst, 'users.setActive', { userId: second.id, active: true }, admin))).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'newPassword' }] });
    expect(errorOf(call(inst, 'users.resetPassword', { userId: second.id, newPassword: 'reset-pass-42' }, admin))?.code).toBe('ACCOUNT_DISABLED');
    expect(inst.keyStore().hasSlot('admin2')).toBe(false);
    ok(inst, 'users.setActive', { userId: second.id, active: true, newPassword: 'fresh-start-9' }, admin);
    expect(errorOf(call(inst, 'auth.login', { username: 'admin2', password: PASSWORD }))?.code).toBe('BAD_CREDENTIALS');
    const back = ok(inst, 'auth.login', { username: 'admin2', password: 'fresh-start-9' });
    expect(back.user.mustChangePassword).toBe(true);
    const entries = ok(inst, 'audit.list', { subject: `user:${second.id}` }, admin).entries.map((e) => [e.route, JSON.parse(e.diff) as unknown]);
    expect(entries).toContainEqual(['users.setActive', { active: true, passwordReset: true }]);
  });

  it('cannot restore an old backup without a session while the data opens: RESTORE_NEEDS_LOGIN, nothing moves', () => {
    const { inst, admin } = fresh();
    const second = addAccount(inst, admin, { username: 'admin2', displayName: '副校长', role: 'school_admin' });
    const old = ok(inst, 'backup.run', {}, admin);
    ok(inst, 'users.setActive', { userId: second.id, active: false }, admin);
    // Even with a slot put back by hand (a folder from before slots were removed), the route is closed.
    inst.keyStore().setSlot('admin2', PASSWORD, inst.key());
    for (const state of ['open', 'locked'] as const) {
      if (state === 'locked') inst.closeStore();
      expect(ok(inst, 'system.status', {}).status.state).toBe(state);
      expect(errorOf(call(inst, 'recovery.restore', { username: 'admin2', password: PASSWORD, file: old.file }))?.code).toBe('RESTORE_NEEDS_LOGIN');
      expect(errorOf(call(inst, 'recovery.backups', {}))?.code).toBe('RESTORE_NEEDS_LOGIN');
    }
    // The slot left over from before is dropped when the data next opens.
    login(inst, 'admin');
    expect(inst.keyStore().hasSlot('admin2')).toBe(false);
    expect(errorOf(call(inst, 'auth.login', { username: 'admin2', password: PASSWORD }))?.code).toBe('BAD_CREDENTIALS');
    inst.close();
  });

  it('cannot restore, even over a damaged DB, when disabled in the newest readable backup', () => {
    const { inst, dir, clock, admin } = fresh();
    const second = addAccount(inst, admin, { username: 'admin2', displayName: '副校长', role: 'school_admin' });
    const old = ok(inst, 'backup.run', {}, admin);
    clock.advance(1);
    ok(inst, 'users.setActive', { userId: second.id, active: false }, admin);
    const newest = ok(inst, 'backup.run', {}, admin);
    // A slot for the disabled account, as an older version would have left it.
    inst.keyStore().setSlot('admin2', PASSWORD, inst.key());
    inst.close();
    damage(dir);
    const damaged = new Installation(dir, clock);
    expect(errorOf(call(damaged, 'auth.login', { username: 'admin', password: PASSWORD }))?.code).toBe('CORRUPT');
    expect(ok(damaged, 'recovery.backups', {}).map((b) => b.file)).toEqual([basename(newest.file), basename(old.file)]);
    // admin2 is an active administrator in the old backup, but not in the newest one that reads.
    expect(errorOf(call(damaged, 'recovery.restore', { username: 'admin2', password: PASSWORD, file: basename(old.file) }))).toEqual({
      code: 'FORBIDDEN',
      params: { route: 'recovery.restore' },
    });
    expect(ok(damaged, 'system.status', {}).status).toMatchObject({ state: 'error', error: { code: 'CORRUPT' } });
    // An administrator active in both restores, by the name the list gave.
    ok(damaged, 'recovery.restore', { username: 'admin', password: PASSWORD, file: basename(old.file) });
    const s = login(damaged, 'admin');
    expect(ok(damaged, 'users.list', {}, s).map((u) => u.username)).toEqual(['admin', 'admin2']);
    damaged.close();
  });

  it('restores over a damaged DB with the recovery key; a wrong key or a relative path is refused', () => {
    const t = tempDir('educredit-accounts-');
    cleanups.push(t.cleanup);
    const clock = new TestClock();
    const inst = new Installation(t.dir, clock);
    const { recoveryKey } = ok(inst, 'setup.init', SCHOOL);
    const admin = login(inst, 'admin');
    const backup = ok(inst, 'backup.run', {}, admin);
    inst.close();
    damage(t.dir);
    const damaged = new Installation(t.dir, clock);
    expect(errorOf(call(damaged, 'auth.login', { username: 'admin', password: PASSWORD }))?.code).toBe('CORRUPT');
    expect(errorOf(call(damaged, 'recovery.restore', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', file: basename(backup.file) }))?.code).toBe('WRONG_RECOVERY_KEY');
    expect(errorOf(call(damaged, 'recovery.restore', { recoveryKey, file: join('backups', basename(backup.file)) }))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'file', message: 'absolutePath' }],
    });
    expect(errorOf(call(damaged, 'recovery.restore', { file: basename(backup.file) }))?.code).toBe('INVALID_INPUT');
    ok(damaged, 'recovery.restore', { recoveryKey, file: backup.file });
    expect(ok(damaged, 'system.status', {}).status.state).not.toBe('error');
    const s = login(damaged, 'admin');
    expect(ok(damaged, 'audit.list', { subject: 'database' }, s).entries[0]).toMatchObject({ route: 'recovery.restore', actor: 'recovery-key' });
    damaged.close();
  });
});

describe('auth.recover', () => {
  it('does not bring back a disabled account, and ends the old sessions of the one it resets', () => {
    const t = tempDir('educredit-accounts-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    const { recoveryKey } = ok(inst, 'setup.init', SCHOOL);
    const admin = login(inst, 'admin');
    const clerk = addAccount(inst, admin, { username: 'clerk', displayName: '干事', role: 'records_clerk' });
    ok(inst, 'users.setActive', { userId: clerk.id, active: false }, admin);
    expect(errorOf(call(inst, 'auth.recover', { recoveryKey, username: 'clerk', newPassword: 'back-door-77' }))?.code).toBe('ACCOUNT_DISABLED');
    expect(ok(inst, 'users.list', {}, admin).find((u) => u.id === clerk.id)?.active).toBe(false);
    expect(inst.keyStore().hasSlot('clerk')).toBe(false);

    ok(inst, 'auth.recover', { recoveryKey, username: 'admin', newPassword: 'recovered-pass-3' });
    expect(errorOf(call(inst, 'auth.me', {}, admin))?.code).toBe('UNAUTHENTICATED');
    expect(login(inst, 'admin', 'recovered-pass-3')).toBeTruthy();
    inst.close();
  });
});

describe('auth.changePassword', () => {
  it('counts a wrong old password toward the login lockout, and is locked out with it', () => {
    const { inst, clock, admin } = fresh();
    const lefts: number[] = [];
    for (let i = 0; i < 4; i++) {
      const e = errorOf(call(inst, 'auth.changePassword', { oldPassword: `guess-${i}-xyz`, newPassword: 'next-pass-123' }, admin));
      expect(e?.code).toBe('BAD_CREDENTIALS');
      lefts.push(Number(e?.params?.left));
    }
    expect(lefts).toEqual([4, 3, 2, 1]);
    // A login failure counts in the same row of the same lockout.
    expect(errorOf(call(inst, 'auth.login', { username: 'admin', password: 'guess-login' }))?.code).toBe('LOCKED_OUT');
    // Locked: even the right old password is refused, from the open session and at login.
    expect(errorOf(call(inst, 'auth.changePassword', { oldPassword: PASSWORD, newPassword: 'next-pass-123' }, admin))?.code).toBe('LOCKED_OUT');
    expect(errorOf(call(inst, 'auth.login', { username: 'admin', password: PASSWORD }))?.code).toBe('LOCKED_OUT');
    clock.advance(16);
    const s = login(inst, 'admin');
    ok(inst, 'auth.changePassword', { oldPassword: PASSWORD, newPassword: 'next-pass-123' }, s);
    expect(login(inst, 'admin', 'next-pass-123')).toBeTruthy();
  });
});

describe('a password an administrator set', () => {
  it('blocks every route but changing it, logging out and reading oneself, and must not be kept', () => {
    const { inst, admin } = fresh();
    ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: 'initial-pass-1' }, admin);
    const s = login(inst, 'clerk', 'initial-pass-1');
    expect(ok(inst, 'auth.me', {}, s).user.mustChangePassword).toBe(true);
    for (const route of ['dashboard.summary', 'students.list', 'teachers.list', 'settings.get'] as const) {
      expect(errorOf(call(inst, route, {} as never, s)), route).toEqual({ code: 'MUST_CHANGE_PASSWORD' });
    }
    // A route the role may not call at all stays FORBIDDEN: the role's rights come first.
    expect(errorOf(call(inst, 'users.list', {}, s))?.code).toBe('FORBIDDEN');
    expect(errorOf(call(inst, 'auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: 'initial-pass-1' }, s))).toMatchObject({
      code: 'INVALID_INPUT',
      issues: [{ path: 'newPassword', message: 'passwordUnchanged' }],
    });
    ok(inst, 'auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: 'my-own-pass-5' }, s);
    // The same session goes on, now with every route of the role.
    expect(call(inst, 'dashboard.summary', {}, s).ok).toBe(true);
    expect(ok(inst, 'auth.me', {}, s).user.mustChangePassword).toBe(false);
    // Where the backups lie is the administrators' to know.
    expect(ok(inst, 'settings.get', {}, s).backupDir).toBe('');
    expect(ok(inst, 'settings.get', {}, admin).backupDir).toMatch(/backups$/);
  });

  it('gives a teacher no signing key until the teacher has a password of their own; then a new key only they can open', () => {
    const t = tempDir('educredit-accounts-demo-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
    const admin = login(inst, 'admin');
    const teacherId = ok(inst, 'teachers.list', { limit: 1, offset: 5 }, admin).rows[0]!.id;
    const user = ok(inst, 'users.create', { username: 'teacher.new', displayName: '新教师', role: 'teacher', password: 'initial-pass-1', teacherId }, admin);
    const keys = (): { fingerprint: string; retired: string | null }[] =>
      inst.open().raw.prepare('SELECT fingerprint, retired_at AS retired FROM teacher_keys WHERE user_id = ? ORDER BY id').all(user.id) as { fingerprint: string; retired: string | null }[];
    const first = login(inst, 'teacher.new', 'initial-pass-1');
    expect(keys()).toEqual([]);
    expect(errorOf(call(inst, 'creditFile.teacher', {}, first))?.code).toBe('MUST_CHANGE_PASSWORD');
    ok(inst, 'auth.changePassword', { oldPassword: 'initial-pass-1', newPassword: 'teacher-own-8' }, first);
    expect(keys()).toHaveLength(1);
    expect(keys()[0]!.retired).toBeNull();

    // An administrator resets it: the next login with the administrator's password makes no key,
    // and the teacher's own next password retires the old key and makes a new one.
    ok(inst, 'users.resetPassword', { userId: user.id, newPassword: 'admin-knows-2' }, admin);
    const again = login(inst, 'teacher.new', 'admin-knows-2');
    expect(keys()).toHaveLength(1);
    ok(inst, 'auth.changePassword', { oldPassword: 'admin-knows-2', newPassword: 'teacher-own-9' }, again);
    const after = keys();
    expect(after).toHaveLength(2);
    expect(after[0]!.retired).not.toBeNull();
    expect(after[1]!.retired).toBeNull();
    expect(after[1]!.fingerprint).not.toBe(after[0]!.fingerprint);
    inst.close();
  });
});

describe('login', () => {
  it('answers an unknown user name exactly as a known one with a wrong password, down to the lockout', () => {
    const { inst } = fresh();
    const tries = (username: string): (ApiError | null)[] => Array.from({ length: 6 }, (_, i) => errorOf(call(inst, 'auth.login', { username, password: `wrong-${i}-pass` })));
    const known = tries('admin');
    const unknown = tries('no.such.user');
    expect(unknown).toEqual(known);
    expect(known.map((e) => e?.code)).toEqual(['BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'BAD_CREDENTIALS', 'LOCKED_OUT', 'LOCKED_OUT']);
  });
});

describe('weak passwords', () => {
  it('are refused wherever a password is set, at the field, in words', () => {
    const t = tempDir('educredit-accounts-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    const setup = errorOf(call(inst, 'setup.init', { ...SCHOOL, admin: { ...SCHOOL.admin, password: 'password1' } }));
    expect(setup).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'admin.password', message: 'passwordCommon' }] });
    expect(ok(inst, 'system.status', {}).status.state).toBe('new');
    expect(errorOf(call(inst, 'setup.demo', { scale: 'school', password: '11111111' }))?.issues?.[0]).toEqual({ path: 'password', message: 'passwordSame' });
    ok(inst, 'setup.init', SCHOOL);
    const admin = login(inst, 'admin');
    const cases: [string, string][] = [
      ['wang.lei', 'passwordUsername'],
      ['iel.gnaw', 'passwordUsername'],
      ['wang.lei2026!', 'passwordUsername'],
      ['wang.leiwang.lei', 'passwordUsername'],
      ['wang.lei#wang.lei7', 'passwordUsername'],
      ['88888888', 'passwordSame'],
      ['woaini1314', 'passwordCommon'],
      ['1qaz2wsx', 'passwordCommon'],
      ['Iloveyou', 'passwordCommon'],
    ];
    for (const [password, why] of cases) {
      const e = errorOf(call(inst, 'users.create', { username: 'wang.lei', displayName: '王磊', role: 'records_clerk', password }, admin));
      expect(e, password).toEqual({ code: 'INVALID_INPUT', issues: [{ path: 'password', message: why }] });
      // Words a person reads, in both languages, with no key in them.
      expect(formatError(e!, 'zh-CN')).not.toMatch(/password(Username|Same|Common)/);
      expect(formatError(e!, 'en')).not.toMatch(/password(Username|Same|Common)/);
    }
    expect(ok(inst, 'users.list', {}, admin).map((u) => u.username)).toEqual(['admin']);
    const clerk = addAccount(inst, admin, { username: 'clerk', displayName: '干事', role: 'records_clerk' });
    expect(errorOf(call(inst, 'users.resetPassword', { userId: clerk.id, newPassword: '00000000' }, admin))?.issues?.[0]).toEqual({ path: 'newPassword', message: 'passwordSame' });
    expect(errorOf(call(inst, 'auth.changePassword', { oldPassword: PASSWORD, newPassword: 'admin123' }, admin))?.issues?.[0]).toEqual({ path: 'newPassword', message: 'passwordUsername' });
    // A good one still works, and a long passphrase too.
    ok(inst, 'auth.changePassword', { oldPassword: PASSWORD, newPassword: '舞钢的春天来得早 2026' }, admin);
  });
});
