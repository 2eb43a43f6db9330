// 信用审查 on a real bureau installation: rounds ranked by live credit, restrictions enforced at the
// decision (a key monitoring object's grant refused with SUBJECT_RESTRICTED and nothing changed; a
// flagged grant only with the flags acknowledged), the review frozen at the decision, one audit
// entry per change, and the demo rounds. The bureau is made with setup.init and its own
// institutions, so no other feature's demo content moves a grade here; list entries are put in
// with SQL, as the lists feature would approve them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { addBureauRecord } from '../../electron/core/credit/bureauRecords';
import { addDecisionDemo } from '../../electron/core/decisions/demo';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import type { ListKind } from '../../shared/domain/supervision';
import { makeUscc } from '../../shared/domain/uscc';
import { call, login, ok, PASSWORD, TestClock, tempDir, addAccount } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const TODAY = '2026-11-24';

interface Bureau {
  inst: Installation;
  clock: TestClock;
  admin: string;
  adminId: number;
  /** Institution ids by name. */
  ids: Map<string, number>;
}

const SCHOOLS: readonly [string, 'private_school' | 'training'][] = [
  ['舞钢市育才实验学校', 'private_school'],
  ['舞钢市英才双语学校', 'private_school'],
  ['舞钢市博雅学校', 'private_school'],
  ['舞钢市明德中学', 'private_school'],
  ['舞钢市启航小学', 'private_school'],
  ['舞钢市华星幼儿园', 'private_school'],
  ['舞钢市阳光幼儿园', 'private_school'],
  ['舞钢市振华学校', 'private_school'],
  ['舞钢市致远中学', 'private_school'],
  ['舞钢市春蕾幼儿园', 'private_school'],
  ['舞钢市启智艺术培训学校', 'training'],
  ['舞钢市博学编程培训中心', 'training'],
  ['舞钢市星辰书法培训学校', 'training'],
];

function bureau(): Bureau {
  const t = tempDir('educredit-decisions-');
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.init', { mode: 'bureau', orgName: '舞钢市教育体育局', uscc: makeUscc('11', '410481', '00000001'), admin: { username: 'admin', displayName: '信用管理员', password: PASSWORD } });
  const admin = login(inst, 'admin');
  addAccount(inst, admin, { username: 'inspector', displayName: '督导员', role: 'bureau_inspector', password: PASSWORD });
  addAccount(inst, admin, { username: 'auditor', displayName: '审计员', role: 'auditor', password: PASSWORD });
  const raw = inst.open().raw;
  const insert = raw.prepare(`INSERT INTO institutions (name, uscc, kind, township, status) VALUES (?, ?, ?, '垭口街道', 'active')`);
  const ids = new Map<string, number>();
  SCHOOLS.forEach(([name, kind], i) => ids.set(name, Number(insert.run(name, makeUscc('52', '410481', String(10_000_000 + i)), kind).lastInsertRowid)));
  const adminId = (raw.prepare(`SELECT id FROM users WHERE username = 'admin'`).get() as { id: number }).id;
  return { inst, clock, admin, adminId, ids };
}

function errorOf<R extends RouteName>(b: Bureau, route: R, input: RouteInput<R>, session = b.admin): ApiError {
  const r = call(b.inst, route, input, session);
  if (r.ok) throw new Error(`${route} should have failed`);
  return r.error;
}

function putOnList(b: Bureau, name: string, list: ListKind, startOn = '2026-01-01', endOn = '2027-12-31'): void {
  b.inst
    .open()
    .raw.prepare(
      `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
       VALUES (?, 'institution', ?, ?, 'manual', '测试', ?, ?, 'approved', ?, ?, '同意', ?, ?)`,
    )
    .run(list, String(b.ids.get(name)), name, b.adminId, `${TODAY}T08:00:00.000Z`, b.adminId, `${TODAY}T08:00:00.000Z`, startOn, endOn);
}

function record(b: Bureau, name: string, code: string, occurredOn = '2026-10-01'): void {
  const kind = SCHOOLS.find(([n]) => n === name)![1];
  addBureauRecord(b.inst, { subjectKind: kind, subjectId: b.ids.get(name)!, code, occurredOn, description: `测试 ${code}`, authorId: b.adminId, source: 'manual' });
}

