// CLI `grade` (vitest): the real bin grades a bureau's hand-made data through the API — the counts
// it prints (table or JSON, both languages) are the API's, each run is audited, an inspector is
// refused, and a school installation is refused plainly before any password is read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import dayjs from 'dayjs';
import { Installation } from '../../electron/core/app/installation';
import { DEMO_ORG } from '../../electron/core/handlers';
import type { GradeCounts } from '../../shared/api/routes/grading';
import { login, ok, PASSWORD, tempDir, addAccount } from '../support/installation';
import { buildHandGrading } from '../core/samples/grading';
import { displayWidth } from '../../electron/cli/table';
import { cli, oneLine } from './run';

const t = tempDir('educredit-cli-grade-');
afterAll(() => t.cleanup());
const pw = join(t.dir, 'password.txt');
writeFileSync(pw, `${PASSWORD}\n`);
const bureau = join(t.dir, 'bureau');
const as = (user: string): string[] => ['--data-dir', bureau, '--user', user, '--password-file', pw];

/** The counts as the API gives them on this machine's clock, worked out before the CLI runs. */
let expected: GradeCounts;

beforeAll(() => {
  const inst = new Installation(bureau);
  ok(inst, 'setup.init', { mode: 'bureau', orgName: DEMO_ORG.bureau.name, uscc: DEMO_ORG.bureau.uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
  const admin = login(inst, 'admin');
  addAccount(inst, admin, { username: 'inspector', displayName: '督导员', role: 'bureau_inspector', password: PASSWORD });
  buildHandGrading(inst);
  expected = ok(inst, 'grading.subjects', { limit: 1 }, admin).counts;
  inst.close();
});

describe('edu-credit grade', () => {
  it('prints the counts as one JSON object with --json, as the API counts them', () => {
    const r = cli(['grade', ...as('admin'), '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out).toEqual({ rulesVersion: 1, asOf: dayjs().format('YYYY-MM-DD'), counts: expected, total: 11, ms: expect.any(Number), runId: 1 });
  });

  it('prints a table by kind and grade, in Chinese or English', () => {
    const zh = cli(['grade', ...as('admin')]);
    expect(zh.status, zh.stderr).toBe(0);
    const lines = zh.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^信用分级（第 1 版规则，按 \d{4}年\d{1,2}月\d{1,2}日 的数据）$/);
    expect(lines[1]).toMatch(/^\s+主体类别\s+A 守信\s+B 基本守信\s+C 失信\s+D 严重失信\s+合计$/);
    const row = (label: string): number[] => lines.find((l) => l.trim().startsWith(label))!.trim().split(/\s+/).slice(1).map(Number);
    const { institution: i, practitioner: p, teacher: tc } = expected;
    expect(row('机构')).toEqual([i.A, i.B, i.C, i.D, 4]);
    expect(row('从业人员')).toEqual([p.A, p.B, p.C, p.D, 2]);
    expect(row('教师')).toEqual([tc.A, tc.B, tc.C, tc.D, 5]);
    expect(row('合计')).toEqual([i.A + p.A + tc.A, i.B + p.B + tc.B, i.C + p.C + tc.C, i.D + p.D + tc.D, 11]);
    expect(lines.at(-1)).toMatch(/^用时 \d+ 毫秒；已记入审计日志（分级记录 #2）。$/);
    // Columns line up under their headers (right-aligned numbers, Chinese characters counting two).
    const table = lines.slice(1, -1);
    expect(new Set(table.map(displayWidth)).size).toBe(1);
    const en = cli(['grade', ...as('admin'), '--lang', 'en']);
    expect(en.status, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^Credit grading \(rules version 1, data as of \d{1,2} [A-Z][a-z]{2} \d{4}\)\n/);
    expect(en.stdout).toMatch(/\n\s+Teachers\s+\d+\s+\d+\s+\d+\s+\d+\s+5\n/);
    expect(en.stdout).toContain('A trustworthy · B basically trustworthy · C untrustworthy · D seriously untrustworthy');
    expect(en.stdout).toContain('grading run #3');
  });

  it('is audited once per run, with the admin as actor', () => {
    const inst = new Installation(bureau);
    login(inst, 'admin');
    const runs = inst.open().raw.prepare("SELECT actor, subject FROM audit_log WHERE route = 'grading.run' ORDER BY seq").all();
    inst.close();
    expect(runs).toEqual([1, 2, 3].map((id) => ({ actor: 'admin', subject: `grading_run:${id}` })));
  });

  it('refuses an inspector in one line, and a school installation before any password', () => {
    const inspector = cli(['grade', ...as('inspector')]);
    expect(inspector.status).toBe(1);
    expect(oneLine(inspector.stderr)).toMatch(/^edu-credit: /);
    expect(inspector.stdout).toBe('');

    const school = join(t.dir, 'school');
    const init = cli(['init', '--data-dir', school, '--mode', 'school', '--name', '舞钢市实验小学', '--uscc', '91350100M000100Y43', '--admin', 'admin', '--password-file', pw]);
    expect(init.status, init.stderr).toBe(0);
    // No --password-file and nothing on stdin: refused before a password would be read.
    const refused = cli(['grade', '--data-dir', school, '--user', 'admin']);
    expect(refused.status).toBe(1);
    expect(oneLine(refused.stderr)).toBe('edu-credit: grade 只能在教体局的安装上运行：这是学校的安装。学校不做信用分级，教师数据通过数据包报送教体局后由教体局评级。');
    const refusedEn = cli(['grade', '--data-dir', school, '--user', 'admin', '--lang', 'en']);
    expect(oneLine(refusedEn.stderr)).toContain('grade runs only on a bureau installation');
  });

  it('names a missing option', () => {
    const r = cli(['grade', '--user', 'admin']);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toContain('--data-dir');
  });
});
