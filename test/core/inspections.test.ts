// 检查抽查 on a real demo bureau: the double-random draw recorded with its seed and re-run to the same
// result, results becoming credit records that change the grade, overdue inspections, the routine
// schedule, who may record what, the refusals, one audit entry per change, and the demo's inspections.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { addInspectionDemo, DEMO_DRAW_SEED } from '../../electron/core/inspections/demo';
import type { RouteInput, RouteName } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

/** A demo bureau with the demo's inspections, whether or not setup.demo already adds them. */
function demoBureau(): { inst: Installation; clock: TestClock } {
  const t = tempDir('educredit-inspections-');
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.demo', { scale: 'bureau', password: PASSWORD });
  if (!inst.findUser('inspector2')) {
    const adminId = inst.findUser('admin')!.id;
    inst.write(() => ({ actor: 'test', route: 'test.demo', subject: 'demo', diff: null }), () => addInspectionDemo(inst, adminId, PASSWORD));
  }
  return { inst, clock };
}

function errorOf<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): { code: string; params?: Record<string, string | number> } {
  const r = call(inst, route, input, session);
  if (r.ok) throw new Error(`${route} should have failed`);
  return r.error;
}

function auditCount(inst: Installation): number {
  return (inst.open().raw.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

function lastAudit(inst: Installation): { route: string; subject: string; actor: string; diff: string } {
  return inst.open().raw.prepare('SELECT route, subject, actor, diff FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { route: string; subject: string; actor: string; diff: string };
}

/** The drawn targets and their inspectors, by id: what "the same draw" means. */
function drawn(v: { targets: { institutionId: number; inspectors: { id: number }[] }[] }): [number, number[]][] {
  return v.targets.map((t) => [t.institutionId, t.inspectors.map((p) => p.id)]);
}

describe('the double-random draw', () => {
  let inst: Installation;
  let admin: string;
  let auditor: string;
  let planId: number;

  beforeAll(() => {
    ({ inst } = demoBureau());
    admin = login(inst, 'admin');
    auditor = login(inst, 'auditor');
    planId = ok(inst, 'inspections.createPlan', { title: '2026年第四季度专项抽查', kind: 'spot', periodFrom: '2026-11-01', periodTo: '2026-12-31' }, admin).id;
  });

  it('previews the same draw for the same seed and another for another seed, writing nothing', () => {
    const before = auditCount(inst);
    const inspections = ok(inst, 'inspections.list', {}, admin).total;
    const a = ok(inst, 'inspections.previewDraw', { count: 8, seed: 42 }, admin);
    const b = ok(inst, 'inspections.previewDraw', { count: 8, seed: 42 }, auditor);
    const c = ok(inst, 'inspections.previewDraw', { count: 8, seed: 43 }, admin);
    expect(a).toEqual(b);
    expect(drawn(c)).not.toEqual(drawn(a));
    expect(a.seed).toBe(42);
    expect(a.targets).toHaveLength(8);
    expect(new Set(a.targets.map((t) => t.institutionId)).size).toBe(8);
    for (const t of a.targets) {
      expect(t.inspectors).toHaveLength(2);
      expect(t.inspectors[0]!.id).not.toBe(t.inspectors[1]!.id);
    }
    // Every active institution is a candidate, and every active inspector (the demo's five).
    const active = (inst.open().raw.prepare("SELECT count(*) AS n FROM institutions WHERE status = 'active'").get() as { n: number }).n;
    expect(a.poolSize).toBe(active);
    expect(Object.values(a.poolByGrade).reduce((s, n) => s + n, 0)).toBe(active);
    expect(a.inspectorPool).toBe(5);
    expect(auditCount(inst)).toBe(before);
    expect(ok(inst, 'inspections.list', {}, admin).total).toBe(inspections);
  });

  it('draws only from the kinds asked for', () => {
    const v = ok(inst, 'inspections.previewDraw', { count: 10, seed: 9, filter: { kinds: ['training'] } }, admin);
    expect(v.targets.every((t) => t.kind === 'training')).toBe(true);
    expect(v.poolSize).toBe(36);
  });

  it('records the draw with its seed and pool; the recorded seed previews the same draw on the same data, and re-runs from the record', () => {
    const before = auditCount(inst);
    const d = ok(inst, 'inspections.draw', { planId, count: 6, inspectorsPerTarget: 2, filter: { kinds: ['private_school', 'training'] } }, admin);
    expect(auditCount(inst)).toBe(before + 1);
    const entry = lastAudit(inst);
    expect(entry).toMatchObject({ route: 'inspections.draw', subject: `draw:${d.drawId}`, actor: 'admin' });
    expect(JSON.parse(entry.diff)).toMatchObject({ seed: d.seed, poolSize: d.poolSize });

    const row = inst.open().raw.prepare('SELECT seed, rules_version AS rulesVersion, pool, result FROM draws WHERE id = ?').get(d.drawId) as { seed: string; rulesVersion: number; pool: string; result: string };
    expect(row.seed).toBe(String(d.seed));
    expect(row.rulesVersion).toBe(1);
    const pool = JSON.parse(row.pool) as { candidates: { id: number; grade: string; weight: number }[]; inspectors: number[] };
    expect(pool.candidates).toHaveLength(d.poolSize);
    expect(pool.candidates.every((c) => c.weight === { A: 1, B: 2, C: 4, D: 8 }[c.grade])).toBe(true);
    expect(pool.inspectors).toHaveLength(5);

    const again = ok(inst, 'inspections.previewDraw', { count: 6, inspectorsPerTarget: 2, filter: { kinds: ['private_school', 'training'] }, seed: d.seed }, auditor);
    expect(drawn(again)).toEqual(drawn(d));

    // One planned inspection per target, by the drawn inspectors, due by the plan's end.
    const planned = ok(inst, 'inspections.list', { planId, limit: 50 }, admin).rows;
    expect(planned.map((r) => r.id).sort((x, y) => x - y)).toEqual([...d.inspectionIds].sort((x, y) => x - y));
    for (const r of planned) {
      expect(r).toMatchObject({ state: 'planned', dueOn: '2026-12-31', drawId: d.drawId, overdue: false });
      const target = d.targets.find((t) => t.institutionId === r.institutionId)!;
      expect(r.inspectors.map((p) => p.id)).toEqual(target.inspectors.map((p) => p.id));
    }

    const verified = ok(inst, 'inspections.verifyDraw', { drawId: d.drawId }, auditor);
    expect(verified.reproduced).toBe(true);
    expect(verified.draw).toMatchObject({ seed: d.seed, poolSize: d.poolSize, count: 6, inspectorsPerTarget: 2 });
    expect(drawn(verified.result)).toEqual(drawn(d));
    expect(ok(inst, 'inspections.plans', {}, auditor).plans.find((p) => p.id === planId)!.draws.map((x) => x.seed)).toEqual([d.seed]);
  });

  it('refuses a seed for a recorded draw (the system picks it: no trying seeds for a liked draw), and a tampered record no longer re-runs to its result', () => {
    const before = auditCount(inst);
    const chosen = { planId, count: 3, inspectorsPerTarget: 1, seed: 777 } as unknown as RouteInput<'inspections.draw'>;
    expect(errorOf(inst, 'inspections.draw', chosen, admin)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(auditCount(inst)).toBe(before);
    const d = ok(inst, 'inspections.draw', { planId, count: 3, inspectorsPerTarget: 1 }, admin);
    const e = ok(inst, 'inspections.draw', { planId, count: 3, inspectorsPerTarget: 1 }, admin);
    // Two seeds from a cryptographic generator over 2^53 values: equal only by a fault.
    expect(d.seed).not.toBe(e.seed);
    const raw = inst.open().raw;
    const result = JSON.parse((raw.prepare('SELECT result FROM draws WHERE id = ?').get(d.drawId) as { result: string }).result) as { targets: { id: number }[] };
    const swapped = { targets: result.targets.map((t, i) => (i === 0 ? { ...t, id: t.id === 1 ? 2 : 1 } : t)) };
    raw.prepare('UPDATE draws SET result = ? WHERE id = ?').run(JSON.stringify(swapped), d.drawId);
    expect(ok(inst, 'inspections.verifyDraw', { drawId: d.drawId }, auditor).reproduced).toBe(false);
  });

  it('refuses a draw larger than its pool, too few inspectors, a routine plan and a plan that has ended', () => {
    expect(errorOf(inst, 'inspections.previewDraw', { count: 13, seed: 1, filter: { kinds: ['private_school'] } }, admin)).toEqual({ code: 'DRAW_TOO_FEW_TARGETS', params: { available: 12, wanted: 13 } });
    expect(errorOf(inst, 'inspections.draw', { planId, count: 2, inspectorsPerTarget: 6 }, admin)).toEqual({ code: 'DRAW_TOO_FEW_INSPECTORS', params: { available: 5, wanted: 6 } });
    const routine = ok(inst, 'inspections.createPlan', { title: '日常检查', kind: 'routine', periodFrom: '2026-11-01', periodTo: '2026-12-31' }, admin);
    expect(errorOf(inst, 'inspections.draw', { planId: routine.id, count: 2 }, admin).code).toBe('INVALID_TRANSITION');
    const ended = ok(inst, 'inspections.createPlan', { title: '上半年抽查', kind: 'double_random', periodFrom: '2026-01-01', periodTo: '2026-06-30' }, admin);
    expect(errorOf(inst, 'inspections.draw', { planId: ended.id, count: 2 }, admin)).toEqual({ code: 'INVALID_TRANSITION', params: { what: expect.stringContaining('2026-06-30'), whatEn: expect.stringContaining('2026-06-30') } });
    expect(errorOf(inst, 'inspections.createPlan', { title: '倒置', kind: 'spot', periodFrom: '2026-12-01', periodTo: '2026-11-01' }, admin).code).toBe('INVALID_INPUT');
    expect(errorOf(inst, 'inspections.draw', { planId: 9999, count: 2 }, admin).code).toBe('NOT_FOUND');
    expect(errorOf(inst, 'inspections.previewDraw', { count: 2, seed: -1 }, admin).code).toBe('INVALID_INPUT');
    // Only an administrator draws; the auditor may re-run but not record.
    expect(errorOf(inst, 'inspections.draw', { planId, count: 2 }, auditor).code).toBe('FORBIDDEN');
  });
});

describe('inspections and their results', () => {
  let inst: Installation;
  let clock: TestClock;
  let admin: string;
  let inspector: string;
  let other: string;
  let inspectorId: number;
  let otherId: number;

  beforeAll(() => {
    ({ inst, clock } = demoBureau());
    admin = login(inst, 'admin');
    inspector = login(inst, 'inspector');
    other = login(inst, 'inspector2');
    inspectorId = inst.findUser('inspector')!.id;
    otherId = inst.findUser('inspector2')!.id;
  });

  function gradeOf(institutionId: number): string {
    return ok(inst, 'inspections.list', { institutionId, limit: 1 }, admin).rows[0]!.grade;
  }

  it('turns a result into a record in the institution file that changes its grade, audited once', () => {
    // Institution 5 is a public school with no record: base score 100, grade B.
    const planned = ok(inst, 'inspections.create', { institutionId: 5, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin);
    expect(lastAudit(inst)).toMatchObject({ route: 'inspections.create', subject: `inspection:${planned.id}` });
    expect(planned).toMatchObject({ state: 'planned', grade: 'B', overdue: false, inspectors: [{ id: inspectorId, username: 'inspector' }] });

    const before = auditCount(inst);
    const r = ok(inst, 'inspections.record', { id: planned.id, result: 'serious', findings: '消防通道堵塞，超范围招生', doneOn: '2026-11-23' }, inspector);
    expect(auditCount(inst)).toBe(before + 1);
    expect(lastAudit(inst)).toMatchObject({ route: 'inspections.record', subject: `inspection:${planned.id}`, actor: 'inspector' });
    expect(r.gradeBefore).toBe('B');
    expect(r.gradeAfter).toBe('C');
    expect(r.inspection).toMatchObject({ state: 'done', result: 'serious', doneOn: '2026-11-23', findings: '消防通道堵塞，超范围招生', recordedBy: '督导员', grade: 'C' });

    const rec = inst.open().raw
      .prepare('SELECT r.subject_kind AS kind, r.subject_id AS subjectId, i.code, r.occurred_on AS occurredOn, r.description, r.source FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id WHERE r.id = ?')
      .get(r.inspection.recordId) as Record<string, unknown>;
    expect(rec).toEqual({ kind: 'public_school', subjectId: 5, code: 'I-INS3', occurredOn: '2026-11-23', description: '消防通道堵塞，超范围招生', source: `inspection:${planned.id}` });

    // A pass adds points; the result is recorded once only.
    const second = ok(inst, 'inspections.create', { institutionId: 5, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin);
    const passed = ok(inst, 'inspections.record', { id: second.id, result: 'pass', findings: '已整改到位', doneOn: '2026-11-24' }, admin);
    expect(passed.gradeAfter).toBe('C');
    expect(errorOf(inst, 'inspections.record', { id: second.id, result: 'pass', findings: '再记一次', doneOn: '2026-11-24' }, admin).code).toBe('INVALID_TRANSITION');
    expect(gradeOf(5)).toBe('C');
  });

  it('lets an inspector record only inspections they are assigned to, and never a future date', () => {
    const mine = ok(inst, 'inspections.create', { institutionId: 6, inspectorIds: [inspectorId, otherId], dueOn: '2026-12-10' }, admin);
    const notMine = ok(inst, 'inspections.create', { institutionId: 7, inspectorIds: [otherId], dueOn: '2026-12-10' }, admin);
    expect(errorOf(inst, 'inspections.record', { id: notMine.id, result: 'pass', findings: '未发现问题', doneOn: '2026-11-24' }, inspector)).toEqual({ code: 'FORBIDDEN', params: { route: 'inspections.record' } });
    expect(ok(inst, 'inspections.list', { institutionId: 7 }, admin).rows[0]!.state).toBe('planned');
    expect(errorOf(inst, 'inspections.record', { id: mine.id, result: 'pass', findings: '未发现问题', doneOn: '2026-11-30' }, inspector).code).toBe('INVALID_INPUT');
    expect(ok(inst, 'inspections.record', { id: mine.id, result: 'problems', findings: '收费公示不全', doneOn: '2026-11-24' }, other).inspection.recordedBy).toBe('王建军');
    const auditor = login(inst, 'auditor');
    expect(errorOf(inst, 'inspections.record', { id: notMine.id, result: 'pass', findings: '未发现问题', doneOn: '2026-11-24' }, auditor).code).toBe('FORBIDDEN');
    // "Mine" lists only those the caller inspects.
    const listed = ok(inst, 'inspections.list', { mine: true, limit: 500 }, inspector).rows;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((r) => r.inspectors.some((p) => p.id === inspectorId))).toBe(true);
  });

  it('refuses inspectors who are not active inspectors, a past due day and a closed institution', () => {
    const adminId = inst.findUser('admin')!.id;
    expect(errorOf(inst, 'inspections.create', { institutionId: 8, inspectorIds: [adminId], dueOn: '2026-12-10' }, admin).code).toBe('INVALID_INPUT');
    expect(errorOf(inst, 'inspections.create', { institutionId: 8, inspectorIds: [inspectorId, inspectorId], dueOn: '2026-12-10' }, admin).code).toBe('INVALID_INPUT');
    expect(errorOf(inst, 'inspections.create', { institutionId: 8, inspectorIds: [inspectorId], dueOn: '2026-11-01' }, admin).code).toBe('INVALID_INPUT');
    expect(errorOf(inst, 'inspections.create', { institutionId: 9999, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin).code).toBe('NOT_FOUND');
    inst.open().raw.prepare("UPDATE institutions SET status = 'closed' WHERE id = 9").run();
    expect(errorOf(inst, 'inspections.create', { institutionId: 9, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin).code).toBe('INVALID_TRANSITION');
  });

  it('cancels a planned inspection with its reason, once', () => {
    const p = ok(inst, 'inspections.create', { institutionId: 10, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin);
    const before = auditCount(inst);
    const c = ok(inst, 'inspections.cancel', { id: p.id, reason: '学校合并，改为下季度检查' }, admin);
    expect(auditCount(inst)).toBe(before + 1);
    expect(lastAudit(inst)).toMatchObject({ route: 'inspections.cancel', subject: `inspection:${p.id}` });
    expect(c).toMatchObject({ state: 'cancelled', cancelReason: '学校合并，改为下季度检查', findings: null, recordId: null });
    expect(errorOf(inst, 'inspections.cancel', { id: p.id, reason: '再取消' }, admin).code).toBe('INVALID_TRANSITION');
    expect(errorOf(inst, 'inspections.record', { id: p.id, result: 'pass', findings: '未发现问题', doneOn: '2026-11-24' }, admin).code).toBe('INVALID_TRANSITION');
    expect(errorOf(inst, 'inspections.cancel', { id: p.id, reason: '取消' }, inspector).code).toBe('FORBIDDEN');
  });

  it("refuses a result of a plan's inspection dated before the plan, in words in both languages", () => {
    const planId = ok(inst, 'inspections.createPlan', { title: '十一月专项检查', kind: 'spot', periodFrom: '2026-11-01', periodTo: '2026-12-31' }, admin).id;
    const planned = ok(inst, 'inspections.create', { institutionId: 6, planId, inspectorIds: [inspectorId], dueOn: '2026-12-10' }, admin);
    const before = auditCount(inst);
    const err = errorOf(inst, 'inspections.record', { id: planned.id, result: 'serious', findings: '补录', doneOn: '2026-10-31' }, admin);
    expect(err).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'doneOn', message: 'beforePlanPeriod' }] });
    expect(formatError(err as ApiError, 'zh-CN')).toContain('检查日期：不能早于检查计划的开始日期');
    expect(formatError(err as ApiError, 'en')).toContain("Inspected on: cannot be before the plan's period starts");
    expect(auditCount(inst)).toBe(before);
    expect(ok(inst, 'inspections.record', { id: planned.id, result: 'pass', findings: '未发现问题', doneOn: '2026-11-01' }, admin).inspection.state).toBe('done');
  });

  it('lists an inspection as overdue once its due day has passed', () => {
    const p = ok(inst, 'inspections.create', { institutionId: 11, inspectorIds: [inspectorId], dueOn: '2026-11-25' }, admin);
    expect(ok(inst, 'inspections.list', { overdue: true, limit: 500 }, admin).rows.map((r) => r.id)).not.toContain(p.id);
    clock.advance(2 * 24 * 60);
    admin = login(inst, 'admin');
    const overdue = ok(inst, 'inspections.list', { overdue: true, limit: 500 }, admin).rows;
    expect(overdue.map((r) => r.id)).toContain(p.id);
    expect(overdue.every((r) => r.state === 'planned' && r.overdue && r.dueOn < '2026-11-26')).toBe(true);
    expect(ok(inst, 'inspections.list', { overdue: false, limit: 500 }, admin).rows.some((r) => r.overdue)).toBe(false);
  });

  it('plans routine inspections by grade: a lower grade is due sooner, and an inspection restarts the count', () => {
    // Institution 12 found with serious problems in May: graded C, inspected every six months, so overdue since 20 November.
    const may = ok(inst, 'inspections.create', { institutionId: 12, inspectorIds: [inspectorId], dueOn: '2026-12-31' }, admin);
    ok(inst, 'inspections.record', { id: may.id, result: 'serious', findings: '校舍安全隐患', doneOn: '2026-05-20' }, admin);
    const s = ok(inst, 'inspections.schedule', { horizonDays: 0 }, admin);
    expect(s.months).toEqual({ A: 24, B: 12, C: 6, D: 3 });
    expect(s.rows.find((r) => r.institutionId === 12)).toMatchObject({ grade: 'C', since: '2026-05-20', nextDueOn: '2026-11-20', status: 'overdue', planned: null });
    // Registered on 2026-01-01 and never inspected: B (12 months) is not due yet; whatever is, is C or D.
    for (const row of s.rows) {
      expect(row.status).toBe('overdue');
      expect(['C', 'D']).toContain(row.grade);
    }
    const raw = inst.open().raw;
    const neverInspected = raw.prepare("SELECT id FROM institutions WHERE status = 'active' AND id NOT IN (SELECT institution_id FROM inspections WHERE state = 'done') ORDER BY id").all() as { id: number }[];
    // Institution 5 got a pass on 2026-11-24 while graded C: next due six months on.
    expect(s.rows.map((r) => r.institutionId)).not.toContain(5);
    const wide = ok(inst, 'inspections.schedule', { horizonDays: 366 }, admin);
    expect(wide.rows.find((r) => r.institutionId === 5)).toMatchObject({ grade: 'C', months: 6, since: '2026-11-24', sinceKind: 'inspection', nextDueOn: '2027-05-24', status: 'due' });
    const never = wide.rows.find((r) => r.sinceKind === 'registered' && r.grade === 'B')!;
    expect(never).toMatchObject({ since: '2026-01-01', nextDueOn: '2027-01-01', status: 'due' });
    expect(neverInspected.map((r) => r.id)).toContain(never.institutionId);
  });
});

describe('the demo bureau', () => {
  it('has five inspectors, this year\'s recorded draw that re-runs to itself, results in the files and overdue inspections', () => {
    const { inst } = demoBureau();
    const auditor = login(inst, 'auditor');
    const { plans, inspectors } = ok(inst, 'inspections.plans', {}, auditor);
    expect(inspectors.map((p) => p.username)).toEqual(['inspector', 'inspector2', 'inspector3', 'inspector4', 'inspector5']);
    const spot = plans.find((p) => p.kind === 'double_random')!;
    expect(spot.draws).toHaveLength(1);
    expect(spot.draws[0]!.seed).toBe(DEMO_DRAW_SEED);
    expect(ok(inst, 'inspections.verifyDraw', { drawId: spot.draws[0]!.id }, auditor).reproduced).toBe(true);
    expect(spot.counts).toMatchObject({ done: 6, planned: 4 });
    const overdue = ok(inst, 'inspections.list', { overdue: true }, auditor);
    expect(overdue.total).toBe(4);
    const done = ok(inst, 'inspections.list', { state: 'done', limit: 50 }, auditor).rows;
    expect(done).toHaveLength(8);
    expect(new Set(done.map((r) => r.result))).toEqual(new Set(['pass', 'problems', 'serious']));
    const sources = inst.open().raw.prepare("SELECT count(*) AS n FROM credit_records WHERE source LIKE 'inspection:%'").get() as { n: number };
    expect(sources.n).toBe(8);

    // Deterministic: a second demo bureau draws the same targets and inspectors.
    const second = demoBureau().inst;
    const drawOf = (i: Installation): string => (i.open().raw.prepare('SELECT result FROM draws ORDER BY id LIMIT 1').get() as { result: string }).result;
    expect(drawOf(second)).toBe(drawOf(inst));
  });
});
