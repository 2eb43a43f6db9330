// Minors' data never reaches a role that may not see students: a demo school gets a student whose
// name, number, guardian phone, records and import file carry unique markers; then every route is
// called as the teacher and as the auditor (and every public route without a session), the whole
// audit log is paged through, and no marker may appear in anything they receive. The school
// administrator, who may see students, still reads the history of the student's file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchAsync } from '../../electron/core/api';
import { contract, type RouteName } from '../../shared/api/contract';
import type { Role } from '../../shared/domain/roles';
import { call, login, ok } from '../support/installation';
import type { Fixture } from './samples/fixture';
import { allowed, buildFixture, DEMO_USERS, ENDS_ALL_SESSIONS, ORDERED, SAMPLES } from './samples/routes';

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const MARKERS = {
  name: '隐私标记甲',
  renamed: '隐私标记乙',
  studentNo: 'MARK778899',
  phone: '13977665544',
  description: '标记描述：课堂冲突细节',
  reason: '标记理由：更正原因',
  importName: '隐私标记丙',
  importNo: 'MARK556677',
  importFile: '标记名单.csv',
};

function leaked(value: unknown): string[] {
  const text = JSON.stringify(value);
  return Object.values(MARKERS).filter((m) => text.includes(m));
}

let f: Fixture;
let admin: string;
let studentId = 0;

beforeAll(async () => {
  f = await buildFixture('school', cleanups);
  admin = login(f.inst, 'admin');
  const items = ok(f.inst, 'catalogue.current', {}, admin).items;
  const studentItem = items.find((i) => i.subjectKinds.includes('student') && !i.evidenceRequired)!;
  const s = ok(f.inst, 'students.create', { name: MARKERS.name, gender: 'female', studentNo: MARKERS.studentNo, classId: f.classId, guardianContact: MARKERS.phone }, admin);
  studentId = s.id;
  const record = ok(f.inst, 'records.create', { subjectKind: 'student', subjectId: s.id, itemId: studentItem.id, occurredOn: '2026-11-02', description: MARKERS.description }, admin);
  ok(f.inst, 'records.amend', { recordId: record.id, itemId: studentItem.id, occurredOn: '2026-11-03', description: `${MARKERS.description}（更正）`, reason: MARKERS.reason }, admin);
  ok(f.inst, 'students.update', { id: s.id, name: MARKERS.renamed, gender: 'female', studentNo: MARKERS.studentNo, classId: f.classId, guardianContact: MARKERS.phone }, admin);
  ok(f.inst, 'creditFile.student', { studentId: s.id }, admin);
  // A roster imported from a file: its rows and its file name are the students' too.
  const classes = ok(f.inst, 'classes.list', {}, admin);
  const cls = classes.find((c) => c.id === f.classId)!;
  const csv = `姓名,性别,学号,年级,班级,监护人电话\n${MARKERS.importName},男,${MARKERS.importNo},${cls.grade},${cls.name},13900000000\n`;
  const preview = await dispatchAsync(f.inst, { route: 'import.preview', session: admin, input: { kind: 'students', fileName: MARKERS.importFile, dataBase64: Buffer.from(csv, 'utf8').toString('base64') } });
  if (!preview.ok) throw new Error(JSON.stringify(preview.error));
  const jobId = (preview.value as { jobId: string }).jobId;
  const committed = call(f.inst, 'import.commit', { jobId }, admin);
  if (!committed.ok) throw new Error(JSON.stringify(committed.error));
});

/** Every route the role may call, with its sample; the calls that swap the store are left out. */
async function everythingAs(role: Role): Promise<{ route: RouteName; leaks: string[] }[]> {
  const session = login(f.inst, DEMO_USERS.school[role]!);
  const found: { route: RouteName; leaks: string[] }[] = [];
  for (const route of ORDERED) {
    if (ENDS_ALL_SESSIONS.includes(route) || route === 'auth.logout') continue;
    if (!allowed(route, role, 'school') && contract[route].access !== 'public') continue;
    f.clock.ms += 1000;
    const r = await dispatchAsync(f.inst, { route, input: (SAMPLES[route] as (fx: Fixture) => unknown)(f), session: contract[route].access === 'public' ? undefined : session });
    const leaks = leaked(r);
    if (leaks.length) found.push({ route, leaks });
  }
  // The sample reads one page of the audit log; read all of it.
  if (allowed('audit.list', role, 'school')) {
    for (let offset = 0; ; offset += 500) {
      const page = ok(f.inst, 'audit.list', { offset, limit: 500 }, session);
      const leaks = leaked(page);
      if (leaks.length) found.push({ route: 'audit.list', leaks });
      if (offset + 500 >= page.total) break;
    }
  }
  return found;
}

