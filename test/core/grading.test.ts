// Grading every subject at the bureau, on real encrypted installations: hand-made data whose grades
// were worked out by hand, a demo school's teacher files carried to a demo bureau by real bundles
// (the bureau must grade every teacher exactly as the school does), runs and their audit entries,
// the kept grading and when it is dropped, and refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { currentGrading } from '../../electron/core/grading/cache';
import { DEMO_ORG } from '../../electron/core/handlers';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import { call, login, ok, PASSWORD, TestClock, tempDir, addAccount } from '../support/installation';
import { buildHandGrading, HAND_COUNTS, HAND_GRADES, HAND_SCHOOL } from './samples/grading';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function folder(prefix: string): string {
  const t = tempDir(prefix);
  cleanups.push(t.cleanup);
  return t.dir;
}

function auditRows(inst: Installation): { seq: number; route: string; actor: string; subject: string; diff: string }[] {
  return inst.open().raw.prepare('SELECT seq, route, actor, subject, diff FROM audit_log ORDER BY seq').all() as { seq: number; route: string; actor: string; subject: string; diff: string }[];
}

describe('grading hand-made data at a bureau', () => {
  let inst: Installation;
  let admin: string;
  let ids: { institutionIds: number[]; practitionerIds: number[] };

  beforeAll(() => {
    inst = new Installation(folder('educredit-grading-'), new TestClock());
    ok(inst, 'setup.init', { mode: 'bureau', orgName: DEMO_ORG.bureau.name, uscc: DEMO_ORG.bureau.uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
    admin = login(inst, 'admin');
    addAccount(inst, admin, { username: 'inspector', displayName: '督导员', role: 'bureau_inspector', password: PASSWORD });
    addAccount(inst, admin, { username: 'auditor', displayName: '审计员', role: 'auditor', password: PASSWORD });
    ids = buildHandGrading(inst);
  });

  it('grades every subject as worked out by hand, and counts them by kind and grade', () => {
    const all = ok(inst, 'grading.subjects', { limit: 500 }, admin);
    expect(all.asOf).toBe('2026-11-24');
    expect(all.rulesVersion).toBe(1);
    expect(all.counts).toEqual(HAND_COUNTS);
    expect(all.total).toBe(4 + 2 + 5);
    const teachers = ok(inst, 'grading.subjects', { kind: 'teacher', limit: 500 }, admin).rows;
    expect(Object.fromEntries(teachers.map((t) => [t.key, { score: t.score, grade: t.grade }]))).toEqual(HAND_GRADES.teacher);
    expect(teachers.every((t) => t.org === HAND_SCHOOL.name)).toBe(true);
    const [i1, i2, i3, i4] = ids.institutionIds.map(String);
    const inst4 = ok(inst, 'grading.subjects', { kind: 'institution', limit: 500 }, admin).rows;
    expect(Object.fromEntries(inst4.map((s) => [s.key, [s.score, s.grade, s.lists]]))).toEqual({
      [i1!]: [112, 'A', []],
      [i2!]: [65, 'D', []],
      [i3!]: [60, 'D', []],
      [i4!]: [100, 'C', ['key_supervision']],
    });
    const people = ok(inst, 'grading.subjects', { kind: 'practitioner', limit: 500 }, admin).rows;
    expect(people.map((p) => [p.name, p.org, p.score, p.grade])).toEqual([
      ['从业者甲', '舞钢市样本培训学校', 90, 'C'],
      ['从业者乙', '舞钢市样本培训学校', 105, 'B'],
    ]);
  });

  it('explains a teacher\'s grade step by step: every record, counted or why not, and the threshold', () => {
    const t1 = ok(inst, 'grading.subject', { kind: 'teacher', key: `${HAND_SCHOOL.uscc}/1` }, admin);
    expect(t1.subject).toMatchObject({ name: '教师1', org: HAND_SCHOOL.name, score: 102, grade: 'B', lists: [] });
    expect(t1.steps).toEqual([
      { key: 'base', points: 100 },
      { key: 'record', recordId: 1, code: 'T-P03', status: 'active', points: 10, counted: true },
      { key: 'record', recordId: 2, code: 'T-V04', status: 'revoked', points: 0, counted: false },
      { key: 'record', recordId: 4, code: 'T-H01', status: 'expired', points: 0, counted: false },
      { key: 'record', recordId: 5, code: 'T-P05', status: 'disputed', points: 2, counted: true },
      { key: 'record', recordId: 6, code: 'T-S01', status: 'repaired', points: 0, counted: false },
      { key: 'record', recordId: 7, code: 'T-P04', status: 'amended', points: 0, counted: false },
      { key: 'record', recordId: 8, code: 'T-P02', status: 'active', points: 15, counted: true },
      { key: 'record', recordId: 9, code: 'T-V11', status: 'active', points: -10, counted: true },
      { key: 'record', recordId: 10, code: 'T-S02', status: 'active', points: -15, counted: true },
      { key: 'threshold', grade: 'B', min: 95, score: 102 },
    ]);
    expect(t1.items.find((i) => i.code === 'T-P03')?.nameZh).toBe('市级表彰奖励');
    const t2 = ok(inst, 'grading.subject', { kind: 'teacher', key: `${HAND_SCHOOL.uscc}/2` }, admin);
    expect(t2.steps.slice(-2)).toEqual([
      { key: 'threshold', grade: 'B', min: 95, score: 105 },
      { key: 'severe', recordIds: [11] },
    ]);
    const t3 = ok(inst, 'grading.subject', { kind: 'teacher', key: `${HAND_SCHOOL.uscc}/3` }, admin);
    expect(t3.steps.at(-1)).toEqual({ key: 'listCap', list: 'key_supervision', cap: 'C' });
    const t4 = ok(inst, 'grading.subject', { kind: 'teacher', key: `${HAND_SCHOOL.uscc}/4` }, admin);
    expect(t4.steps).toEqual([{ key: 'base', points: 100 }, { key: 'threshold', grade: 'B', min: 95, score: 100 }, { key: 'listCap', list: 'black', cap: 'D' }]);
    // Lists not in force today (ended, not yet started, only proposed) cap nothing.
    const t5 = ok(inst, 'grading.subject', { kind: 'teacher', key: `${HAND_SCHOOL.uscc}/5` }, admin);
    expect(t5.subject.lists).toEqual([]);
    expect(t5.steps.find((s) => s.key === 'record' && s.code === 'T-X99')).toEqual({ key: 'record', recordId: 17, code: 'T-X99', status: 'active', points: 0, counted: true });
    const i3 = ok(inst, 'grading.subject', { kind: 'institution', key: String(ids.institutionIds[2]) }, admin);
    expect(i3.steps.map((s) => s.key)).toEqual(['base', 'record', 'belowAll', 'severe']);
  });

  it('pages, filters by kind and grade, searches by name and sorts by score', () => {
    const worst = ok(inst, 'grading.subjects', { limit: 3 }, admin);
    expect(worst.total).toBe(11);
    expect(worst.rows.map((r) => r.score)).toEqual([60, 65, 90]);
    const best = ok(inst, 'grading.subjects', { dir: 'desc', limit: 2 }, admin);
    expect(best.rows.map((r) => r.score)).toEqual([120, 120]);
    const page2 = ok(inst, 'grading.subjects', { offset: 3, limit: 3 }, admin);
    expect(page2.rows.map((r) => r.score)).toEqual([100, 100, 102]);
    const d = ok(inst, 'grading.subjects', { grade: 'D' }, admin);
    expect(d.total).toBe(4);
    expect(d.counts).toEqual(HAND_COUNTS);
    expect(ok(inst, 'grading.subjects', { kind: 'teacher', grade: 'D' }, admin).rows.map((r) => r.name).sort()).toEqual(['教师2', '教师4']);
    expect(ok(inst, 'grading.subjects', { q: '培训' }, admin).rows.map((r) => r.name).sort()).toEqual(['舞钢市另一培训学校', '舞钢市样本培训学校']);
  });

  it('records a run with its counts and time, audited exactly once, and shows it in the trend', () => {
    const before = auditRows(inst);
    const run = ok(inst, 'grading.run', {}, admin);
    const after = auditRows(inst);
    expect(after.length).toBe(before.length + 1);
    const entry = after.at(-1)!;
    expect(entry).toMatchObject({ route: 'grading.run', actor: 'admin', subject: `grading_run:${run.id}` });
    expect(JSON.parse(entry.diff)).toMatchObject({ rulesVersion: 1, asOf: '2026-11-24', counts: HAND_COUNTS, total: 11 });
    expect(run).toMatchObject({ rulesVersion: 1, asOf: '2026-11-24', counts: HAND_COUNTS, total: 11, by: 'admin' });
    expect(run.ms).toBeGreaterThanOrEqual(0);
    const second = ok(inst, 'grading.run', {}, admin);
    const trend = ok(inst, 'grading.trend', {}, login(inst, 'auditor'));
    expect(trend.map((r) => r.id)).toEqual([run.id, second.id]);
    expect(trend[1]).toEqual(second);
  });

  it('keeps the grading while nothing changes, and grades again after any audited change', () => {
    const first = currentGrading(inst);
    ok(inst, 'grading.subjects', { offset: 5 }, admin);
    expect(currentGrading(inst)).toBe(first);
    // A run does not change a grade: the kept grading stays.
    ok(inst, 'grading.run', {}, admin);
    const kept = currentGrading(inst);
    ok(inst, 'grading.subjects', {}, admin);
    expect(currentGrading(inst)).toBe(kept);
    // A new list entry, written as every change is: the next read grades again and sees it.
    const teacher1 = `${HAND_SCHOOL.uscc}/1`;
    inst.write(
      () => ({ actor: 'admin', route: 'test.list', subject: `list:${teacher1}`, diff: {} }),
      ({ raw }) =>
        raw
          .prepare(
            `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
             VALUES ('key_monitoring', 'teacher', ?, '教师1', 'manual', '样本', 1, '2026-11-24T00:00:00.000Z', 'approved', 1, '2026-11-24T00:00:00.000Z', '同意', '2026-11-24', '2027-11-24')`,
          )
          .run(teacher1),
    );
    const now = ok(inst, 'grading.subjects', { kind: 'teacher', limit: 10 }, admin);
    expect(currentGrading(inst)).not.toBe(kept);
    expect(now.rows.find((r) => r.key === teacher1)).toMatchObject({ score: 102, grade: 'D', lists: ['key_monitoring'] });
    expect(now.counts.teacher).toEqual({ A: 1, B: 0, C: 1, D: 3 });
  });

  it('refuses what does not exist, other roles\' runs, and bad input, in words', () => {
    const inspector = login(inst, 'inspector');
    const auditor = login(inst, 'auditor');
    expect(call(inst, 'grading.run', {}, inspector)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(call(inst, 'grading.run', {}, auditor)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(ok(inst, 'grading.rules', {}, inspector).rules[0]).toMatchObject({ version: 1, thresholds: [{ grade: 'A', min: 110 }, { grade: 'B', min: 95 }, { grade: 'C', min: 80 }], severePoints: -30 });
    for (const [kind, key] of [['institution', '999'], ['institution', 'abc'], ['practitioner', '0'], ['teacher', `${HAND_SCHOOL.uscc}/99`], ['teacher', 'nobody'], ['teacher', `91000000000000000X/1`]] as const) {
      expect(call(inst, 'grading.subject', { kind, key }, admin), `${kind} ${key}`).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(call(inst, 'grading.subjects', { kind: 'student' as 'teacher' }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

async function okA<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const r = await dispatchAsync(inst, { route, input, session });
  if (!r.ok) throw new Error(`${route} failed: ${JSON.stringify(r.error)}`);
  return r.value as RouteOutput<R>;
}

describe('teachers a demo school sends to a demo bureau', () => {
  interface Side {
    inst: Installation;
    admin: string;
  }
  let school: Side;
  let bureau: Side;
  let uscc: string;

  function demo(scale: 'school' | 'bureau'): Side {
    const inst = new Installation(folder(`educredit-grading-${scale}-`), new TestClock());
    ok(inst, 'setup.demo', { scale, password: PASSWORD });
    return { inst, admin: login(inst, 'admin') };
  }

  async function send(): Promise<void> {
    const out = folder('educredit-grading-out-');
    const files = (await okA(school.inst, 'sync.export', { folder: out }, school.admin)).files.filter((f) => f.isNew);
    for (const f of files) await okA(bureau.inst, 'sync.import', { fileName: f.fileName, dataBase64: readFileSync(join(out, f.fileName)).toString('base64') }, bureau.admin);
  }

  /** Every teacher's grade as the school itself works it out (its credit file screen). */
  function schoolGrades(): Map<string, { score: number; grade: string }> {
    const out = new Map<string, { score: number; grade: string }>();
    for (const t of ok(school.inst, 'teachers.list', { limit: 500 }, school.admin).rows) {
      const f = ok(school.inst, 'creditFile.teacher', { teacherId: t.id }, school.admin);
      out.set(`${uscc}/${t.id}`, { score: f.grade.score, grade: f.grade.grade });
    }
    return out;
  }

  function bureauGrades(): Map<string, { score: number; grade: string }> {
    const rows = ok(bureau.inst, 'grading.subjects', { kind: 'teacher', limit: 500 }, bureau.admin).rows;
    return new Map(rows.map((r) => [r.key, { score: r.score, grade: r.grade }]));
  }

  beforeAll(async () => {
    school = demo('school');
    bureau = demo('bureau');
    uscc = ok(school.inst, 'sync.state', {}, school.admin).own.uscc;
    ok(bureau.inst, 'sync.enrol', { card: ok(school.inst, 'sync.card', {}, school.admin).card }, bureau.admin);
    ok(school.inst, 'sync.enrol', { card: ok(bureau.inst, 'sync.card', {}, bureau.admin).card }, school.admin);
    await send();
  }, 180_000);

  it('grades every teacher exactly as the school does', () => {
    const ours = bureauGrades();
    const theirs = schoolGrades();
    expect(ours.size).toBe(132);
    expect(ours).toEqual(theirs);
    // The demo has teachers in more than one grade: the comparison is not trivially all B.
    expect(new Set([...ours.values()].map((g) => g.grade)).size).toBeGreaterThan(1);
    // Students are never graded at the bureau.
    const all = ok(bureau.inst, 'grading.subjects', { limit: 500 }, bureau.admin);
    // 77 demo institutions, the school itself (enrolment registers it), its 132 teachers and the
    // training institutions' practitioners.
    const practitioners = (bureau.inst.open().raw.prepare('SELECT count(*) AS n FROM practitioners').get() as { n: number }).n;
    expect(practitioners).toBeGreaterThan(0);
    // The school is the registry's own entry of its code (no second one at enrolment): 77 institutions.
    expect(all.total).toBe(77 + 132 + practitioners);
    expect(all.rows.every((r) => r.kind !== ('student' as string))).toBe(true);
  });

  it('follows the school\'s amendments, revocations, repairs and objections after the next bundle', async () => {
    const records = ok(school.inst, 'records.list', { subjectKind: 'teacher', status: 'active', limit: 50, sort: 'occurredOn', dir: 'desc' }, school.admin).rows.filter((r) => r.subjectId !== 1);
    const c = records.find((r) => r.item.polarity === 'negative')!;
    const [a, b] = records.filter((r) => r.id !== c.id) as [(typeof records)[0], (typeof records)[0]];
    const items = new Map(ok(school.inst, 'catalogue.current', {}, school.admin).items.map((i) => [i.code, i.id]));
    ok(school.inst, 'records.amend', { recordId: a.id, itemId: items.get('T-V07')!, occurredOn: a.occurredOn, description: '更正为严重违规', reason: '核实后更正', evidence: [{ fileName: '决定书.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }] }, school.admin);
    ok(school.inst, 'records.revoke', { recordId: b.id, reason: '录入错误' }, school.admin);
    ok(school.inst, 'records.repair', { recordId: c.id, reason: '整改到位', effectiveOn: '2026-11-24' }, school.admin);
    // Teacher 1 (the T0001 account) objects to one of their own counting records.
    const own = ok(school.inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: items.get('T-V04')!, occurredOn: '2026-11-20', description: '迟交教案', evidence: [{ fileName: '记录.pdf', dataBase64: Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64') }] }, school.admin);
    ok(school.inst, 'objections.raise', { recordId: own.id, reason: '与事实不符' }, login(school.inst, 'T0001'));
    const before = bureauGrades();
    await send();
    const after = bureauGrades();
    expect(after).toEqual(schoolGrades());
    expect(after.get(`${uscc}/${a.subjectId}`)?.grade).toBe('D');
    expect(after).not.toEqual(before);
    const explained = ok(bureau.inst, 'grading.subject', { kind: 'teacher', key: `${uscc}/${b.subjectId}` }, bureau.admin);
    expect(explained.steps).toContainEqual(expect.objectContaining({ key: 'record', recordId: b.id, status: 'revoked', counted: false }));
  });

  it('is a bureau feature: a school installation refuses it', () => {
    for (const route of ['grading.rules', 'grading.subjects', 'grading.trend'] as const) {
      expect(call(school.inst, route, {}, school.admin), route).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(call(school.inst, 'grading.run', {}, school.admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
