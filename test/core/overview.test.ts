// The bureau's overview: counts by grade, list and state, the twelve-month trend and the week's
// deadlines, over a demo bureau whose supervision tables get rows of known dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { addBureauRecord } from '../../electron/core/credit/bureauRecords';
import type { RouteOutput } from '../../shared/api/contract';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

/** The demo's first private school and first training institution (ids follow the demo's order). */
let privateId = 0;
let trainingId = 0;
let inst: Installation;
let overview: RouteOutput<'overview.bureau'>;

beforeAll(() => {
  const t = tempDir('educredit-overview-');
  cleanups.push(t.cleanup);
  // Today is 2026-11-24.
  inst = new Installation(t.dir, new TestClock());
  ok(inst, 'setup.demo', { scale: 'bureau', password: PASSWORD });
  const raw = inst.open().raw;
  const id = (kind: string): number => (raw.prepare('SELECT min(id) AS id FROM institutions WHERE kind = ?').get(kind) as { id: number }).id;
  privateId = id('private_school');
  trainingId = id('training');
  const admin = (raw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  const name = (i: number): string => (raw.prepare('SELECT name FROM institutions WHERE id = ?').get(i) as { name: string }).name;
  // Start from empty supervision tables: the demo's own supervision content is not what this test counts.
  for (const table of ['case_events', 'decision_applicants', 'decision_rounds', 'inspections', 'draws', 'inspection_plans', 'list_entries', 'negative_cases', 'enforcement_decisions', 'grading_runs']) raw.prepare(`DELETE FROM ${table}`).run();
  const institutional = "SELECT id FROM credit_records WHERE subject_kind IN ('public_school', 'private_school', 'training', 'practitioner')";
  for (const table of ['record_evidence', 'objections', 'repairs']) raw.prepare(`DELETE FROM ${table} WHERE record_id IN (${institutional})`).run();
  raw.prepare(`DELETE FROM credit_records WHERE id IN (${institutional})`).run();
  raw.prepare("UPDATE institutions SET licence_valid_until = '2030-01-01' WHERE licence_valid_until IS NOT NULL").run();
  const now = '2026-11-24T08:00:00.000Z';
  const kase = raw.prepare(
    `INSERT INTO negative_cases (number, institution_id, matter, facts, opened_on, state, notice_number, notice_deadline, created_by, created_at) VALUES (?, ?, '超范围招生', '事实', ?, ?, ?, ?, ?, ?)`,
  );
  kase.run('FQ-1', privateId, '2026-03-10', 'notice_issued', '整改〔2026〕1号', '2026-11-20', admin, now);
  kase.run('FQ-2', privateId, '2026-10-02', 'notice_issued', '整改〔2026〕2号', '2026-11-28', admin, now);
  kase.run('FQ-3', privateId, '2026-10-15', 'notice_issued', '整改〔2026〕3号', '2026-12-20', admin, now);
  kase.run('FQ-4', privateId, '2026-10-20', 'key_monitoring', null, null, admin, now);
  kase.run('FQ-5', privateId, '2025-11-01', 'closed', null, null, admin, now);
  const entry = raw.prepare(
    `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, start_on, end_on) VALUES (?, 'institution', ?, ?, 'manual', '理由', ?, ?, ?, ?, ?, ?, ?)`,
  );
  entry.run('key_monitoring', String(privateId), name(privateId), admin, now, 'approved', admin, now, '2026-10-20', '2029-10-19');
  entry.run('white', String(trainingId), name(trainingId), admin, now, 'approved', admin, now, '2025-12-01', '2026-11-30');
  entry.run('red', String(trainingId), name(trainingId), admin, now, 'proposed', null, null, '2026-12-01', '2027-11-30');
  raw.prepare("UPDATE institutions SET licence_valid_until = '2026-11-27', licence_no = '教民-1' WHERE id = ?").run(trainingId);
  const plan = Number(raw.prepare("INSERT INTO inspection_plans (title, kind, period_from, period_to, created_by, created_at) VALUES ('2026 年秋季抽查', 'spot', '2026-09-01', '2026-12-31', ?, ?)").run(admin, now).lastInsertRowid);
  const insp = raw.prepare(`INSERT INTO inspections (plan_id, institution_id, inspectors, due_on, state, done_on, result, created_at) VALUES (?, ?, '[]', ?, ?, ?, ?, ?)`);
  insp.run(plan, trainingId, '2026-11-22', 'planned', null, null, now);
  insp.run(plan, trainingId, '2027-01-10', 'planned', null, null, now);
  insp.run(plan, privateId, '2026-10-01', 'done', '2026-10-08', 'problems', now);
  insp.run(plan, privateId, '2025-06-01', 'done', '2025-06-03', 'pass', now);
  // A serious inspection result makes the training institution D by its own records, too.
  addBureauRecord(inst, { subjectKind: 'training', subjectId: trainingId, code: 'I-PN3', occurredOn: '2026-09-01', description: '责令停止招生', authorId: admin, source: 'manual' });
  overview = ok(inst, 'overview.bureau', {}, login(inst, 'inspector'));
});

describe('the bureau overview', () => {
  it('counts institutions by kind and grade, live, with list caps and serious records', () => {
    const byKind = Object.fromEntries(overview.grades.map((g) => [g.kind, g]));
    const raw = inst.open().raw;
    const total = (kind: string): number => (raw.prepare('SELECT count(*) AS n FROM institutions WHERE kind = ?').get(kind) as { n: number }).n;
    // Every public school has no record: 100 points, B.
    expect(byKind.public_school).toEqual({ kind: 'public_school', A: 0, B: total('public_school'), C: 0, D: 0 });
    // The private school on key monitoring is capped at D; the training institution's −40 record makes it D.
    expect(byKind.private_school).toMatchObject({ B: total('private_school') - 1, D: 1 });
    expect(byKind.training).toMatchObject({ B: total('training') - 1, D: 1 });
  });

  it('counts list entries in force and proposals, cases by state and inspections', () => {
    expect(overview.lists.find((l) => l.list === 'key_monitoring')).toEqual({ list: 'key_monitoring', inForce: 1, proposed: 0 });
    expect(overview.lists.find((l) => l.list === 'white')).toEqual({ list: 'white', inForce: 1, proposed: 0 });
    expect(overview.lists.find((l) => l.list === 'red')).toEqual({ list: 'red', inForce: 0, proposed: 1 });
    expect(overview.cases).toEqual({ notice_issued: 3, key_monitoring: 1, closed: 1 });
    expect(overview.inspections).toEqual({ planned: 2, overdue: 1, doneThisYear: 1 });
    expect(overview.lastRun).toBeNull();
  });

  it('gives twelve months of trend ending this month, each event in its month', () => {
    expect(overview.trend.map((m) => m.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const month = (m: string): RouteOutput<'overview.bureau'>['trend'][number] => overview.trend.find((t) => t.month === m)!;
    expect(month('2026-03')).toMatchObject({ cases: 1 });
    // FQ-2, FQ-3, FQ-4 opened in October; one inspection done; the key monitoring entry started.
    expect(month('2026-10')).toEqual({ month: '2026-10', cases: 3, penalties: 0, inspections: 1, listed: 1 });
    // 2025-11 is outside the window: the closed case and the 2025 inspection are not counted.
    expect(overview.trend.reduce((s, m) => s + m.cases, 0)).toBe(4);
    expect(overview.trend.reduce((s, m) => s + m.inspections, 0)).toBe(1);
  });

  it('lists what falls due within seven days and what is overdue, by date', () => {
    expect(overview.deadlines.map((d) => [d.kind, d.dueOn, d.overdue, d.what])).toEqual([
      ['notice', '2026-11-20', true, '整改〔2026〕1号'],
      ['inspection', '2026-11-22', true, '2026 年秋季抽查'],
      ['licence', '2026-11-27', false, '教民-1'],
      ['notice', '2026-11-28', false, '整改〔2026〕2号'],
      ['listEnd', '2026-11-30', false, 'white'],
    ]);
    expect(overview.deadlines.find((d) => d.kind === 'listEnd')?.institutionId).toBe(trainingId);
  });

  it('shows the newest grading run once there is one', () => {
    inst.open().raw.prepare("INSERT INTO grading_runs (rules_version, as_of, counts, ms, by, at) VALUES (1, '2026-11-24', ?, 5, 'admin', '2026-11-24T09:00:00.000Z')").run(
      JSON.stringify({ institution: { A: 1, B: 70, D: 6 }, teacher: { B: 3 } }),
    );
    const again = ok(inst, 'overview.bureau', {}, login(inst, 'auditor'));
    expect(again.lastRun).toEqual({ at: '2026-11-24T09:00:00.000Z', counts: { institution: { A: 1, B: 70, C: 0, D: 6 }, teacher: { A: 0, B: 3, C: 0, D: 0 } } });
  });

  it('is for bureau staff only', () => {
    const t = tempDir('educredit-overview-school-');
    cleanups.push(t.cleanup);
    const school = new Installation(t.dir, new TestClock());
    ok(school, 'setup.demo', { scale: 'school', password: PASSWORD });
    expect(call(school, 'overview.bureau', {}, login(school, 'auditor'))).toEqual({ ok: false, error: { code: 'FORBIDDEN', params: { route: 'overview.bureau' } } });
  });
});
