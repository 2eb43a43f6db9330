// Teachers' files at the bureau, on a real encrypted installation holding one school's rows as its
// bundles leave them (test/core/samples/grading.ts): the city-wide page, one teacher's whole file
// with every record's state as the school itself works it out, the grade that the grading page
// shows, the report register, the read's audit entry, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import canonicalize from 'canonicalize';
import { Installation } from '../../electron/core/app/installation';
import { DEMO_ORG } from '../../electron/core/handlers';
import { changeLines } from '../../shared/api/auditWords';
import { addAccount, call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import { buildHandGrading, HAND_GRADES, HAND_SCHOOL } from './samples/grading';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

describe("teachers' files at the bureau", () => {
  let inst: Installation;
  let admin: string;
  let inspector: string;
  const T1 = `${HAND_SCHOOL.uscc}/1`;

  beforeAll(() => {
    const t = tempDir('educredit-school-teachers-');
    cleanups.push(t.cleanup);
    inst = new Installation(t.dir, new TestClock());
    ok(inst, 'setup.init', { mode: 'bureau', orgName: DEMO_ORG.bureau.name, uscc: DEMO_ORG.bureau.uscc, admin: { username: 'admin', displayName: '管理员', password: PASSWORD } });
    admin = login(inst, 'admin');
    addAccount(inst, admin, { username: 'inspector', displayName: '督导员', role: 'bureau_inspector', password: PASSWORD });
    inspector = login(inst, 'inspector');
    buildHandGrading(inst);
    // One report of teacher 1, confirmed on paper, as the school's bundle carries it.
    inst.write(
      () => ({ actor: 'test', route: 'test.reportRow', subject: 'report', diff: {} }),
      ({ raw }) => {
        const report = { id: '1', number: `${HAND_SCHOOL.uscc}-2026-0001`, teacherId: 1, year: 2026, snapshotHash: 'a'.repeat(64), createdAt: '2026-11-20T08:00:00.000Z', status: 'confirmed', grade: 'B', score: 102, confirmation: { kind: 'paper', confirmedAt: '2026-11-21T08:00:00.000Z' } };
        raw.prepare("INSERT INTO received_rows (school, kind, remote_id, data, seq) VALUES (?, 'report', '1', ?, 1)").run(HAND_SCHOOL.uscc, canonicalize(report)!);
      },
    );
  });

  it('lists every teacher of the city with the grade the grading page gives, found by name, school and grade', () => {
    const all = ok(inst, 'schoolTeachers.list', {}, inspector);
    expect(all.total).toBe(5);
    expect(Object.fromEntries(all.rows.map((r) => [r.key, { score: r.score, grade: r.grade }]))).toEqual(HAND_GRADES.teacher);
    expect(all.rows[0]).toMatchObject({ schoolName: HAND_SCHOOL.name, staffNo: 'T1', subject: '语文', status: 'active', gender: 'female' });
    expect(ok(inst, 'schoolTeachers.list', { q: '教师3' }, inspector).rows.map((r) => [r.key, r.lists])).toEqual([[`${HAND_SCHOOL.uscc}/3`, ['key_supervision']]]);
    expect(ok(inst, 'schoolTeachers.list', { q: 'T2' }, inspector).rows.map((r) => r.name)).toEqual(['教师2']);
    expect(ok(inst, 'schoolTeachers.list', { q: '实验小学' }, inspector).total).toBe(5);
    expect(ok(inst, 'schoolTeachers.list', { grade: 'D' }, inspector).rows.map((r) => r.name).sort()).toEqual(['教师2', '教师4']);
    expect(ok(inst, 'schoolTeachers.list', { school: '91350100M000200Y40' }, inspector).total).toBe(0);
    expect(ok(inst, 'schoolTeachers.list', { offset: 4, limit: 2 }, inspector).rows).toHaveLength(1);
  });

  it("opens a teacher's file: each record's state as the school works it out, objections, repairs, the grade's steps and the reports", () => {
    const file = ok(inst, 'schoolTeachers.file', { key: T1 }, inspector);
    expect(file.teacher).toMatchObject({ key: T1, name: '教师1', schoolName: HAND_SCHOOL.name, score: 102, grade: 'B', hireDate: '2010-09-01' });
    // Newest first; the revocation row (3) is not a record of its own.
    expect(file.records.map((r) => [r.id, r.status])).toEqual([
      ['10', 'active'],
      ['9', 'active'],
      ['8', 'active'],
      ['7', 'amended'],
      ['6', 'repaired'],
      ['5', 'disputed'],
      ['4', 'expired'],
      ['2', 'revoked'],
      ['1', 'active'],
    ]);
    const byId = new Map(file.records.map((r) => [r.id, r]));
    expect(byId.get('2')!.description).toBeNull();
    expect(byId.get('1')).toMatchObject({ itemCode: 'T-P03', description: '事实', points: 10, occurredOn: '2026-03-01' });
    expect(byId.get('1')!.itemName?.zh).toBeTruthy();
    expect(byId.get('8')).toMatchObject({ kind: 'amendment', supersedesId: '7' });
    expect(byId.get('9')!.objections.map((o) => o.decision)).toEqual([null, 'rejected']);
    expect(byId.get('9')!.objections[1]).toMatchObject({ reason: '再次申请', decisionReason: '事实清楚' });
    expect(byId.get('6')!.repair).toEqual({ kind: 'repair', reason: '整改到位', effectiveOn: '2026-10-01' });
    // The same steps as the grading page.
    const graded = ok(inst, 'grading.subject', { kind: 'teacher', key: T1 }, inspector);
    expect(file.steps).toEqual(graded.steps);
    expect(file.reports).toEqual([{ number: `${HAND_SCHOOL.uscc}-2026-0001`, year: 2026, status: 'confirmed', grade: 'B', score: 102, createdAt: '2026-11-20T08:00:00.000Z', confirmation: { kind: 'paper', confirmedAt: '2026-11-21T08:00:00.000Z' } }]);
  });

  it('audits each opening, naming the teacher in words', () => {
    ok(inst, 'schoolTeachers.file', { key: `${HAND_SCHOOL.uscc}/2` }, admin);
    const entry = ok(inst, 'audit.list', { route: 'schoolTeachers.file' }, admin).entries[0]!;
    expect(entry).toMatchObject({ actor: 'admin', subject: `schoolTeacher:${HAND_SCHOOL.uscc}/2`, subjectName: '教师2' });
    expect(changeLines(entry.diff, 'zh-CN')).toEqual(['查阅：信用档案', '记录：3']);
    // Found by the teacher's name too.
    expect(ok(inst, 'audit.list', { person: '教师2' }, admin).entries.map((e) => e.route)).toContain('schoolTeachers.file');
  });

  it('refuses an unknown teacher, a malformed key, and a school installation', () => {
    expect(call(inst, 'schoolTeachers.file', { key: `${HAND_SCHOOL.uscc}/99` }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const bad = call(inst, 'schoolTeachers.file', { key: '../1' }, admin);
    expect(bad.ok || bad.error.code).toBe('INVALID_INPUT');
  });
});
