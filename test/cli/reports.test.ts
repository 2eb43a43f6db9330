// CLI report commands (vitest): `report batch` and `verify-report` through the real bin, and a
// batch killed with SIGKILL and run again on a demo school: one report per teacher, no file left
// in the evidence store that no committed row names, the confirmed PDF for a confirmed teacher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { login, ok, PASSWORD, tempDir } from '../support/installation';
import { BIN, cli, ROOT, type CliRun } from './run';

const t = tempDir('educredit-cli-reports-');
afterAll(() => t.cleanup());
const dataDir = join(t.dir, 'school');
const out = join(t.dir, 'reports');
const passwordFile = join(t.dir, 'password.txt');
const login$ = ['--data-dir', dataDir, '--user', 'admin', '--password-file', passwordFile];

beforeAll(() => {
  writeFileSync(passwordFile, `${PASSWORD}\n`);
  expect(cli(['init', '--data-dir', dataDir, '--mode', 'school', '--name', '舞钢市实验小学', '--uscc', '91350100M000100Y43', '--admin', 'admin', '--password-file', passwordFile]).status).toBe(0);
  const inst = new Installation(dataDir);
  try {
    const admin = login(inst, 'admin');
    ['张伟', '李娜', '王芳'].forEach((name, i) => {
      ok(inst, 'teachers.create', { name, gender: i === 0 ? 'male' : 'female', idNumber: makeIdNumber('410481', '19850312', i === 0 ? '011' : `01${2 * i}`), staffNo: `T00${i + 1}`, subject: '数学', title: '一级教师', hireDate: '2010-09-01' }, admin);
    });
  } finally {
    inst.close();
  }
});

describe('report batch', () => {
  it('writes one PDF per active teacher and says where', () => {
    const year = String(new Date().getFullYear());
    const r = cli(['report', 'batch', ...login$, '--year', year, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`已保存 3 份 ${year} 年度教师信用报告`);
    const files = readdirSync(out).filter((f) => f.endsWith('.pdf')).sort();
    expect(files).toHaveLength(3);
    expect(files[0]).toMatch(/^T001-张伟-91350100M000100Y43-\d{4}-0001\.pdf$/);
  });

  it('refuses a year in the future and a malformed one', () => {
    expect(cli(['report', 'batch', ...login$, '--year', '2999', '--out', out]).status).toBe(1);
    expect(cli(['report', 'batch', ...login$, '--year', '26', '--out', out]).status).toBe(2);
  });
});

describe('verify-report', () => {
  it('says unconfirmed for a genuine report (exit 3) and tampered after a one-byte change (exit 1)', () => {
    const file = join(out, readdirSync(out).filter((f) => f.endsWith('.pdf')).sort()[1]!);
    const good = cli(['verify-report', ...login$, file]);
    expect(good.status).toBe(3);
    expect(good.stdout).toContain('未确认');
    expect(good.stdout).toContain('李娜');
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 3);
    bytes[at] = bytes[at]! ^ 0x20;
    const bad = join(t.dir, 'edited.pdf');
    writeFileSync(bad, bytes);
    const r = cli(['verify-report', ...login$, '--lang', 'en', bad]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('tampered');
    expect(r.stdout).toMatch(/one byte|content was changed/);
    const foreign = join(t.dir, 'foreign.pdf');
    writeFileSync(foreign, '%PDF-1.4\n% a PDF from elsewhere\n%%EOF');
    const other = cli(['verify-report', ...login$, foreign]);
    expect(other.status).toBe(1);
    expect(other.stdout).toContain('不是教体信用报告');
  });
});

/** The environment `cli` gives the bin: the caller's language and debug settings left out. */
function cliEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.EDUCREDIT_LANG;
  delete env.EDUCREDIT_DEBUG;
  return env;
}

/** The real bin without `cli`'s 30-second cap: a whole demo school's batch takes longer on a busy machine. */
function cliLong(args: string[]): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

function pdfsIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith('.pdf')) : [];
}

/**
 * A process killed between writing a stored PDF and committing the row that names it: a child
 * opens the folder, writes the file inside a transaction and sends itself SIGKILL before the commit.
 */
function killInsideWrite(dataDir: string, pdf: Buffer): void {
  const mod = (path: string): string => JSON.stringify(pathToFileURL(join(ROOT, path)).href);
  const code = `
    const { Installation } = await import(${mod('electron/core/app/installation.ts')});
    const { dispatch } = await import(${mod('electron/core/api.ts')});
    const { putEvidence } = await import(${mod('electron/core/evidence/store.ts')});
    const inst = new Installation(process.env.DATA_DIR);
    if (!dispatch(inst, { route: 'auth.login', input: { username: 'admin', password: process.env.PASSWORD } }).ok) process.exit(2);
    inst.write(() => ({ actor: 'admin', route: 'reports.generate', subject: 'teacher:1', diff: null }), () => {
      putEvidence(inst, 'report.pdf', process.env.PDF);
      process.kill(process.pid, 'SIGKILL');
    });`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
    cwd: ROOT,
    env: { ...cliEnv(), DATA_DIR: dataDir, PASSWORD, PDF: pdf.toString('base64') },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(r.signal, r.stderr).toBe('SIGKILL');
}

/** Opens the folder only while no bin runs on it, and always lets go of it again. */
async function withFolder<T>(dataDir: string, work: (inst: Installation, admin: string) => Promise<T> | T): Promise<T> {
  const inst = new Installation(dataDir);
  try {
    return await work(inst, login(inst, 'admin'));
  } finally {
    inst.close();
  }
}

