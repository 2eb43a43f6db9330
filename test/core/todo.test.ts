// The school's to-do list on a real installation: first steps for a school just set up, then
// objections to decide, reports unsigned or overtaken, the backup's age and disk, the last bundle,
// each part only for the roles who act on it.
import { afterAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { addAccount, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

function school(): { inst: Installation; admin: string } {
  const t = tempDir('educredit-todo-');
  const inst = new Installation(t.dir, new TestClock());
  cleanups.push(() => {
    inst.close();
    t.cleanup();
  });
  ok(inst, 'setup.init', { mode: 'school', orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin', displayName: '王校长', password: PASSWORD } });
  return { inst, admin: login(inst, 'admin') };
}

describe('the to-do list', () => {
  it('gives a school just set up its first steps, and says it has no backup yet, on its own disk', () => {
    const { inst, admin } = school();
    expect(ok(inst, 'dashboard.todo', {}, admin)).toEqual({
      pendingObjections: 0,
      reports: { unconfirmed: 0, superseded: 0 },
      backup: { lastAt: null, sameDisk: true },
      bundles: { partners: 0, lastAt: null },
      firstSteps: { teachers: 0, teachersWithoutAccount: 0, partners: 0 },
      mine: null,
    });
  });

  it('counts what waits for a person, and shows each role only its part', async () => {
    const { inst, admin } = school();
    const teacher = ok(inst, 'teachers.create', { name: '王明', gender: 'male', idNumber: makeIdNumber('410481', '19800101', '013'), staffNo: 'T1', subject: '语文', title: '', hireDate: '2010-09-01' }, admin);
    const other = ok(inst, 'teachers.create', { name: '李娜', gender: 'female', idNumber: makeIdNumber('410481', '19800102', '022'), staffNo: 'T2', subject: '数学', title: '', hireDate: '2010-09-01' }, admin);
    addAccount(inst, admin, { username: 'wang', displayName: '王明', role: 'teacher', teacherId: teacher.id });
    const item = ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === 'T-V04')!.id;
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');
    const record = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: teacher.id, itemId: item, occurredOn: '2026-11-02', description: '迟交教案', evidence: [{ fileName: 'a.pdf', dataBase64: pdf }] }, admin);
    for (const id of [teacher.id, other.id]) expect((await dispatchAsync(inst, { route: 'reports.generate', input: { teacherId: id }, session: admin })).ok).toBe(true);
    // The teacher objects: their file changed after the report, which is overtaken.
    ok(inst, 'objections.raise', { recordId: record.id, reason: '与事实不符' }, login(inst, 'wang'));
    ok(inst, 'backup.run', {}, admin);
    const todo = ok(inst, 'dashboard.todo', {}, admin);
    expect(todo).toMatchObject({ pendingObjections: 1, reports: { unconfirmed: 1, superseded: 1 }, firstSteps: { teachers: 2, teachersWithoutAccount: 1, partners: 0 } });
    expect(todo.backup).toMatchObject({ lastAt: expect.stringMatching(/^2026-11-24T/), sameDisk: true });

    addAccount(inst, admin, { username: 'clerk', displayName: '干事', role: 'records_clerk' });
    expect(ok(inst, 'dashboard.todo', {}, login(inst, 'clerk'))).toEqual({ pendingObjections: null, reports: { unconfirmed: 1, superseded: 1 }, backup: null, bundles: null, firstSteps: null, mine: null });
    // The teacher sees only their own: their report was overtaken by their objection, which waits.
    const wang = login(inst, 'wang');
    expect(ok(inst, 'dashboard.todo', {}, wang)).toEqual({ pendingObjections: null, reports: null, backup: null, bundles: null, firstSteps: null, mine: { reportToConfirm: null, openObjections: 1 } });
    // A new report waits for their signature.
    const again = await dispatchAsync(inst, { route: 'reports.generate', input: { teacherId: teacher.id }, session: admin });
    expect(again.ok).toBe(true);
    const newest = inst.open().raw.prepare('SELECT max(id) FROM reports WHERE teacher_id = ?').pluck().get(teacher.id) as number;
    expect(ok(inst, 'dashboard.todo', {}, wang).mine).toEqual({ reportToConfirm: { id: newest, year: 2026 }, openObjections: 1 });
  });
});
