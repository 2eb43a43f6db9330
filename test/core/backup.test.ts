// Backups and restore on real files: encrypted copies, retention, the daily schedule, restore keeping the old DB aside, and refusals that change nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { Installation } from '../../electron/core/app/installation';
import { backupIfDue } from '../../electron/core/backup/service';
import { applyKey, DB_FILE_NAME } from '../../electron/core/db/open';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

function fresh(clock = new TestClock()): { inst: Installation; clock: TestClock; dir: string; admin: string } {
  const t = tempDir('educredit-backup-');
  cleanups.push(t.cleanup);
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.init', SCHOOL);
  return { inst, clock, dir: t.dir, admin: login(inst, 'admin') };
}

function usernames(inst: Installation, session: string): string[] {
  return ok(inst, 'users.list', {}, session).map((u) => u.username);
}

/** Reads the user names straight from a DB file with the installation's key. */
function usernamesInFile(path: string, key: Buffer): string[] {
  const raw = new Database(path, { readonly: true, fileMustExist: true });
  try {
    applyKey(raw, key);
    return (raw.prepare('SELECT username FROM users ORDER BY id').all() as { username: string }[]).map((r) => r.username);
  } finally {
    raw.close();
  }
}

describe('backup.run', () => {
  it('writes an encrypted copy in the backup folder, lists it and audits it', () => {
    const { inst, dir, admin } = fresh();
    const b = ok(inst, 'backup.run', {}, admin);
    expect(b.file.startsWith(join(dir, 'backups'))).toBe(true);
    const bytes = readFileSync(b.file);
    expect(b.bytes).toBe(bytes.length);
    expect(bytes.length).toBeGreaterThan(4096);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    for (const needle of ['舞钢市实验小学', '王校长', 'admin', 'audit_log']) expect(bytes.includes(Buffer.from(needle, 'utf8')), needle).toBe(false);
    // It is a real copy: the DB key opens it and the data is there.
    expect(usernamesInFile(b.file, inst.key())).toEqual(['admin']);
    expect(ok(inst, 'backup.list', {}, admin).map((x) => x.file)).toEqual([b.file]);
    expect(ok(inst, 'audit.list', { subject: 'backup' }, admin).entries[0]).toMatchObject({ route: 'backup.run', actor: 'admin' });
    expect(ok(inst, 'dashboard.summary', {}, admin).lastBackupAt).not.toBeNull();
  });

  it('keeps only the newest backupKeep files', () => {
    const { inst, clock, admin } = fresh();
    ok(inst, 'settings.update', { backupKeep: 2 }, admin);
    const made: string[] = [];
    for (let i = 0; i < 4; i++) {
      clock.advance(1);
      made.push(ok(inst, 'backup.run', {}, admin).file);
      expect(ok(inst, 'backup.list', {}, admin)).toHaveLength(Math.min(i + 1, 2));
    }
    expect(ok(inst, 'backup.list', {}, admin).map((b) => b.file)).toEqual([made[3], made[2]]);
    for (const old of made.slice(0, 2)) expect(existsSync(old)).toBe(false);
    // Files in the folder that are not backups are never touched.
    const folder = ok(inst, 'settings.get', {}, admin).backupDir;
    writeFileSync(join(folder, 'notes.txt'), 'keep me');
    clock.advance(1);
    ok(inst, 'backup.run', {}, admin);
    expect(existsSync(join(folder, 'notes.txt'))).toBe(true);
  });

  it('writes to the folder chosen in settings', () => {
    const { inst, admin } = fresh();
    const other = tempDir('educredit-backup-elsewhere-');
    cleanups.push(other.cleanup);
    const folder = join(other.dir, 'nested', 'backups');
    ok(inst, 'settings.update', { backupDir: folder }, admin);
    const b = ok(inst, 'backup.run', {}, admin);
    expect(b.file.startsWith(folder)).toBe(true);
    expect(ok(inst, 'backup.list', {}, admin).map((x) => x.file)).toEqual([b.file]);
  });
});

describe('the daily backup', () => {
  it('runs when there is none, then only once the newest is 24 hours old', () => {
    // Backup ages come from the files' times, so this clock starts at the real time (see the report).
    const { inst, clock } = fresh(new TestClock(Date.now()));
    const first = backupIfDue(inst);
    expect(first).not.toBeNull();
    expect(backupIfDue(inst)).toBeNull();
    clock.advance(23 * 60 + 59);
    expect(backupIfDue(inst)).toBeNull();
    clock.advance(2);
    const second = backupIfDue(inst);
    expect(second).not.toBeNull();
    expect(second!.file).not.toBe(first!.file);
    const again = login(inst, 'admin');
    expect(ok(inst, 'backup.list', {}, again)).toHaveLength(2);
  });
});