function auditRows(b: Bureau): { route: string; subject: string; diff: string }[] {
  return b.inst.open().raw.prepare('SELECT route, subject, diff FROM audit_log ORDER BY seq').all() as { route: string; subject: string; diff: string }[];
}

/** Every row of the decision tables, to prove a refused call left nothing behind. */
function decisionTables(b: Bureau): string {
  const raw = b.inst.open().raw;
  return JSON.stringify([raw.prepare('SELECT * FROM decision_rounds ORDER BY id').all(), raw.prepare('SELECT * FROM decision_applicants ORDER BY id').all()]);
}

type Applicant = RouteOutput<'decisions.round'>['applicants'][number];

function applicantOf(b: Bureau, roundId: number, name: string): Applicant {
  return ok(b.inst, 'decisions.round', { roundId }, b.admin).applicants.find((a) => a.review.name === name)!;
}

describe('a funding round', () => {
  let b: Bureau;
  let roundId: number;

  beforeAll(() => {
    b = bureau();
    // 育才: A (commendation +10). 英才: B 100. 博雅: C (fine −20). 明德: D (licence revoked −40).
    // 启航: red list, B. 华星: key supervision (grade capped at C). 阳光: key monitoring (capped at D).
    // 振华: black list. 致远: B 100 again (ties 英才 on everything but the name).
    record(b, '舞钢市育才实验学校', 'I-C01');
    record(b, '舞钢市博雅学校', 'I-PN2');
    record(b, '舞钢市明德中学', 'I-PN3');
    putOnList(b, '舞钢市启航小学', 'red');
    putOnList(b, '舞钢市华星幼儿园', 'key_supervision');
    putOnList(b, '舞钢市阳光幼儿园', 'key_monitoring');
    putOnList(b, '舞钢市振华学校', 'black');
    // An entry that ended last year restricts nothing.
    putOnList(b, '舞钢市致远中学', 'black', '2024-01-01', '2025-12-31');
    roundId = ok(b.inst, 'decisions.createRound', { kind: 'funding', title: '2026年民办教育专项资金', openedOn: '2026-11-02' }, b.admin).id;
    const names = ['舞钢市致远中学', '舞钢市阳光幼儿园', '舞钢市明德中学', '舞钢市英才双语学校', '舞钢市华星幼儿园', '舞钢市育才实验学校', '舞钢市振华学校', '舞钢市博雅学校', '舞钢市启航小学'];
    names.forEach((n, i) => ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get(n)!, request: { kind: 'funding', amountYuan: 100_000 + i * 10_000 } }, b.admin));
  });

  it('ranks applicants by credit, each with grade, score, lists, verdict and reasons', () => {
    const { round, applicants } = ok(b.inst, 'decisions.round', { roundId }, b.admin);
    expect(round).toMatchObject({ kind: 'funding', state: 'open', applicants: 9, pending: 9, granted: 0, requestedYuan: 9 * 100_000 + 36 * 10_000, grantedYuan: 0 });
    expect(applicants.map((a) => [a.rank, a.review.name, a.review.grade, a.review.score, a.review.verdict])).toEqual([
      [1, '舞钢市启航小学', 'B', 100, 'allowed'],
      [2, '舞钢市育才实验学校', 'A', 110, 'allowed'],
      // Tied on everything but the name: 致 (U+81F4) before 英 (U+82F1).
      [3, '舞钢市致远中学', 'B', 100, 'allowed'],
      [4, '舞钢市英才双语学校', 'B', 100, 'allowed'],
      // Same grade C: the allowed 博雅 (80) before the flagged 华星 (100).
      [5, '舞钢市博雅学校', 'C', 80, 'allowed'],
      [6, '舞钢市华星幼儿园', 'C', 100, 'flagged'],
      [7, '舞钢市明德中学', 'D', 60, 'flagged'],
      // Refused last, by score then name: both 100, 振 (632F) before 阳 (9633).
      [8, '舞钢市振华学校', 'D', 100, 'refused'],
      [9, '舞钢市阳光幼儿园', 'D', 100, 'refused'],
    ]);
    const by = (n: string): Applicant => applicants.find((a) => a.review.name === n)!;
    expect(by('舞钢市阳光幼儿园').review).toMatchObject({
      lists: ['key_monitoring'],
      reasons: [
        { source: 'list', list: 'key_monitoring', effect: 'refuse' },
        { source: 'grade', grade: 'D', effect: 'flag' },
      ],
      on: TODAY,
      gradingRulesVersion: 1,
      rulesVersion: 1,
    });
    expect(by('舞钢市华星幼儿园').review.reasons).toEqual([{ source: 'list', list: 'key_supervision', effect: 'flag' }]);
    expect(by('舞钢市明德中学').review.reasons).toEqual([{ source: 'grade', grade: 'D', effect: 'flag' }]);
    expect(by('舞钢市启航小学').review).toMatchObject({ lists: ['red'], preferred: true, reasons: [] });
    expect(by('舞钢市致远中学').review.lists).toEqual([]);
    expect(applicants.every((a) => !a.frozen && a.outcome === null)).toBe(true);
    expect(by('舞钢市育才实验学校').request).toEqual({ kind: 'funding', amountYuan: 150_000 });
  });

  it('refuses to grant a key monitoring object with SUBJECT_RESTRICTED, worded, and changes nothing', () => {
    const a = applicantOf(b, roundId, '舞钢市阳光幼儿园');
    const before = { audit: auditRows(b).length, tables: decisionTables(b) };
    const err = errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '办学条件较好', acknowledgeFlags: true });
    expect(err).toEqual({
      code: 'SUBJECT_RESTRICTED',
      params: { subject: '舞钢市阳光幼儿园', action: '获得专项资金或补助', reason: '已列入重点监控对象', actionEn: 'receive special funds or subsidies', reasonEn: 'on the key monitoring objects' },
    });
    expect(formatError(err, 'zh-CN')).toBe('舞钢市阳光幼儿园受信用限制，不能获得专项资金或补助：已列入重点监控对象');
    expect(formatError(err, 'en')).toBe('舞钢市阳光幼儿园 is under credit restrictions and cannot receive special funds or subsidies: on the key monitoring objects');
    expect(auditRows(b)).toHaveLength(before.audit);
    expect(decisionTables(b)).toBe(before.tables);
    // The black list is refused the same way.
    const black = applicantOf(b, roundId, '舞钢市振华学校');
    expect(errorOf(b, 'decisions.decide', { applicantId: black.id, outcome: 'granted', reason: '同意' }).params).toMatchObject({
      subject: '舞钢市振华学校',
      action: '获得专项资金或补助',
      reason: '已列入黑名单',
      reasonEn: 'on the black list',
    });
    expect(decisionTables(b)).toBe(before.tables);
  });

  it('lets a restricted applicant be declined with a reason', () => {
    const a = applicantOf(b, roundId, '舞钢市阳光幼儿园');
    const d = ok(b.inst, 'decisions.decide', { applicantId: a.id, outcome: 'declined', reason: '重点监控对象，不得安排专项资金' }, b.admin);
    expect(d).toMatchObject({ outcome: 'declined', outcomeReason: '重点监控对象，不得安排专项资金', frozen: true, acknowledgedFlags: false, decidedBy: '信用管理员' });
    expect(d.review.verdict).toBe('refused');
  });

  it('grants a flagged applicant only when the flags are acknowledged', () => {
    const a = applicantOf(b, roundId, '舞钢市华星幼儿园');
    const before = decisionTables(b);
    const err = errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '整改已完成' });
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.issues?.map((i) => i.path)).toEqual(['acknowledgeFlags']);
    expect(decisionTables(b)).toBe(before);
    // A reason is needed whatever the verdict.
    expect(errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: ' ', acknowledgeFlags: true }).issues?.map((i) => i.path)).toEqual(['reason']);
    const d = ok(b.inst, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '整改已完成，经集体研究同意', acknowledgeFlags: true }, b.admin);
    expect(d).toMatchObject({ outcome: 'granted', acknowledgedFlags: true, frozen: true });
    // An allowed applicant needs no acknowledgement.
    const ok2 = ok(b.inst, 'decisions.decide', { applicantId: applicantOf(b, roundId, '舞钢市英才双语学校').id, outcome: 'granted', reason: '符合条件' }, b.admin);
    expect(ok2).toMatchObject({ outcome: 'granted', acknowledgedFlags: false });
  });

  it('freezes the review at the decision: a later change of credit does not rewrite it', () => {
    const a = applicantOf(b, roundId, '舞钢市育才实验学校');
    const d = ok(b.inst, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '信用良好，优先支持' }, b.admin);
    expect(d.review).toMatchObject({ grade: 'A', score: 110, verdict: 'allowed' });
    // Next day the school is put on key monitoring after a serious penalty.
    b.clock.advance(24 * 60);
    b.admin = login(b.inst, 'admin');
    record(b, '舞钢市育才实验学校', 'I-PN3', '2026-11-25');
    putOnList(b, '舞钢市育才实验学校', 'key_monitoring', '2026-11-25');
    const live = ok(b.inst, 'decisions.review', { institutionId: b.ids.get('舞钢市育才实验学校')!, action: 'funding' }, b.admin);
    expect(live).toMatchObject({ grade: 'D', score: 70, verdict: 'refused', lists: ['key_monitoring'], on: '2026-11-25' });
    const kept = applicantOf(b, roundId, '舞钢市育才实验学校');
    expect(kept).toMatchObject({ frozen: true, outcome: 'granted' });
    expect(kept.review).toEqual(d.review);
    expect(kept.review.on).toBe(TODAY);
    // The frozen review is what the row holds.
    const stored = b.inst.open().raw.prepare('SELECT review FROM decision_applicants WHERE id = ?').get(a.id) as { review: string };
    expect(JSON.parse(stored.review)).toMatchObject({ grade: 'A', score: 110, verdict: 'allowed', lists: [], acknowledgedFlags: false });
    // Ranked by the review it was decided on: still among the A and B applicants.
    expect(kept.rank).toBeLessThan(applicantOf(b, roundId, '舞钢市博雅学校').rank);
  });

  it('refuses a second decision, a duplicate applicant, a request of another kind, and closing with applicants pending', () => {
    const decided = applicantOf(b, roundId, '舞钢市英才双语学校');
    expect(errorOf(b, 'decisions.decide', { applicantId: decided.id, outcome: 'declined', reason: '改变主意' }).code).toBe('INVALID_TRANSITION');
    expect(errorOf(b, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市博雅学校')!, request: { kind: 'funding', amountYuan: 1 } })).toEqual({
      code: 'CONFLICT',
      params: { what: '舞钢市博雅学校已在“2026年民办教育专项资金”的申请名单中', whatEn: '舞钢市博雅学校 has already applied in “2026年民办教育专项资金”' },
    });
    const wrong = errorOf(b, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市春蕾幼儿园')!, request: { kind: 'honour', title: '文明校园' } });
    expect(wrong.code).toBe('INVALID_INPUT');
    expect(wrong.issues?.[0]?.path).toBe('request.kind');
    expect(formatError(wrong, 'en')).toContain("Kind: the request must be of the round's kind");
    expect(errorOf(b, 'decisions.addApplicant', { roundId, institutionId: 9999, request: { kind: 'funding', amountYuan: 1 } }).code).toBe('NOT_FOUND');
    expect(errorOf(b, 'decisions.closeRound', { roundId }).code).toBe('INVALID_TRANSITION');
    expect(errorOf(b, 'decisions.decide', { applicantId: 9999, outcome: 'declined', reason: '没有这个申请' }).code).toBe('NOT_FOUND');
  });

  it('offers as candidates only the institutions not yet in the round', () => {
    const c = ok(b.inst, 'decisions.candidates', { roundId }, b.admin);
    expect(c.map((x) => x.name)).toEqual(['舞钢市春蕾幼儿园', '舞钢市启智艺术培训学校', '舞钢市博学编程培训中心', '舞钢市星辰书法培训学校']);
    expect(c[0]).toMatchObject({ kind: 'private_school', grade: 'B', verdict: 'allowed' });
  });

  it('closes when every applicant is decided, and then takes no more', () => {
    for (const a of ok(b.inst, 'decisions.round', { roundId }, b.admin).applicants.filter((x) => x.outcome === null)) {
      ok(b.inst, 'decisions.decide', { applicantId: a.id, outcome: 'declined', reason: '资金额度已用完' }, b.admin);
    }
    const closed = ok(b.inst, 'decisions.closeRound', { roundId }, b.admin);
    expect(closed).toMatchObject({ state: 'closed', pending: 0, granted: 3, declined: 6 });
    expect(closed.grantedYuan).toBe(150_000 + 130_000 + 140_000);
    expect(errorOf(b, 'decisions.closeRound', { roundId }).code).toBe('INVALID_TRANSITION');
    const late = errorOf(b, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市春蕾幼儿园')!, request: { kind: 'funding', amountYuan: 1 } });
    expect(late).toEqual({ code: 'INVALID_TRANSITION', params: { what: '“2026年民办教育专项资金”已结束', whatEn: '“2026年民办教育专项资金” is closed' } });
    expect(formatError(late, 'en')).toBe('Not possible in the current state: “2026年民办教育专项资金” is closed. Nothing was changed.');
    expect(ok(b.inst, 'decisions.rounds', {}, b.admin).map((r) => r.state)).toEqual(['closed']);
  });

  it('lets the inspector and the auditor read but not decide', () => {
    for (const user of ['inspector', 'auditor']) {
      const s = login(b.inst, user);
      expect(ok(b.inst, 'decisions.round', { roundId }, s).applicants).toHaveLength(9);
      expect(errorOf(b, 'decisions.createRound', { kind: 'honour', title: '评优', openedOn: TODAY }, s).code).toBe('FORBIDDEN');
    }
  });
});

