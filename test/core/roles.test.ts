// Every route tried with every role of both modes, without a session, and with bad input: the dispatcher's access rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Installation } from '../../electron/core/app/installation';
import { dispatch, dispatchAsync } from '../../electron/core/api';
import { bundledCatalogue } from '../../electron/core/catalogue/service';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { join } from 'node:path';
import { contract, ROUTE_NAMES, type RouteInput, type RouteName } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/errors';
import { MODES, ROLES_BY_MODE, type Mode, type Role } from '../../shared/domain/roles';
import { login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import type { Fixture, TeacherFieldsWithId } from './samples/fixture';
import { SUPERVISION_SAMPLES } from './samples';


/** The demo accounts of each mode (electron/core/demo/build.ts), one per role. */
const DEMO_USERS: Record<Mode, Partial<Record<Role, string>>> = {
  school: { school_admin: 'admin', records_clerk: 'clerk', auditor: 'auditor', teacher: 'T0001' },
  bureau: { bureau_admin: 'admin', bureau_inspector: 'inspector', auditor: 'auditor' },
};

/**
 * A valid input for every route of the contract. A new route must get a sample here: the type
 * below and the first test both fail until it has one.
 */
const SAMPLES: { [R in RouteName]: (f: Fixture) => RouteInput<R> } = {
  'system.status': () => ({}),
  'setup.init': () => ({
    mode: 'school',
    orgName: '舞钢市实验小学',
    uscc: '91350100M000100Y43',
    admin: { username: 'admin2', displayName: '王校长', password: PASSWORD },
  }),
  'setup.demo': () => ({ scale: 'school', password: PASSWORD }),
  'auth.login': () => ({ username: 'auditor', password: PASSWORD }),
  'auth.recover': () => ({ recoveryKey: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH', username: 'admin', newPassword: 'brand-new-pass' }),
  'auth.logout': () => ({}),
  'auth.me': () => ({}),
  'auth.changePassword': () => ({ oldPassword: PASSWORD, newPassword: PASSWORD }),
  'users.list': () => ({}),
  'users.create': (f) => ({ username: `new.user${++f.counter}`, displayName: '新用户', role: 'auditor', password: PASSWORD }),
  'users.resetPassword': (f) => ({ userId: f.targetId, newPassword: PASSWORD }),
  'users.setActive': (f) => ({ userId: f.targetId, active: true }),
  'dashboard.summary': () => ({}),
  'audit.list': () => ({ limit: 5 }),
  'audit.verify': () => ({}),
  'system.doctor': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ idleLockMinutes: 10 }),
  'backup.list': () => ({}),
  'backup.run': () => ({}),
  'backup.restore': (f) => ({ file: f.backupFile }),
  'recovery.backups': () => ({}),
  'recovery.restore': (f) => ({ username: 'admin', password: PASSWORD, file: f.backupFile }),
  'teachers.list': () => ({ q: '王', limit: 5 }),
  'teachers.get': (f) => ({ id: f.teacher.id }),
  'teachers.create': (f) => ({ ...teacherSample(f), idNumber: makeIdNumber('410481', '19900101', String(100 + ++f.counter * 2 + 1).padStart(3, '0')), staffNo: `R${f.counter}` }),
  'teachers.update': (f) => f.teacher,
  'teachers.setStatus': (f) => ({ id: f.teacher.id, status: 'active' }),
  'classes.list': () => ({}),
  'classes.create': (f) => ({ grade: '七年级', name: `${20 + ++f.counter}班` }),
  'students.list': (f) => ({ classId: f.classId, limit: 5 }),
  'students.create': (f) => ({ name: '新同学', gender: 'female', studentNo: `X${++f.counter}`, classId: f.classId }),
  'students.update': (f) => ({ id: 1, name: '学生甲', gender: 'male', studentNo: 'S-ROLE-1', classId: f.classId }),
  'students.setStatus': () => ({ id: 1, status: 'active' }),
  'students.export': (f) => ({ classId: f.classId }),
  'catalogue.current': () => ({}),
  'catalogue.versions': () => ({}),
  'catalogue.publish': () => ({ note: '第二版', items: bundledCatalogue().items }),
  'records.list': () => ({ subjectKind: 'teacher', limit: 5 }),
  'records.create': (f) => ({ subjectKind: 'teacher', subjectId: f.teacher.id, itemId: f.items['T-P05'] ?? 0, occurredOn: '2026-11-01', description: '学校表扬' }),
  'records.amend': (f) => ({ recordId: f.recordId, itemId: f.items['T-P05'] ?? 0, occurredOn: '2026-11-02', description: '更正', reason: '日期有误' }),
  'records.revoke': (f) => ({ recordId: f.recordId, reason: '录入错误' }),
  'records.repair': (f) => ({ recordId: f.recordId, reason: '已整改', effectiveOn: '2026-11-20' }),
  'objections.raise': (f) => ({ recordId: f.ownRecordId, reason: '我有异议' }),
  'objections.decide': (f) => ({ objectionId: f.objectionId, decision: 'rejected', reason: '记录属实' }),
  'objections.open': () => ({}),
  'creditFile.teacher': (f) => ({ teacherId: f.teacher.id }),
  'creditFile.student': () => ({ studentId: 1 }),
  'evidence.get': (f) => f.evidence,
  'import.template': () => ({ kind: 'teachers' }),
  'import.preview': () => ({ kind: 'teachers', fileName: 'teachers.csv', dataBase64: Buffer.from(TEACHER_CSV, 'utf8').toString('base64') }),
  'import.progress': () => ({ jobId: 'no-such-job' }),
  'import.cancel': () => ({ jobId: 'no-such-job' }),
  'import.commit': () => ({ jobId: 'no-such-job' }),
  'reports.list': () => ({}),
  'reports.generate': (f) => ({ teacherId: f.teacher.id || 1 }),
  'reports.pdf': (f) => ({ reportId: f.reportId }),
  'reports.confirm': (f) => ({ reportId: f.reportId, password: PASSWORD }),
  'reports.confirmPaper': (f) => ({ reportId: f.paperReportId, scan: { fileName: 'scan.pdf', dataBase64: PDF } }),
  'reports.verify': () => ({ fileName: 'r.pdf', dataBase64: PDF }),
  'reports.batchStart': (f) => ({ folder: join(f.inst.dataDir, 'batch'), teacherIds: [1] }),
  'reports.batchProgress': () => ({ jobId: 'no-such-job' }),
  'reports.batchCancel': () => ({ jobId: 'no-such-job' }),
  'sync.state': () => ({}),
  'sync.card': () => ({}),
  // Not a card: refused with CARD_INVALID (enrolment itself is tried in test/core/sync.test.ts).
  'sync.enrol': () => ({ card: '{}' }),
  'sync.exportAgeIdentity': () => ({}),
  'sync.export': (f) => ({ folder: join(f.inst.dataDir, 'bundles') }),
  'sync.import': () => ({ fileName: 'x.ecb', dataBase64: PDF }),
  'sync.inspect': () => ({ fileName: 'x.ecb', dataBase64: PDF }),
  'sync.supervision': () => ({}),
  'overview.bureau': () => ({}),
  ...SUPERVISION_SAMPLES,
};

const TEACHER_CSV = `姓名,性别,身份证号,工号,任教学科,职称,入职日期\n李娜,女,11010519491231002X,T7001,数学,一级教师,2010-09-01\n`;
const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

function teacherSample(f: Fixture): Omit<TeacherFieldsWithId, 'id'> {
  const { id: _id, ...fields } = f.teacher;
  return fields;
}

/**
 * Routes that end sessions or swap the store run last, in this order: logout ends the caller's
 * session; a restore closes the store and ends every session.
 */
const ENDS_ALL_SESSIONS: readonly string[] = ['backup.restore', 'recovery.restore'];
const LAST: readonly string[] = ['auth.logout', ...ENDS_ALL_SESSIONS];
const ORDERED: RouteName[] = [...ROUTE_NAMES.filter((r) => !LAST.includes(r)), ...ROUTE_NAMES.filter((r) => LAST.includes(r)).sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b))];
const ROLE_ROUTES = ORDERED.filter((r) => contract[r].access !== 'public');
const PUBLIC_ROUTES = ORDERED.filter((r) => contract[r].access === 'public');

