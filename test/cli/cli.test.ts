// CLI tests (vitest): the real bin in child processes against fresh data folders.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { login, ok, PASSWORD, tempDir, addAccount } from '../support/installation';
import { cli, oneLine } from './run';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function folder(): string {
  const t = tempDir('educredit-cli-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const work = folder();
const passwordFile = join(work, 'password.txt');
writeFileSync(passwordFile, `${PASSWORD}\r\n`);

const RECOVERY_KEY = /^ {4}([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/m;

function initArgs(dataDir: string, uscc = '91350100M000100Y43'): string[] {
  return ['init', '--data-dir', dataDir, '--mode', 'school', '--name', '舞钢市实验小学', '--uscc', uscc, '--admin', 'admin', '--admin-name', '王校长'];
}

function statsJson(dataDir: string): Record<string, number> {
  const r = cli(['stats', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile, '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(r.stdout) as Record<string, number>;
}

describe('an installation made by init', () => {
  const dataDir = join(folder(), 'school');
  let initOut = '';

  beforeAll(() => {
    const r = cli([...initArgs(dataDir), '--password-file', passwordFile]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    initOut = r.stdout;
  });

  it('prints the recovery key with a warning that it is shown once', () => {
    expect(initOut).toMatch(RECOVERY_KEY);
    expect(initOut).toContain('只显示这一次');
    expect(initOut).toContain('91350100M000100Y43');
  });

  it('passes doctor, and the audit log shows the CLI logging in and out', () => {
    const r = cli(['doctor', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.match(/^ok {4}/gm)).toHaveLength(4);
    expect(r.stdout).not.toContain('FAIL');

    const inst = new Installation(dataDir);
    try {
      const session = login(inst, 'admin');
      const routes = ok(inst, 'audit.list', { actor: 'admin' }, session).entries.map((e) => e.route);
      // Newest first: this login, then the CLI's logout and login around doctor.
      expect(routes.slice(0, 3)).toEqual(['auth.login', 'auth.logout', 'auth.login']);
    } finally {
      inst.close();
    }
  });

  it('reads the password from stdin, with or without --password-file -', () => {
    const bare = cli(['stats', '--data-dir', dataDir, '--user', 'admin', '--json'], { input: `${PASSWORD}\n` });
    expect(bare.stderr).toBe('');
    expect(JSON.parse(bare.stdout)).toMatchObject({ users: 1, teachers: 0 });
    const dash = cli(['stats', '--data-dir', dataDir, '--user', 'admin', '--password-file', '-'], { input: `${PASSWORD}\n` });
    expect(dash.status).toBe(0);
    expect(dash.stdout).toContain('舞钢市实验小学');
    expect(dash.stdout).toMatch(/账户\s+1\n/);
  });

  it('refuses a wrong password with exit 1 and one line', () => {
    const r = cli(['stats', '--data-dir', dataDir, '--user', 'admin', '--json'], { input: 'wrong-password\n' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(oneLine(r.stderr)).toContain('用户名或密码不正确');
    const en = cli(['stats', '--data-dir', dataDir, '--user', 'admin'], { input: 'wrong-password\n', env: { EDUCREDIT_LANG: 'en' } });
    expect(oneLine(en.stderr)).toMatch(/^edu-credit: Wrong user name or password\. After 3 more failures/);
  });

  it('lets an auditor run doctor but not a teacher', () => {
    const inst = new Installation(dataDir);
    try {
      const admin = login(inst, 'admin');
      addAccount(inst, admin, { username: 'auditor1', displayName: '审计员', role: 'auditor', password: PASSWORD });
      const t = ok(inst, 'teachers.create', { name: '李老师', gender: 'female', idNumber: '11010519491231002X', staffNo: 'T0001', subject: '语文', title: '一级教师', hireDate: '2010-09-01' }, admin);
      addAccount(inst, admin, { username: 'teacher1', displayName: '李老师', role: 'teacher', password: PASSWORD, teacherId: t.id });
    } finally {
      inst.close();
    }
    expect(cli(['doctor', '--data-dir', dataDir, '--user', 'auditor1', '--password-file', passwordFile]).status).toBe(0);
    const teacher = cli(['doctor', '--data-dir', dataDir, '--user', 'teacher1', '--password-file', passwordFile]);
    expect(teacher.status).toBe(1);
    expect(oneLine(teacher.stderr)).toContain('无权');
  });

  it('cannot be initialised twice', () => {
    const r = cli([...initArgs(dataDir), '--password-file', passwordFile]);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toContain('不能再次初始化');
  });
});

describe('init', () => {
  it('refuses a wrong USCC with one line naming the wrong character, and writes nothing', () => {
    const dataDir = join(folder(), 'bad');
    const r = cli([...initArgs(dataDir, '91350100M000100Y44'), '--password-file', passwordFile]);
    expect(r.status).not.toBe(0);
    const line = oneLine(r.stderr);
    expect(line).toContain('第 18 位');
    expect(line).toContain('“3”');
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('reads a new password from stdin and names the flag of a too-short one', () => {
    const dataDir = join(folder(), 'stdin');
    const short = cli(initArgs(dataDir), { input: 'short\n' });
    expect(short.status).toBe(1);
    expect(oneLine(short.stderr)).toContain('--password-file');
    const r = cli(initArgs(dataDir), { input: `${PASSWORD}\n` });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(RECOVERY_KEY);
  });
});

describe('demo', () => {
  it('builds a school that stats counts', () => {
    const dataDir = join(folder(), 'demo-school');
    const r = cli(['demo', '--data-dir', dataDir, '--scale', 'school', '--password-file', passwordFile]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(RECOVERY_KEY);
    expect(r.stdout).toMatch(/admin/);
    const counts = statsJson(dataDir);
    expect(Object.keys(counts)).toEqual(expect.arrayContaining(['teachers', 'students', 'classes', 'institutions', 'users', 'auditEntries']));
    expect(counts.teachers).toBeGreaterThanOrEqual(120);
    expect(counts.students).toBeGreaterThanOrEqual(2000);
  });

  it('builds a bureau with institutions', () => {
    const dataDir = join(folder(), 'demo-bureau');
    const r = cli(['demo', '--data-dir', dataDir, '--scale', 'bureau', '--password-file', passwordFile, '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ username: 'admin', mode: 'bureau' });
    expect(statsJson(dataDir).institutions).toBeGreaterThan(0);
  });
});

describe('doctor', () => {
  it('names the first broken link after an audit row is changed with raw SQL', () => {
    const dataDir = join(folder(), 'tampered');
    const inst = new Installation(dataDir);
    try {
      ok(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
      login(inst, 'admin');
      inst.open().raw.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run();
    } finally {
      inst.close();
    }
    const r = cli(['doctor', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^FAIL {2}审计链: .*seq 1/m);
    expect(r.stdout.match(/^ok {4}/gm)).toHaveLength(3);
    expect(oneLine(r.stderr)).toContain('1 项检查未通过');
    const json = cli(['doctor', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, checks: expect.arrayContaining([expect.objectContaining({ id: 'auditChain', ok: false, firstBrokenSeq: 1 })]) });
  });

  it('says a missing data folder is not set up, and does not create it', () => {
    const dataDir = join(folder(), 'nowhere');
    const r = cli(['doctor', '--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile]);
    expect(r.status).toBe(1);
    expect(oneLine(r.stderr)).toContain('尚未完成初始设置');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('command line', () => {
  it('prints usage in both languages, from any working directory', () => {
    const r = cli(['--help'], { cwd: tmpdir() });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('用法 / Usage');
    expect(r.stdout).toContain('set up a new school or bureau installation');
    expect(cli([], { cwd: tmpdir() }).stdout).toContain('edu-credit init');
  });

  it('refuses unknown flags, a password on argv and unknown commands with exit 2 and one line', () => {
    const flag = cli(['stats', '--data-dir', work, '--user', 'admin', '--password', PASSWORD]);
    expect(flag.status).toBe(2);
    expect(oneLine(flag.stderr)).toContain('--password');
    const command = cli(['frobnicate', '--lang', 'en']);
    expect(command.status).toBe(2);
    expect(oneLine(command.stderr)).toContain('Unknown command "frobnicate"');
  });
});