describe('honours and evaluations', () => {
  let b: Bureau;
  beforeAll(() => {
    b = bureau();
    putOnList(b, '舞钢市育才实验学校', 'key_monitoring');
    putOnList(b, '舞钢市英才双语学校', 'black');
    putOnList(b, '舞钢市博雅学校', 'key_supervision');
  });

  it('refuses an honour to the key monitoring and the black list', () => {
    const roundId = ok(b.inst, 'decisions.createRound', { kind: 'honour', title: '2026年度诚信办学示范单位评选', openedOn: TODAY }, b.admin).id;
    for (const [name, list] of [
      ['舞钢市育才实验学校', '重点监控对象'],
      ['舞钢市英才双语学校', '黑名单'],
    ] as const) {
      const a = ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get(name)!, request: { kind: 'honour', title: '诚信办学示范单位' } }, b.admin);
      expect(a.review.verdict).toBe('refused');
      expect(errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '同意', acknowledgeFlags: true }).params).toMatchObject({
        subject: name,
        action: '参加评优评先或获得荣誉',
        reason: `已列入${list}`,
      });
    }
  });

  it('flags an evaluation of a key monitoring object (grade cancelled or lowered) and grants it only acknowledged', () => {
    const roundId = ok(b.inst, 'decisions.createRound', { kind: 'evaluation', title: '2026年民办学校年度办学水平评估', openedOn: TODAY }, b.admin).id;
    const a = ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市育才实验学校')!, request: { kind: 'evaluation', level: 'good' } }, b.admin);
    expect(a.review).toMatchObject({ verdict: 'flagged', reasons: [{ source: 'list', list: 'key_monitoring', effect: 'lower' }, { source: 'grade', grade: 'D', effect: 'flag' }] });
    expect(errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '评为合格' }).code).toBe('INVALID_INPUT');
    // Granted at the level asked (良好), or with no level, the evaluation is not lowered: refused.
    for (const level of [undefined, 'good', 'excellent'] as const) {
      const err = errorOf(b, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '同意', acknowledgeFlags: true, ...(level ? { level } : {}) });
      expect(err).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'level', message: 'levelLowered' }] });
    }
    const lowered = ok(b.inst, 'decisions.decide', { applicantId: a.id, outcome: 'granted', reason: '降为合格', acknowledgeFlags: true, level: 'qualified' }, b.admin);
    expect(lowered).toMatchObject({ acknowledgedFlags: true, grantedLevel: 'qualified', request: { kind: 'evaluation', level: 'good' } });
    // One that asks for 合格 already can only be declined (its evaluation cancelled).
    const q = ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市英才双语学校')!, request: { kind: 'evaluation', level: 'qualified' } }, b.admin);
    const cancelled = errorOf(b, 'decisions.decide', { applicantId: q.id, outcome: 'granted', reason: '同意', acknowledgeFlags: true, level: 'qualified' });
    expect(formatError(cancelled, 'zh-CN')).toContain('只能不予批准');
    expect(ok(b.inst, 'decisions.decide', { applicantId: q.id, outcome: 'declined', reason: '列入黑名单，取消评估等级' }, b.admin).grantedLevel).toBeNull();
    // A level is for lowered evaluations only.
    const c = ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市博雅学校')!, request: { kind: 'evaluation', level: 'excellent' } }, b.admin);
    expect(errorOf(b, 'decisions.decide', { applicantId: c.id, outcome: 'granted', reason: '同意', acknowledgeFlags: true, level: 'good' })).toMatchObject({ issues: [{ path: 'level', message: 'levelNotLowered' }] });
    const s = ok(b.inst, 'decisions.review', { institutionId: b.ids.get('舞钢市博雅学校')!, action: 'evaluation' }, b.admin);
    expect(s).toMatchObject({ grade: 'C', verdict: 'flagged', reasons: [{ source: 'list', list: 'key_supervision', effect: 'flag' }] });
  });
});