function allowed(route: RouteName, role: Role, mode: Mode): boolean {
  const { access, mode: only } = contract[route];
  return access !== 'public' && access.includes(role) && (!only || only === mode);
}

function errorOf(r: Result<unknown>): ApiError | null {
  return r.ok ? null : r.error;
}

const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

async function build(mode: Mode): Promise<Fixture> {
  const t = tempDir(`educredit-roles-${mode}-`);
  cleanups.push(t.cleanup);
  const clock = new TestClock();
  const inst = new Installation(t.dir, clock);
  ok(inst, 'setup.demo', { scale: mode, password: PASSWORD });
  const admin = login(inst, 'admin');
  const target = ok(inst, 'users.create', { username: 'target', displayName: '备用账户', role: 'auditor', password: PASSWORD }, admin);
  const backup = ok(inst, 'backup.run', {}, admin);
  const base = { mode, inst, clock, targetId: target.id, backupFile: backup.file, counter: 0 };
  const items = Object.fromEntries(ok(inst, 'catalogue.current', {}, admin).items.map((i) => [i.code, i.id]));
  if (mode === 'bureau') {
    const none = { recordId: 0, sha256: '0'.repeat(64) };
    return { ...base, teacher: { id: 0, ...EMPTY_TEACHER }, classId: 0, items, recordId: 0, evidence: none, objectionId: 0, ownRecordId: 0, reportId: 0, paperReportId: 0 };
  }
  const t1 = ok(inst, 'teachers.get', { id: 1 }, admin);
  const teacher = { id: t1.id, name: t1.name, gender: t1.gender, idNumber: t1.idNumber, staffNo: t1.staffNo, subject: t1.subject, title: t1.title, hireDate: t1.hireDate };
  const classId = ok(inst, 'classes.list', {}, admin)[0]!.id;
  const record = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 2, itemId: items['T-V04']!, occurredOn: '2026-11-01', description: '缺席教研', evidence: [{ fileName: 'a.pdf', dataBase64: PDF }] }, admin);
  // The teacher account T0001 is teacher 1: its evidence sample is in its own file, which it may read.
  const own = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: items['T-P04']!, occurredOn: '2026-11-01', description: '县级表彰', evidence: [{ fileName: 'b.pdf', dataBase64: PDF }] }, admin);
  const disputed = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: items['T-P05']!, occurredOn: '2026-11-03', description: '表扬' }, admin);
  const teacherSession = login(inst, 'T0001');
  const objection = ok(inst, 'objections.raise', { recordId: disputed.id, reason: '日期不对' }, teacherSession);
  const report = async (): Promise<number> => {
    const r = await dispatchAsync(inst, { route: 'reports.generate', input: { teacherId: 1 }, session: admin });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return (r.value as { report: { id: number } }).report.id;
  };
  const paperReportId = await report();
  const reportId = await report();
  return {
    ...base,
    teacher,
    classId,
    items,
    recordId: record.id,
    evidence: { recordId: own.id, sha256: own.evidence[0]!.sha256 },
    objectionId: objection.objection!.id,
    ownRecordId: own.id,
    reportId,
    paperReportId,
  };
}