describe('report batch killed and run again (demo school)', () => {
  const demoDir = join(t.dir, 'demo');
  const demoOut = join(t.dir, 'demo-reports');
  const demoLogin = ['--data-dir', demoDir, '--user', 'admin', '--password-file', passwordFile];
  const year = new Date().getFullYear();
  const batch = ['report', 'batch', ...demoLogin, '--year', String(year), '--out', demoOut];
  const orphan = Buffer.from('%PDF-1.4\n% a stored report whose row never committed\n%%EOF');

  /** Every check of a folder after a batch: one report per active teacher, each in the folder, nothing orphaned. */
  function checkFolder(inst: Installation, admin: string): { reports: number; numbers: Map<string, string> } {
    const raw = inst.open().raw;
    const active = (raw.prepare("SELECT id FROM teachers WHERE status = 'active' ORDER BY id").all() as { id: number }[]).map((r) => r.id);
    const perTeacher = raw.prepare('SELECT teacher_id AS teacherId, count(*) AS n FROM reports WHERE year = ? GROUP BY teacher_id ORDER BY teacher_id').all(year) as { teacherId: number; n: number }[];
    expect(perTeacher.map((r) => r.teacherId)).toEqual(active);
    expect(perTeacher.filter((r) => r.n !== 1)).toEqual([]);

    const root = join(demoDir, 'evidence');
    const onDisk = readdirSync(root).filter((d) => /^[0-9a-f]{2}$/.test(d)).flatMap((d) => readdirSync(join(root, d)));
    const referenced = new Set((raw.prepare('SELECT sha256 FROM evidence_files UNION SELECT sha256 FROM report_files').all() as { sha256: string }[]).map((r) => r.sha256));
    expect(onDisk.filter((f) => !referenced.has(f))).toEqual([]);
    expect(existsSync(join(root, 'pending')) ? readdirSync(join(root, 'pending')) : []).toEqual([]);

    const files = pdfsIn(demoOut);
    expect(files).toHaveLength(active.length);
    // File name → verification status, for the caller to look up a teacher's file.
    const numbers = new Map<string, string>();
    for (const f of files) {
      const v = ok(inst, 'reports.verify', { fileName: f, dataBase64: readFileSync(join(demoOut, f)).toString('base64') }, admin);
      expect(v.status, f).not.toBe('tampered');
      numbers.set(v.number!, v.status);
    }
    expect(numbers.size).toBe(active.length);
    return { reports: perTeacher.length, numbers };
  }

  it('makes exactly one report per active teacher and leaves no orphan file', async () => {
    expect(cli(['demo', '--data-dir', demoDir, '--scale', 'school', '--password-file', passwordFile]).status).toBe(0);
    const first = spawn(process.execPath, [BIN, ...batch], { cwd: ROOT, env: cliEnv(), stdio: 'ignore' });
    const exited = new Promise((r) => first.on('exit', r));
    for (let i = 0; i < 1200 && pdfsIn(demoOut).length < 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(pdfsIn(demoOut).length).toBeGreaterThanOrEqual(5);
    first.kill('SIGKILL');
    await exited;
    const written = pdfsIn(demoOut).length;
    killInsideWrite(demoDir, orphan);
    const orphanSha = createHash('sha256').update(orphan).digest('hex');
    const orphanPath = join(demoDir, 'evidence', orphanSha.slice(0, 2), orphanSha);
    expect(existsSync(orphanPath)).toBe(true);

    const again = await cliLong(batch);
    expect(again.status, again.stderr).toBe(0);
    await withFolder(demoDir, (inst, admin) => {
      const { numbers } = checkFolder(inst, admin);
      expect([...numbers.values()].every((s) => s === 'unconfirmed')).toBe(true);
    });
    expect(existsSync(orphanPath)).toBe(false);
    // The reports the killed run committed were written out again, not made anew, and the bin says so.
    expect(again.stdout).toMatch(/^已保存 1\d\d 份/);
    const reused = Number(/其中 (\d+) 份此前已出具且内容未变/.exec(again.stdout)?.[1]);
    expect(reused).toBeGreaterThanOrEqual(written);
  }, 240_000);

  it('after a teacher confirmed, run again writes the confirmed PDF and makes no report', async () => {
    const confirmed = await withFolder(demoDir, async (inst) => {
      const teacher = login(inst, 'T0001');
      const [mine] = ok(inst, 'reports.list', {}, teacher);
      const r = await dispatchAsync(inst, { route: 'reports.confirm', input: { reportId: mine!.id, password: PASSWORD }, session: teacher });
      expect(r.ok).toBe(true);
      return mine!.number;
    });
    const rows = await withFolder(demoDir, (inst) => (inst.open().raw.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n);

    const again = await cliLong(batch);
    expect(again.status, again.stderr).toBe(0);
    await withFolder(demoDir, (inst, admin) => {
      expect((inst.open().raw.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n).toBe(rows);
      const { numbers } = checkFolder(inst, admin);
      expect(numbers.get(confirmed)).toBe('confirmed');
      expect([...numbers.values()].filter((s) => s === 'confirmed')).toHaveLength(1);
    });
    const total = Number(/^已保存 (\d+) 份/.exec(again.stdout)?.[1]);
    expect(again.stdout).toContain(`其中 ${total} 份此前已出具且内容未变`);
    const file = pdfsIn(demoOut).find((f) => f.includes(confirmed))!;
    const verified = cli(['verify-report', ...demoLogin, join(demoOut, file)]);
    expect(verified.status, verified.stdout).toBe(0);
    expect(verified.stdout).toContain('已确认');
  }, 240_000);
});