describe('backup.restore', () => {
  it('brings back the data of the backup, keeps the current DB aside and ends every session', () => {
    const { inst, clock, dir, admin } = fresh();
    const backup = ok(inst, 'backup.run', {}, admin);
    clock.advance(1);
    ok(inst, 'users.create', { username: 'later', displayName: '后来的人', role: 'auditor', password: PASSWORD }, admin);
    expect(usernames(inst, admin)).toContain('later');

    const { keptAside } = ok(inst, 'backup.restore', { file: backup.file }, admin);
    // Sessions of the old store are gone.
    expect(call(inst, 'auth.me', {}, admin)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    const s = login(inst, 'admin');
    expect(usernames(inst, s)).toEqual(['admin']);
    // The account made after the backup no longer exists, even though its key slot does.
    expect(call(inst, 'auth.login', { username: 'later', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS' } });

    // The previous DB is kept aside, whole, next to the new one.
    expect(existsSync(keptAside)).toBe(true);
    expect(join(keptAside, '..')).toBe(dir);
    expect(basename(keptAside).startsWith(`${DB_FILE_NAME}.before-restore-`)).toBe(true);
    expect(usernamesInFile(keptAside, inst.key())).toEqual(['admin', 'later']);
    // The backup file itself is untouched and still listed; no probe folder is left behind.
    expect(existsSync(backup.file)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('restore-check'))).toEqual([]);

    // The restored store carries an audit entry of the restore (just before this login) and a chain that holds.
    expect(ok(inst, 'audit.list', { limit: 2 }, s).entries.map((e) => e.route)).toEqual(['auth.login', 'backup.restore']);
    expect(ok(inst, 'audit.list', { subject: 'database' }, s).entries[0]).toMatchObject({ route: 'backup.restore', actor: 'admin' });
    expect(ok(inst, 'audit.verify', {}, s).ok).toBe(true);
  });

  it('refuses a garbage file, a non-backup name, a missing file and a backup of another installation, changing nothing', () => {
    const { inst, dir, admin } = fresh();
    const folder = ok(inst, 'settings.get', {}, admin).backupDir;
    mkdirSync(folder, { recursive: true });
    const garbage = join(folder, 'educredit-20261124-080000-000.backup.db');
    writeFileSync(garbage, randomBytes(64 * 1024));
    const wrongName = join(folder, 'educredit.db');
    writeFileSync(wrongName, randomBytes(4096));
    const other = fresh();
    const foreign = ok(other.inst, 'backup.run', {}, other.admin).file;

    const filesBefore = readdirSync(dir).sort();
    const usersBefore = usernames(inst, admin);
    const auditBefore = ok(inst, 'audit.list', {}, admin).total;

    const tries: [string, string][] = [
      [garbage, 'CORRUPT'],
      [foreign, 'CORRUPT'],
      [wrongName, 'NOT_FOUND'],
      [join(folder, 'missing.backup.db'), 'NOT_FOUND'],
    ];
    for (const [file, code] of tries) {
      const r = call(inst, 'backup.restore', { file }, admin);
      expect(r.ok ? null : r.error.code, file).toBe(code);
    }
    // The session survived, the data and the audit log are as they were, no file was moved aside.
    expect(usernames(inst, admin)).toEqual(usersBefore);
    expect(ok(inst, 'audit.list', {}, admin).total).toBe(auditBefore);
    expect(readdirSync(dir).sort()).toEqual(filesBefore);
    expect(existsSync(garbage)).toBe(true);
  });
});

describe('recovery from the error screen', () => {
  it('restores a backup over a damaged DB with an administrator password, keeping the damaged file', () => {
    const { inst, clock, dir, admin } = fresh();
    ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: PASSWORD }, admin);
    const backup = ok(inst, 'backup.run', {}, admin);
    inst.close();
    // Damage the first page of the DB: the next start cannot open it.
    const fd = openSync(join(dir, DB_FILE_NAME), 'r+');
    writeSync(fd, Buffer.alloc(256, 0x5a), 0, 256, 1024);
    closeSync(fd);
    const damaged = new Installation(dir, clock);
    expect(call(damaged, 'auth.login', { username: 'admin', password: PASSWORD })).toMatchObject({ ok: false, error: { code: 'CORRUPT' } });
    expect(ok(damaged, 'system.status', {}).status.state).toBe('error');

    // Names only: the error screen does not tell where the data lives.
    expect(ok(damaged, 'recovery.backups', {}).map((b) => b.file)).toEqual([basename(backup.file)]);
    // A non-administrator may not restore; nothing moves.
    const before = readdirSync(dir).sort();
    expect(call(damaged, 'recovery.restore', { username: 'clerk', password: PASSWORD, file: backup.file })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(readdirSync(dir).sort()).toEqual(before);

    const { keptAside } = ok(damaged, 'recovery.restore', { username: 'admin', password: PASSWORD, file: backup.file });
    expect(existsSync(keptAside)).toBe(true);
    expect(ok(damaged, 'system.status', {}).status.state).not.toBe('error');
    const s = login(damaged, 'admin');
    expect(usernames(damaged, s)).toEqual(['admin', 'clerk']);
  });
});
