import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { LOCK_FILE_NAME } from '../../electron/core/app/folderLock';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function fresh(): { inst: Installation; dir: string; clock: TestClock } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  return { inst: new Installation(t.dir, clock), dir: t.dir, clock };
}

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

describe('first run', () => {
  it('sets up a school and logs the administrator in', () => {
    const { inst, dir } = fresh();
    expect(ok(inst, 'system.status', {}).status).toEqual({ state: 'new' });
    const { recoveryKey } = ok(inst, 'setup.init', SCHOOL);
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    inst.close();
    const reopened = new Installation(dir);
    expect(ok(reopened, 'system.status', {}).status).toEqual({ state: 'locked', mode: 'school' });
    const session = login(reopened, 'admin');
    const me = ok(reopened, 'auth.me', {}, session);
    expect(me.org).toEqual({ mode: 'school', name: '舞钢市实验小学', uscc: '91350100M000100Y43' });
    expect(me.user.role).toBe('school_admin');
  });

  it('refuses a wrong USCC, says which character, and writes nothing but the folder lock', () => {
    const { inst, dir } = fresh();
    const r = call(inst, 'setup.init', { ...SCHOOL, uscc: '91350100M000100Y44' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'INVALID_USCC', params: { reason: 'check', expected: '3', got: '4' } });
    expect(readdirSync(dir)).toEqual([LOCK_FILE_NAME]);
    expect(ok(inst, 'system.status', {}).status.state).toBe('new');
  });

  it('cannot be run twice', () => {
    const { inst } = fresh();
    ok(inst, 'setup.init', SCHOOL);
    const r = call(inst, 'setup.init', SCHOOL);
    expect(r.ok || r.error.code).toBe('ALREADY_INITIALIZED');
  });

  it('keeps names out of the DB file, its WAL and its backups', () => {
    const { inst, dir } = fresh();
    ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
    const session = login(inst, 'admin');
    const backup = ok(inst, 'backup.run', {}, session);
    const files = [join(dir, 'educredit.db'), join(dir, 'educredit.db-wal'), backup.file, join(dir, 'educredit.keys.json')].filter((f) => existsSync(f));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) {
      const bytes = readFileSync(f);
      expect(bytes.includes(Buffer.from('SQLite format 3')), f).toBe(false);
      for (const needle of ['舞钢市第一初级中学', '德育干事', 'admin', 'teachers', '七年级']) {
        expect(bytes.includes(Buffer.from(needle, 'utf8')), `${needle} in ${f}`).toBe(false);
      }
    }
  });
});

describe('login', () => {
  it('locks an account after five wrong passwords for 15 minutes, with the time left', () => {
    const { inst, clock } = fresh();
    ok(inst, 'setup.init', SCHOOL);
    for (let i = 1; i <= 4; i++) {
      const r = call(inst, 'auth.login', { username: 'admin', password: 'wrong-password' });
      expect(r.ok ? null : r.error).toEqual({ code: 'BAD_CREDENTIALS', params: { left: 5 - i } });
    }
    const fifth = call(inst, 'auth.login', { username: 'admin', password: 'wrong-password' });
    expect(fifth.ok ? null : fifth.error).toEqual({ code: 'LOCKED_OUT', params: { minutes: 15 } });
    clock.advance(6);
    const locked = call(inst, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(locked.ok ? null : locked.error).toEqual({ code: 'LOCKED_OUT', params: { minutes: 9 } });
    clock.advance(10);
    expect(login(inst, 'admin')).toBeTruthy();
  });

  it('ends a session after the idle-lock period', () => {
    const { inst, clock } = fresh();
    ok(inst, 'setup.init', SCHOOL);
    const s = login(inst, 'admin');
    clock.advance(9);
    expect(call(inst, 'auth.me', {}, s).ok).toBe(true);
    clock.advance(11);
    const r = call(inst, 'auth.me', {}, s);
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
  });

  it('lets an admin reset a password: the old one stops working and the reset is audited', () => {
    const { inst } = fresh();
    ok(inst, 'setup.init', SCHOOL);
    const admin = login(inst, 'admin');
    const clerk = ok(inst, 'users.create', { username: 'clerk', displayName: '李干事', role: 'records_clerk', password: 'first-pass-1' }, admin);
    expect(login(inst, 'clerk', 'first-pass-1')).toBeTruthy();
    ok(inst, 'users.resetPassword', { userId: clerk.id, newPassword: 'second-pass-2' }, admin);
    expect(call(inst, 'auth.login', { username: 'clerk', password: 'first-pass-1' }).ok).toBe(false);
    const s = login(inst, 'clerk', 'second-pass-2');
    expect(ok(inst, 'auth.me', {}, s).user.mustChangePassword).toBe(true);
    const audit = ok(inst, 'audit.list', { subject: `user:${clerk.id}` }, admin);
    expect(audit.entries.map((e) => e.route)).toContain('users.resetPassword');
  });

  it('refuses a role of the other mode', () => {
    const { inst } = fresh();
    ok(inst, 'setup.init', SCHOOL);
    const admin = login(inst, 'admin');
    const r = call(inst, 'users.create', { username: 'insp', displayName: '督导', role: 'bureau_inspector', password: 'long-enough-1' }, admin);
    expect(r.ok ? null : r.error.code).toBe('INVALID_INPUT');
  });
});

describe('recovery key', () => {
  it('sets a new password with the recovery key and refuses a wrong key', () => {
    const { inst, dir } = fresh();
    const { recoveryKey } = ok(inst, 'setup.init', SCHOOL);
    inst.close();
    const fresh2 = new Installation(dir);
    const wrong = call(fresh2, 'auth.recover', { recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', username: 'admin', newPassword: 'brand-new-pass' });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_RECOVERY_KEY');
    expect(ok(fresh2, 'system.status', {}).status.state).toBe('locked');
    ok(fresh2, 'auth.recover', { recoveryKey: recoveryKey.toLowerCase().replace(/-/g, ' '), username: 'admin', newPassword: 'brand-new-pass' });
    fresh2.close();
    expect(login(new Installation(dir), 'admin', 'brand-new-pass')).toBeTruthy();
  });
});