const EMPTY_TEACHER = { name: '无', gender: 'male', idNumber: '11010519491231002X', staffNo: '0', subject: '无', title: '', hireDate: '2000-01-01' } as const;

describe('the sample table', () => {
  it('has a valid sample for every route of the contract, and nothing else', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ROUTE_NAMES].sort());
    const fake: Fixture = {
      mode: 'school',
      inst: new Installation('/nonexistent'),
      clock: new TestClock(),
      targetId: 1,
      backupFile: '/x.backup.db',
      counter: 0,
      teacher: { id: 1, ...EMPTY_TEACHER },
      classId: 1,
      items: { 'T-P05': 1 },
      recordId: 1,
      evidence: { recordId: 1, sha256: 'a'.repeat(64) },
      objectionId: 1,
      ownRecordId: 1,
      reportId: 1,
      paperReportId: 2,
    };
    for (const route of ROUTE_NAMES) {
      const parsed = contract[route].input.safeParse((SAMPLES[route] as (f: Fixture) => unknown)(fake));
      expect(parsed.success, route).toBe(true);
    }
  });

  it('knows a demo account for every role of each mode', () => {
    for (const mode of MODES) expect(Object.keys(DEMO_USERS[mode]).sort()).toEqual([...ROLES_BY_MODE[mode]].sort());
  });
});