describe('the audit log', () => {
  it('has exactly one entry for each change, naming the route and the subject, and none for a refusal', () => {
    const b = bureau();
    putOnList(b, '舞钢市阳光幼儿园', 'key_monitoring');
    const start = auditRows(b).length;
    const roundId = ok(b.inst, 'decisions.createRound', { kind: 'funding', title: '2026年民办教育专项资金', openedOn: TODAY }, b.admin).id;
    const applicantId = ok(b.inst, 'decisions.addApplicant', { roundId, institutionId: b.ids.get('舞钢市阳光幼儿园')!, request: { kind: 'funding', amountYuan: 80_000 } }, b.admin).id;
    expect(call(b.inst, 'decisions.decide', { applicantId, outcome: 'granted', reason: '同意', acknowledgeFlags: true }, b.admin).ok).toBe(false);
    ok(b.inst, 'decisions.decide', { applicantId, outcome: 'declined', reason: '重点监控对象' }, b.admin);
    ok(b.inst, 'decisions.closeRound', { roundId }, b.admin);
    // Reads leave nothing.
    ok(b.inst, 'decisions.round', { roundId }, b.admin);
    ok(b.inst, 'decisions.review', { institutionId: b.ids.get('舞钢市阳光幼儿园')!, action: 'honour' }, b.admin);
    const rows = auditRows(b).slice(start);
    expect(rows.map((r) => [r.route, r.subject])).toEqual([
      ['decisions.createRound', `decisionRound:${roundId}`],
      ['decisions.addApplicant', `decisionApplicant:${applicantId}`],
      ['decisions.decide', `decisionApplicant:${applicantId}`],
      ['decisions.closeRound', `decisionRound:${roundId}`],
    ]);
    expect(JSON.parse(rows[0]!.diff)).toEqual({ kind: 'funding', title: '2026年民办教育专项资金', openedOn: TODAY });
    expect(JSON.parse(rows[1]!.diff)).toMatchObject({ roundId, request: { kind: 'funding', amountYuan: 80_000 }, verdict: 'refused' });
    expect(JSON.parse(rows[2]!.diff)).toMatchObject({ outcome: 'declined', reason: '重点监控对象', review: { grade: 'D', verdict: 'refused', lists: ['key_monitoring'] } });
    expect(JSON.parse(rows[3]!.diff)).toEqual({ state: 'closed' });
  });
});