describe('a student marked with unique words', () => {
  it('is in the audit log for the school administrator: the private part of each entry, in the history of the file', () => {
    const entries = ok(f.inst, 'audit.list', { subject: `student:${studentId}`, limit: 500 }, admin).entries;
    expect(entries.map((e) => e.route).sort()).toEqual(['creditFile.student', 'records.amend', 'records.create', 'students.create', 'students.update']);
    const update = entries.find((e) => e.route === 'students.update')!;
    expect(JSON.parse(update.diff)).toMatchObject({ changed: ['name'] });
    expect(JSON.parse(update.detail!)).toEqual({ name: { from: MARKERS.name, to: MARKERS.renamed } });
    const created = entries.find((e) => e.route === 'students.create')!;
    expect(created.detail).toContain(MARKERS.phone);
    expect(entries.find((e) => e.route === 'records.amend')!.detail).toContain(MARKERS.reason);
    // Nothing personal in the stored log itself: the markers are only in the private parts.
    const rows = f.inst.open().raw.prepare('SELECT diff, subject FROM audit_log').all() as { diff: string; subject: string }[];
    expect(leaked(rows)).toEqual([]);
    expect(ok(f.inst, 'audit.verify', {}, admin)).toMatchObject({ ok: true });
  });

  it.each(['teacher', 'auditor'] as const)('never reaches the %s, through any route or the whole audit log', async (role) => {
    expect(await everythingAs(role)).toEqual([]);
  });

  it('never reaches a caller without a session, through the public routes', async () => {
    const found: string[] = [];
    for (const route of ORDERED) {
      if (contract[route].access !== 'public' || ENDS_ALL_SESSIONS.includes(route)) continue;
      const r = await dispatchAsync(f.inst, { route, input: (SAMPLES[route] as (fx: Fixture) => unknown)(f) });
      if (leaked(r).length) found.push(route);
    }
    expect(found).toEqual([]);
  });

  it('shows the auditor that the student changed, by whom and when, with the student as an opaque reference', () => {
    const auditor = login(f.inst, 'auditor');
    const entries = ok(f.inst, 'audit.list', { subject: `student:${studentId}`, limit: 500 }, auditor).entries;
    const update = entries.find((e) => e.route === 'students.update')!;
    expect(update).toMatchObject({ actor: 'admin', subject: `student:${studentId}`, detail: null });
    expect(JSON.parse(update.diff)).toMatchObject({ changed: ['name'] });
    expect(ok(f.inst, 'audit.verify', {}, auditor)).toMatchObject({ ok: true });
  });

  it('breaks the chain where a private part is changed by hand', () => {
    const raw = f.inst.open().raw;
    const row = raw.prepare('SELECT seq, data FROM audit_private ORDER BY seq LIMIT 1').get() as { seq: number; data: string };
    raw.prepare('UPDATE audit_private SET data = ? WHERE seq = ?').run(row.data.replace(MARKERS.name, '别的名字'), row.seq);
    try {
      expect(ok(f.inst, 'audit.verify', {}, admin)).toMatchObject({ ok: false, firstBrokenSeq: row.seq });
    } finally {
      raw.prepare('UPDATE audit_private SET data = ? WHERE seq = ?').run(row.data, row.seq);
    }
  });
});

describe("teachers' ID numbers", () => {
  it('are masked in every list and for every reader who does not edit teachers, whole only in the edit form of those who do', () => {
    const whole = f.teacher.idNumber;
    const masked = `${whole.slice(0, 6)}********${whole.slice(14)}`;
    const sessions = { school_admin: admin, records_clerk: login(f.inst, 'clerk'), auditor: login(f.inst, 'auditor'), teacher: login(f.inst, 'T0001') };
    for (const [role, s] of Object.entries(sessions)) {
      if (role !== 'teacher') {
        // Searching by the whole number finds its holder only for those who see whole numbers:
        // for the auditor an exact match would tell the masked digits one guess at a time.
        const rows = ok(f.inst, 'teachers.list', { q: whole, limit: 5 }, s).rows;
        expect(rows.map((r) => r.idNumber), role).toEqual(role === 'auditor' ? [] : [masked]);
        expect(ok(f.inst, 'teachers.list', { q: f.teacher.staffNo, limit: 5 }, s).rows.map((r) => r.idNumber), role).toEqual([masked]);
        const byRecord = ok(f.inst, 'records.list', { subjectKind: 'teacher', q: whole, limit: 5 }, s);
        expect(byRecord.total > 0, role).toBe(role !== 'auditor');
        const one = ok(f.inst, 'teachers.get', { id: f.teacher.id }, s);
        expect(one.idNumber, role).toBe(role === 'auditor' ? masked : whole);
      }
      const file = ok(f.inst, 'creditFile.teacher', { teacherId: f.teacher.id }, s);
      expect(file.teacher.idNumber, role).toBe(role === 'school_admin' || role === 'records_clerk' ? whole : masked);
    }
    // The audit log names a teacher's ID number masked too.
    const entries = ok(f.inst, 'audit.list', { subject: 'teacher', limit: 500 }, sessions.auditor).entries;
    // Not inside a longer run of hex digits: a SHA-256 in hex holds 18 decimal digits in a row
    // often enough to make the bare pattern fail now and then.
    expect(JSON.stringify(entries)).not.toMatch(/(?<![0-9a-f])\d{17}[\dX](?![0-9a-f])/);
    expect(JSON.stringify(entries)).not.toContain(whole);
  });
});