describe.each(MODES)('%s installation', (mode) => {
  let f: Fixture;
  const sessions = new Map<Role, string>();

  beforeAll(async () => {
    f = await build(mode);
  });

  function sessionOf(role: Role): string {
    let s = sessions.get(role);
    if (!s) {
      s = login(f.inst, DEMO_USERS[mode][role]!);
      sessions.set(role, s);
    }
    return s;
  }

  function tryRoute(route: RouteName, session: string | undefined): Promise<Result<unknown>> {
    // One second between calls: backups and kept-aside files are named by the clock.
    f.clock.ms += 1000;
    return dispatchAsync(f.inst, { route, input: (SAMPLES[route] as (fx: Fixture) => unknown)(f), session });
  }

  it.each(ROLE_ROUTES)('%s: refused to roles outside its access list, open to those in it', async (route) => {
    for (const role of ROLES_BY_MODE[mode]) {
      const r = await tryRoute(route, sessionOf(role));
      const err = errorOf(r);
      if (allowed(route, role, mode)) {
        expect(err?.code, `${role} on ${route}: ${JSON.stringify(err)}`).not.toBe('FORBIDDEN');
        expect(err?.code, `${role} on ${route}: ${JSON.stringify(err)}`).not.toBe('UNAUTHENTICATED');
        // The sample is valid and the core handles it: an allowed call must not fail on input or crash.
        expect(err?.code, `${role} on ${route}`).not.toBe('INVALID_INPUT');
        expect(err?.code, `${role} on ${route}`).not.toBe('INTERNAL');
      } else {
        expect(err, `${role} on ${route}`).toEqual({ code: 'FORBIDDEN', params: { route } });
      }
      if (route === 'auth.logout' && r.ok) {
        expect(errorOf(await tryRoute('auth.me', sessionOf(role)))?.code).toBe('UNAUTHENTICATED');
        sessions.delete(role);
      }
      if (ENDS_ALL_SESSIONS.includes(route) && r.ok) {
        // Restore swaps the store: every session has ended, and the data is the backup's.
        for (const s of sessions.values()) expect(errorOf(await tryRoute('auth.me', s))?.code).toBe('UNAUTHENTICATED');
        sessions.clear();
      }
    }
  });

  it.each(ROLE_ROUTES)('%s: refused without a session or with an unknown token', async (route) => {
    expect(errorOf(await tryRoute(route, undefined))).toEqual({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await tryRoute(route, 'not-a-session-token'))).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it.each(PUBLIC_ROUTES)('%s: public, answered without a session', async (route) => {
    const r = await tryRoute(route, undefined);
    if (ENDS_ALL_SESSIONS.includes(route) && r.ok) sessions.clear();
    const err = errorOf(r);
    expect(err?.code).not.toBe('UNAUTHENTICATED');
    expect(err?.code).not.toBe('FORBIDDEN');
    expect(err?.code).not.toBe('INVALID_INPUT');
    expect(err?.code).not.toBe('INTERNAL');
  });

  it('answers a made-up route with UNKNOWN_ROUTE, with or without a session', () => {
    const s = sessionOf(mode === 'school' ? 'school_admin' : 'bureau_admin');
    for (const session of [undefined, s]) {
      expect(errorOf(dispatch(f.inst, { route: 'users.dropAll', input: {}, session }))).toEqual({ code: 'UNKNOWN_ROUTE', params: { route: 'users.dropAll' } });
    }
    // Names from Object.prototype are not routes either.
    expect(errorOf(dispatch(f.inst, { route: 'constructor', input: {} }))?.code).toBe('UNKNOWN_ROUTE');
    expect(errorOf(dispatch(f.inst, { route: '__proto__', input: {} }))?.code).toBe('UNKNOWN_ROUTE');
  });

  it('answers invalid input with INVALID_INPUT and issues that name each path', () => {
    const admin = sessionOf(mode === 'school' ? 'school_admin' : 'bureau_admin');
    const bad = errorOf(dispatch(f.inst, { route: 'users.create', session: admin, input: { username: 'x', displayName: '', role: 'superuser', password: 'short' } }));
    expect(bad?.code).toBe('INVALID_INPUT');
    expect((bad?.issues ?? []).map((i) => i.path).sort()).toEqual(['displayName', 'password', 'role', 'username']);

    const nested = errorOf(
      dispatch(f.inst, {
        route: 'setup.init',
        input: { mode, orgName: '舞钢市实验小学', uscc: '91350100M000100Y43', admin: { username: 'admin9', displayName: '王', password: 'short' } },
      }),
    );
    expect(nested?.code).toBe('INVALID_INPUT');
    expect(nested?.issues?.map((i) => i.path)).toEqual(['admin.password']);

    const range = errorOf(dispatch(f.inst, { route: 'settings.update', session: admin, input: { backupKeep: 0, idleLockMinutes: 1000 } }));
    expect(range?.issues?.map((i) => i.path).sort()).toEqual(['backupKeep', 'idleLockMinutes']);

    const notObject = errorOf(dispatch(f.inst, { route: 'audit.list', session: admin, input: 'everything' }));
    expect(notObject?.code).toBe('INVALID_INPUT');

    // A role without access learns nothing about the input rules: FORBIDDEN comes first.
    const auditor = sessionOf('auditor');
    expect(errorOf(dispatch(f.inst, { route: 'users.create', session: auditor, input: { username: 'x' } }))?.code).toBe('FORBIDDEN');
    // Issues carry no stack trace and no echo of a password.
    expect(JSON.stringify(bad)).not.toContain('short');
    expect(JSON.stringify(bad)).not.toMatch(/at .*\.ts:\d+/);
  });
});
