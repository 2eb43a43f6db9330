// The role tests' shared parts (vitest): a demo installation of each mode with the data every
// route's sample acts on, a valid input for every route, and the order routes are tried in.
import { Installation } from '../../../electron/core/app/installation';
import { dispatchAsync } from '../../../electron/core/api';
import { bundledCatalogue } from '../../../electron/core/catalogue/service';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { basename, join } from 'node:path';
import { contract, ROUTE_NAMES, type RouteInput, type RouteName } from '../../../shared/api/contract';
import type { Mode, Role } from '../../../shared/domain/roles';
import { login, ok, PASSWORD, TestClock, tempDir } from '../../support/installation';
import type { Fixture, TeacherFieldsWithId } from './fixture';
import { SUPERVISION_SAMPLES } from '.';


/** The demo accounts of each mode (electron/core/demo/build.ts), one per role. */
export const DEMO_USERS: Record<Mode, Partial<Record<Role, string>>> = {
  school: { school_admin: 'admin', records_clerk: 'clerk', auditor: 'auditor', teacher: 'T0001' },
  bureau: { bureau_admin: 'admin', bureau_inspector: 'inspector', auditor: 'auditor' },
};

/**
 * A valid input for every route of the contract. A new route must get a sample here: the type
 * below and the first test both fail until it has one.
 */
export const SAMPLES: { [R in RouteName]: (f: Fixture) => RouteInput<R> } = {
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
  'users.createForTeachers': (f) => ({ teacherIds: [f.teacher.id] }),
  'dashboard.summary': () => ({}),
  'audit.list': () => ({ limit: 5 }),
  'dashboard.todo': () => ({}),
  'audit.export': () => ({ format: 'xlsx', operator: 'admin' }),
  'audit.verify': () => ({}),
  'system.doctor': () => ({}),
  'settings.get': () => ({}),
  'settings.update': () => ({ idleLockMinutes: 10 }),
  'backup.list': () => ({}),
  'backup.run': () => ({}),
  'backup.download': (f) => ({ file: basename(f.backupFile) }),
  'backup.restore': (f) => ({ file: f.backupFile }),
  'recovery.backups': () => ({}),
  'recovery.restore': (f) => ({ username: 'admin', password: PASSWORD, file: f.backupFile }),
  'teachers.list': () => ({ q: '王', limit: 5 }),
  'teachers.get': (f) => ({ id: f.teacher.id }),
  'teachers.export': () => ({ status: 'active', format: 'xlsx' }),
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
  'records.export': () => ({ subjectKind: 'teacher', status: 'active', format: 'xlsx' }),
  'records.create': (f) => ({ subjectKind: 'teacher', subjectId: f.teacher.id, itemId: f.items['T-P05'] ?? 0, occurredOn: '2026-11-01', description: '学校表扬' }),
  'records.amend': (f) => ({ recordId: f.recordId, itemId: f.items['T-P05'] ?? 0, occurredOn: '2026-11-02', description: '更正', reason: '日期有误' }),
  'records.revoke': (f) => ({ recordId: f.recordId, reason: '录入错误' }),
  'records.repair': (f) => ({ recordId: f.recordId, reason: '已整改', effectiveOn: '2026-11-20' }),
  'objections.raise': (f) => ({ recordId: f.ownRecordId, reason: '我有异议' }),
  'objections.decide': (f) => ({ objectionId: f.objectionId, decision: 'rejected', reason: '记录属实' }),
  'objections.list': () => ({ state: 'all' }),
  'objections.export': () => ({ state: 'all', format: 'xlsx' }),
  'creditFile.teacher': (f) => ({ teacherId: f.teacher.id }),
  'creditFile.student': () => ({ studentId: 1 }),
  'evidence.get': (f) => f.evidence,
  'import.template': () => ({ kind: 'teachers' }),
  'import.preview': () => ({ kind: 'teachers', fileName: 'teachers.csv', dataBase64: Buffer.from(TEACHER_CSV, 'utf8').toString('base64') }),
  'import.progress': () => ({ jobId: 'no-such-job' }),
  'import.cancel': () => ({ jobId: 'no-such-job' }),
  'import.exportProblems': () => ({ jobId: 'no-such-job', format: 'xlsx' }),
  'import.commit': () => ({ jobId: 'no-such-job' }),
  'reports.list': () => ({}),
  'reports.export': () => ({ format: 'pdf' }),
  'reports.generate': (f) => ({ teacherId: f.teacher.id || 1 }),
  'reports.pdf': (f) => ({ reportId: f.reportId }),
  'reports.confirm': (f) => ({ reportId: f.reportId, password: PASSWORD }),
  'reports.confirmPaper': (f) => ({ reportId: f.paperReportId, scan: { fileName: 'scan.pdf', dataBase64: PDF } }),
  'reports.verify': () => ({ fileName: 'r.pdf', dataBase64: PDF }),
  'reports.batchStart': (f) => ({ folder: join(f.inst.dataDir, 'batch'), teacherIds: [1] }),
  'reports.batchProgress': () => ({ jobId: 'no-such-job' }),
  'reports.batchCancel': () => ({ jobId: 'no-such-job' }),
  'reports.batchArchive': () => ({ jobId: 'no-such-job' }),
  'sync.state': () => ({}),
  'sync.card': () => ({}),
  // Not a card: refused with CARD_INVALID (enrolment itself is tried in test/core/sync.test.ts).
  'sync.enrol': () => ({ card: '{}' }),
  'sync.registryMatch': () => ({ card: '{}' }),
  'sync.exportAgeIdentity': () => ({}),
  'sync.export': (f) => ({ folder: join(f.inst.dataDir, 'bundles') }),
  'sync.exportDownload': () => ({}),
  'sync.import': () => ({ fileName: 'x.ecb', dataBase64: PDF }),
  'sync.inspect': () => ({ fileName: 'x.ecb', dataBase64: PDF }),
  'sync.supervision': () => ({}),
  'overview.bureau': () => ({}),
  ...SUPERVISION_SAMPLES,
};