describe('the demo rounds', () => {
  function demoRounds(): unknown {
    const b = bureau();
    const made = b.inst.write(
      () => ({ actor: 'test', route: 'test.demo', subject: 'demo', diff: {} }),
      () => addDecisionDemo(b.inst, b.adminId),
    );
    expect(made).toEqual({ rounds: 2, applicants: 15 });
    const rounds = ok(b.inst, 'decisions.rounds', {}, b.admin);
    return rounds.map((r) => ({ ...r, createdAt: null, detail: ok(b.inst, 'decisions.round', { roundId: r.id }, b.admin).applicants.map((a) => ({ ...a, decidedAt: null })) }));
  }

  it('makes an open funding round of private schools of different credit and an honour round, the same every time', () => {
    const one = demoRounds();
    expect(demoRounds()).toEqual(one);
    const [honour, funding] = one as { title: string; kind: string; state: string; applicants: number; detail: Applicant[] }[];
    expect(funding).toMatchObject({ title: '2026年民办教育专项资金', kind: 'funding', state: 'open', applicants: 8 });
    expect(honour).toMatchObject({ kind: 'honour', state: 'open', applicants: 7 });
    expect(new Set(funding!.detail.map((a) => a.review.score)).size).toBeGreaterThan(2);
    expect(new Set(funding!.detail.map((a) => a.review.grade)).size).toBeGreaterThan(1);
    expect(honour!.detail.filter((a) => a.outcome === 'declined')).toHaveLength(1);
  });
});
