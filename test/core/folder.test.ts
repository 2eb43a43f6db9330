// One program per data folder, a key file never written back stale, and a setup killed midway:
// real processes on real folders.
import { afterAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { DB_FILE_NAME } from '../../electron/core/db/open';
import { KEYFILE_NAME, KeyStore } from '../../electron/core/keys/keyfile';
import { createUser } from '../../electron/core/auth/service';
import { BIN, cli, oneLine, ROOT } from '../cli/run';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const SCHOOL = { mode: 'school' as const, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } };

function folder(): string {
  const t = tempDir('educredit-folder-');
  cleanups.push(t.cleanup);
  return t.dir;
}

/** The password for the command line, in a folder of its own so the data folder holds only data. */
function passwordFile(): string {
  const file = join(folder(), 'pw.txt');
  writeFileSync(file, `${PASSWORD}\n`);
  return file;
}

describe('a data folder in use', () => {
  it('is refused to a second Installation in the same process until the first closes', () => {
    const dir = folder();
    const first = new Installation(dir, new TestClock());
    ok(first, 'setup.init', SCHOOL);
    const second = new Installation(dir, new TestClock());
    expect(ok(second, 'system.status', {}).status).toMatchObject({ state: 'error', error: { code: 'IN_USE' } });
    const r = call(second, 'auth.login', { username: 'admin', password: PASSWORD });
    expect(r.ok ? null : r.error.code).toBe('IN_USE');
    first.close();
    // The other program has gone: the same object now opens the folder.
    expect(ok(second, 'system.status', {}).status).toEqual({ state: 'locked', mode: 'school' });
    expect(login(second, 'admin')).toBeTruthy();
    second.close();
  });

  it('is refused to the command line with one clear line while the app holds it, and nothing is written', () => {
    const dir = folder();
    const pw = passwordFile();
    const app = new Installation(dir, new TestClock());
    ok(app, 'setup.init', SCHOOL);
    login(app, 'admin');
    const keysBefore = readFileSync(join(dir, KEYFILE_NAME), 'utf8');
    const auditBefore = (app.open().raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
    const r = cli(['stats', '--data-dir', dir, '--user', 'admin', '--password-file', pw, '--json']);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toContain('正被另一个教体信用程序使用');
    const en = cli(['stats', '--data-dir', dir, '--user', 'admin', '--password-file', pw], { env: { EDUCREDIT_LANG: 'en' } });
    expect(oneLine(en.stderr)).toContain('in use by another EduCredit program');
    expect(readFileSync(join(dir, KEYFILE_NAME), 'utf8')).toBe(keysBefore);
    expect((app.open().raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(auditBefore);
    app.close();
    expect(cli(['stats', '--data-dir', dir, '--user', 'admin', '--password-file', pw, '--json']).status).toBe(0);
  });

  it('is free again when the program holding it is killed', async () => {
    const dir = folder();
    const setup = new Installation(dir, new TestClock());
    ok(setup, 'setup.init', SCHOOL);
    setup.close();
    // A child process takes the folder and is killed without any chance to let go.
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      const { Installation } = await import(${JSON.stringify(join(ROOT, 'electron/core/app/installation.ts'))});
      new Installation(${JSON.stringify(dir)});
      console.log('holding');
      setInterval(() => {}, 1000);
    `], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve()));
    const meanwhile = new Installation(dir, new TestClock());
    expect(ok(meanwhile, 'system.status', {}).status).toMatchObject({ state: 'error', error: { code: 'IN_USE' } });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(ok(meanwhile, 'system.status', {}).status.state).toBe('locked');
    meanwhile.close();
  });
});

describe('the key file', () => {
  it('is read again before every write, so a stale copy never undoes a change made since', () => {
    const dir = folder();
    const inst = new Installation(dir, new TestClock());
    ok(inst, 'setup.init', SCHOOL);
    const key = inst.key();
    inst.close();
    // Two views of the same file, as a long-running program and a later change would have.
    const stale = KeyStore.load(dir);
    const current = KeyStore.load(dir);
    current.setSlot('clerk', 'clerk-pass-1', key);
    current.setSlot('admin', 'reset-by-admin-2', key);
    // The stale view counts a failed login: it must write that onto the file as it is now.
    const r = stale.unlock('admin', 'wrong-password', Date.now());
    expect(r.ok).toBe(false);
    const after = KeyStore.load(dir);
    expect(after.hasSlot('clerk')).toBe(true);
    expect(after.unlock('admin', 'reset-by-admin-2', Date.now()).ok).toBe(true);
    expect(after.unlock('admin', PASSWORD, Date.now()).ok).toBe(false);
  });
});

describe('a setup killed midway', () => {
  it('leaves a folder the next start recognises, clears and sets up again, with the wizard told', async () => {
    const dir = folder();
    const pw = passwordFile();
    // The school demo takes seconds inside one transaction: kill it once its DB exists.
    const child = spawn(process.execPath, [BIN, 'demo', '--data-dir', dir, '--scale', 'school', '--password-file', pw], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (!existsSync(join(dir, DB_FILE_NAME))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, KEYFILE_NAME)), 'the demo finished before it could be killed').toBe(false);
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(true);

    const inst = new Installation(dir, new TestClock());
    expect(ok(inst, 'system.status', {}).status).toEqual({ state: 'new', setupInterrupted: true });
    expect(existsSync(join(dir, DB_FILE_NAME))).toBe(false);
    ok(inst, 'setup.init', SCHOOL);
    expect(ok(inst, 'system.status', {}).status).toEqual({ state: 'open', mode: 'school' });
    inst.close();
    const again = new Installation(dir, new TestClock());
    expect(ok(again, 'system.status', {}).status).toEqual({ state: 'locked', mode: 'school' });
    expect(login(again, 'admin')).toBeTruthy();
    again.close();
  });

  it('never leaves a key file with only some of the first accounts: the slots are written together, or not at all', () => {
    const dir = folder();
    const inst = new Installation(dir, new TestClock());
    // Dying between two accounts' slot writes, as a process killed at that moment would.
    expect(() =>
      inst.create('school', () => {
        createUser(inst, { username: 'admin', displayName: '管理员', role: 'school_admin', password: PASSWORD });
        createUser(inst, { username: 'clerk', displayName: '干事', role: 'records_clerk', password: PASSWORD });
        inst.afterCommit(() => {
          throw new Error('killed between two slot writes');
        });
        createUser(inst, { username: 'auditor', displayName: '审计', role: 'auditor', password: PASSWORD });
        return { actor: 'admin', route: 'setup.init', subject: 'installation', diff: null };
      }),
    ).toThrow('killed between two slot writes');
    expect(existsSync(join(dir, KEYFILE_NAME))).toBe(false);
    inst.close();
    // A finished setup's key file holds every account made with it.
    const done = new Installation(dir, new TestClock());
    ok(done, 'setup.demo', { scale: 'school', password: PASSWORD });
    done.close();
    const keys = KeyStore.load(dir);
    for (const name of ['admin', 'clerk', 'auditor', 'T0001']) expect(keys.hasSlot(name), name).toBe(true);
  });

  it('lets the command line start again after a killed demo, to a demo that works', async () => {
    const dir = folder();
    const pw = passwordFile();
    const child = spawn(process.execPath, [BIN, 'demo', '--data-dir', dir, '--scale', 'school', '--password-file', pw], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    while (!existsSync(join(dir, DB_FILE_NAME))) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(join(dir, KEYFILE_NAME))).toBe(false);
    const r = cli(['demo', '--data-dir', dir, '--scale', 'school', '--password-file', pw]);
    expect(r.status, r.stderr).toBe(0);
    expect(cli(['doctor', '--data-dir', dir, '--user', 'admin', '--password-file', pw]).status).toBe(0);
  });
});