const TEACHER_CSV = `姓名,性别,身份证号,工号,任教学科,职称,入职日期\n李娜,女,11010519491231002X,T7001,数学,一级教师,2010-09-01\n`;
export const PDF = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

function teacherSample(f: Fixture): Omit<TeacherFieldsWithId, 'id'> {
  const { id: _id, ...fields } = f.teacher;
  return fields;
}

/**
 * Routes that end sessions or swap the store run last, in this order: logout ends the caller's
 * session; a restore closes the store and ends every session.
 */
export const ENDS_ALL_SESSIONS: readonly string[] = ['backup.restore', 'recovery.restore'];
const LAST: readonly string[] = ['auth.logout', ...ENDS_ALL_SESSIONS];
export const ORDERED: RouteName[] = [...ROUTE_NAMES.filter((r) => !LAST.includes(r)), ...ROUTE_NAMES.filter((r) => LAST.includes(r)).sort((a, b) => LAST.indexOf(a) - LAST.indexOf(b))];
export const ROLE_ROUTES = ORDERED.filter((r) => contract[r].access !== 'public');
export const PUBLIC_ROUTES = ORDERED.filter((r) => contract[r].access === 'public');

export function allowed(route: RouteName, role: Role, mode: Mode): boolean {
  const { access, mode: only } = contract[route];
  return access !== 'public' && access.includes(role) && (!only || only === mode);
}


/** A demo installation of `mode` with what the samples need; `cleanups` gets its folder's removal. */
export async function buildFixture(mode: Mode, cleanups: (() => void)[]): Promise<Fixture> {
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
  // Both are against the teacher: a record in their favour is nothing to object to.
  const own = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: items['T-V04']!, occurredOn: '2026-11-01', description: '迟交教案', evidence: [{ fileName: 'b.pdf', dataBase64: PDF }] }, admin);
  const disputed = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: items['T-V11']!, occurredOn: '2026-11-03', description: '未按要求参加值班', evidence: [{ fileName: 'c.pdf', dataBase64: PDF }] }, admin);
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

export const EMPTY_TEACHER = { name: '无', gender: 'male', idNumber: '11010519491231002X', staffNo: '0', subject: '无', title: '', hireDate: '2000-01-01' } as const;
