// The encrypted store on disk: pragmas, refusing a newer schema, damaged files and lost key files — never changing or deleting what it cannot read.
import { afterAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { DB_FILE_NAME, supportedSchemaVersion } from '../../electron/core/db/open';
import { KEYFILE_NAME } from '../../electron/core/keys/keyfile';
import { LOCK_FILE_NAME } from '../../electron/core/app/folderLock';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

/** A set-up installation with a few more rows than setup gives, closed so its files are at rest. */
function closedInstallation(): string {
  const t = tempDir('educredit-store-');
  cleanups.push(t.cleanup);
  const inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.init', SCHOOL);
  const admin = login(inst, 'admin');
  ok(inst, 'users.create', { username: 'clerk', displayName: '干事', role: 'records_clerk', password: PASSWORD }, admin);
  inst.close();
  return t.dir;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Every data file of the folder with its hash: "nothing changed" means this is equal. The folder lock is rewritten by each program that opens the folder. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).sort()) if (!f.endsWith('-shm') && !f.startsWith(LOCK_FILE_NAME)) out[f] = sha256(join(dir, f));
  return out;
}

function errorCode(r: { ok: true } | { ok: false; error: { code: string } }): string | null {
  return r.ok ? null : r.error.code;
}

describe('the open store', () => {
  it('runs in WAL mode with synchronous=FULL and enforced foreign keys, at the supported schema version', () => {
    const t = tempDir('educredit-store-');
    cleanups.push(t.cleanup);
    const inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.init', SCHOOL);
    const { raw } = inst.open();
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(raw.pragma('user_version', { simple: true })).toBe(supportedSchemaVersion());
    expect(() => raw.prepare("INSERT INTO students (name, gender, student_no, class_id) VALUES ('x', 'male', 'S1', 999)").run()).toThrow(/FOREIGN KEY/);
    // The same holds after a restart and a login.
    inst.close();
    const again = new Installation(t.dir, new TestClock());
    login(again, 'admin');
    const raw2 = again.open().raw;
    expect([raw2.pragma('journal_mode', { simple: true }), raw2.pragma('synchronous', { simple: true }), raw2.pragma('foreign_keys', { simple: true })]).toEqual(['wal', 2, 1]);
    again.close();
    expect(readFileSync(join(t.dir, DB_FILE_NAME)).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
  });
});

describe('a DB from a newer version', () => {
  it('is refused with NEWER_VERSION and left byte for byte as it was', () => {
    const dir = closedInstallation();
    const supported = supportedSchemaVersion();
    {
      const inst = new Installation(dir, new TestClock());
      login(inst, 'admin');
      inst.open().raw.pragma(`user_version = ${supported + 5}`);
      inst.close();
    }
    const before = snapshot(dir);
    const dbHash = sha256(join(dir, DB_FILE_NAME));
    const inst = new Installation(dir, new TestClock());
    const r = call(inst, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'NEWER_VERSION', params: { found: supported + 5, supported } });
    expect(ok(inst, 'system.status', {}).status).toMatchObject({ state: 'error', error: { code: 'NEWER_VERSION' } });
    // Asking again changes nothing either, and the wizard cannot overwrite it.
    expect(errorCode(call(inst, 'auth.login', { username: 'admin', password: PASSWORD }))).toBe('NEWER_VERSION');
    expect(errorCode(call(inst, 'setup.init', SCHOOL))).toBe('ALREADY_INITIALIZED');
    inst.close();
    expect(sha256(join(dir, DB_FILE_NAME))).toBe(dbHash);
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a damaged DB file', () => {
  it('gives CORRUPT on login and the error state, and is neither deleted nor written', () => {
    const dir = closedInstallation();
    const db = join(dir, DB_FILE_NAME);
    // Overwrite bytes inside the first page, past the cipher salt: the page no longer authenticates.
    const fd = openSync(db, 'r+');
    writeSync(fd, Buffer.alloc(256, 0x5a), 0, 256, 1024);
    closeSync(fd);
    const before = snapshot(dir);
    const inst = new Installation(dir, new TestClock());
    const r = call(inst, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(r.ok ? null : r.error.code).toBe('CORRUPT');
    // The detail is for "copy the error": a short SQLite reason, no stack trace.
    expect(r.ok ? '' : (r.error.detail ?? '')).not.toMatch(/\n\s+at /);
    expect(ok(inst, 'system.status', {}).status).toMatchObject({ state: 'error', error: { code: 'CORRUPT' } });
    expect(errorCode(call(inst, 'auth.login', { username: 'admin', password: PASSWORD }))).toBe('CORRUPT');
    // Neither the wizard nor the recovery key can be used to overwrite it.
    expect(errorCode(call(inst, 'setup.init', SCHOOL))).toBe('ALREADY_INITIALIZED');
    expect(existsSync(db)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('a key file of another installation gives CORRUPT too, and changes nothing', () => {
    const dir = closedInstallation();
    const other = closedInstallation();
    copyFileSync(join(other, KEYFILE_NAME), join(dir, KEYFILE_NAME));
    const before = snapshot(dir);
    const inst = new Installation(dir, new TestClock());
    expect(errorCode(call(inst, 'auth.login', { username: 'admin', password: PASSWORD }))).toBe('CORRUPT');
    expect(ok(inst, 'system.status', {}).status.state).toBe('error');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('a DB file without its key file', () => {
  it('is not overwritten by setup: CONFLICT, and the file stays as it was', () => {
    const dir = closedInstallation();
    rmSync(join(dir, KEYFILE_NAME));
    const before = snapshot(dir);
    const inst = new Installation(dir, new TestClock());
    const r = call(inst, 'setup.init', SCHOOL);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'CONFLICT', params: { what: DB_FILE_NAME } });
    expect(errorCode(call(inst, 'setup.demo', { scale: 'school', password: PASSWORD }))).toBe('CONFLICT');
    expect(existsSync(join(dir, KEYFILE_NAME))).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });
});
