// Credit files on a real demo school: records, amendment, revocation, repair, objections,
// evidence, privacy rules, the catalogue's versions, and SQL status agreeing with the rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Installation } from '../../electron/core/app/installation';
import { publish, bundledCatalogue } from '../../electron/core/catalogue/service';
import { recordStatus } from '../../shared/domain/creditRules';
import type { RecordView } from '../../shared/api/routes/credit';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';
import { issueMessage } from '../../shared/api/messages';
import { makeIdNumber } from '../../shared/domain/idNumber';

let inst: Installation;
let dir: string;
let cleanup: () => void;
const clock = new TestClock();
let admin: string;
let clerk: string;
let auditor: string;
let teacher: string;
const item = (code: string): number => ok(inst, 'catalogue.current', {}, admin).items.find((i) => i.code === code)!.id;
const PDF = Buffer.from('%PDF-1.4\n% evidence of 王小明 SECRET-MARKER\n%%EOF\n');

function loginAll(): void {
  admin = login(inst, 'admin');
  clerk = login(inst, 'clerk');
  auditor = login(inst, 'auditor');
  teacher = login(inst, 'T0001');
}

/** Runs `fn` some days ahead; sessions idle out across the jump, so everyone logs in again. */
function later<T>(days: number, fn: () => T): T {
  clock.advance(days * 24 * 60);
  loginAll();
  try {
    return fn();
  } finally {
    clock.advance(-days * 24 * 60);
    loginAll();
  }
}

beforeAll(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  inst = new Installation(dir, clock);
  ok(inst, 'setup.demo', { scale: 'school', password: PASSWORD });
  loginAll();
});
afterAll(() => cleanup());

function errorCode<T>(r: { ok: true; value: T } | { ok: false; error: { code: string } }): string | null {
  return r.ok ? null : r.error.code;
}

describe('the demo school', () => {
  it('follows its own catalogue: every record of an item that needs evidence has a real PDF', () => {
    const { raw } = inst.open();
    const missing = raw
      .prepare(
        `SELECT count(*) AS n FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id
         WHERE i.evidence_required = 1 AND NOT EXISTS (SELECT 1 FROM record_evidence e WHERE e.record_id = r.id)`,
      )
      .get() as { n: number };
    expect(missing.n).toBe(0);
    const linked = raw
      .prepare(
        `SELECT i.code, min(r.id) AS recordId, count(DISTINCT e.sha256) AS files, count(*) AS records FROM credit_records r
         JOIN catalogue_items i ON i.id = r.item_id JOIN record_evidence e ON e.record_id = r.id GROUP BY i.code ORDER BY i.code`,
      )
      .all() as { code: string; recordId: number; files: number; records: number }[];
    // Every teacher item of the demo's mix that needs evidence, each backed by its one file.
    expect(linked.map((l) => l.code)).toEqual(['T-H01', 'T-P02', 'T-P03', 'T-P04', 'T-S01', 'T-V04', 'T-V09', 'T-V10']);
    expect(linked.every((l) => l.files === 1)).toBe(true);
    const h01 = linked.find((l) => l.code === 'T-H01')!;
    const record = ok(inst, 'records.list', { subjectKind: 'teacher', itemCode: 'T-H01', limit: 500 }, admin).rows.find((r) => r.id === h01.recordId)!;
    expect(record.evidence).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fileName: '谈话提醒记录（演示）.pdf', mime: 'application/pdf', bytes: expect.any(Number) }]);
    const file = ok(inst, 'evidence.get', { recordId: h01.recordId, sha256: record.evidence[0]!.sha256 }, admin);
    const path = join(dir, 'demo-evidence.pdf');
    writeFileSync(path, Buffer.from(file.dataBase64, 'base64'));
    execFileSync('qpdf', ['--check', path]);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('Item T-H01: Record of an admonition talk');
  });
});

describe('records', () => {
  it('enters a record with evidence, stored encrypted and content-addressed', () => {
    const r = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 2, itemId: item('T-P04'), occurredOn: '2026-10-08', description: '获评县级优秀教师', evidence: [{ fileName: '证书.pdf', dataBase64: PDF.toString('base64') }] }, clerk);
    expect(r).toMatchObject({ status: 'active', contribution: 5, kind: 'original', expiresOn: '2028-10-08', authorName: '德育干事' });
    expect(r.evidence).toEqual([{ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fileName: '证书.pdf', mime: 'application/pdf', bytes: PDF.length }]);
    const sha = r.evidence[0]!.sha256;
    const stored = readFileSync(join(dir, 'evidence', sha.slice(0, 2), sha));
    expect(stored.includes(Buffer.from('SECRET-MARKER'))).toBe(false);
    const back = ok(inst, 'evidence.get', { recordId: r.id, sha256: sha }, admin);
    expect(Buffer.from(back.dataBase64, 'base64').equals(PDF)).toBe(true);
  });

  it('requires evidence where the catalogue says so, and refuses files that are not PDF or images', () => {
    expect(errorCode(call(inst, 'records.create', { subjectKind: 'teacher', subjectId: 2, itemId: item('T-S01'), occurredOn: '2026-10-08', description: '警告处分' }, admin))).toBe('EVIDENCE_REQUIRED');
    const exe = Buffer.from('MZ this is not a document').toString('base64');
    expect(errorCode(call(inst, 'records.create', { subjectKind: 'teacher', subjectId: 2, itemId: item('T-S01'), occurredOn: '2026-10-08', description: '警告处分', evidence: [{ fileName: 'x.pdf', dataBase64: exe }] }, admin))).toBe('BAD_FILE');
  });

  it('refuses a future date, an item for another kind of subject, and an unknown subject', () => {
    expect(call(inst, 'records.create', { subjectKind: 'student', subjectId: 1, itemId: item('S-P01'), occurredOn: '2026-12-01', description: '表扬' }, clerk)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'occurredOn' }] } });
    expect(call(inst, 'records.create', { subjectKind: 'student', subjectId: 1, itemId: item('T-P05'), occurredOn: '2026-11-01', description: '表扬' }, clerk)).toMatchObject({ ok: false, error: { issues: [{ path: 'itemId', message: 'itemSubject' }] } });
    expect(errorCode(call(inst, 'records.create', { subjectKind: 'student', subjectId: 999_999, itemId: item('S-P01'), occurredOn: '2026-11-01', description: '表扬' }, clerk))).toBe('NOT_FOUND');
  });

  it('amends by a new record linked to the old one, which stays and shows as amended', () => {
    const first = ok(inst, 'records.create', { subjectKind: 'student', subjectId: 5, itemId: item('S-V01'), occurredOn: '2026-11-02', description: '课堂讲话' }, clerk);
    const amended = ok(inst, 'records.amend', { recordId: first.id, itemId: item('S-V05'), occurredOn: '2026-11-03', description: '晚自习缺席', reason: '事项填错' }, clerk);
    expect(amended).toMatchObject({ kind: 'amendment', supersedesId: first.id, status: 'active', contribution: -2 });
    const old = ok(inst, 'records.list', { subjectKind: 'student', subjectId: 5, limit: 500 }, clerk).rows.find((r) => r.id === first.id)!;
    expect(old).toMatchObject({ status: 'amended', supersededById: amended.id, contribution: 0, description: '课堂讲话' });
    expect(errorCode(call(inst, 'records.amend', { recordId: first.id, itemId: item('S-V01'), occurredOn: '2026-11-02', description: '再改', reason: '再改' }, clerk))).toBe('RECORD_NOT_CHANGEABLE');
    const revoked = ok(inst, 'records.revoke', { recordId: amended.id, reason: '经核实无此事' }, admin);
    expect(revoked).toMatchObject({ kind: 'revocation', supersedesId: amended.id, status: 'revocation', contribution: 0 });
    const audit = ok(inst, 'audit.list', { subject: 'student:5' }, admin).entries.map((e) => e.route);
    expect(audit).toEqual(expect.arrayContaining(['records.create', 'records.amend', 'records.revoke']));
  });

  it('releases a student sanction and repairs a teacher record from a date', () => {
    const sanction = ok(inst, 'records.create', { subjectKind: 'student', subjectId: 6, itemId: item('S-S01'), occurredOn: '2026-08-01', description: '多次违纪' }, clerk);
    expect(errorCode(call(inst, 'records.repair', { recordId: sanction.id, reason: '表现良好', effectiveOn: '2026-11-01' }, clerk))).toBe('FORBIDDEN');
    expect(ok(inst, 'records.repair', { recordId: sanction.id, reason: '察看期满表现良好', effectiveOn: '2026-11-01' }, admin)).toMatchObject({ status: 'released', contribution: 0, repair: { kind: 'release' } });
    const lapse = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 3, itemId: item('T-H01'), occurredOn: '2026-09-01', description: '教学常规检查问题', evidence: [{ fileName: 'a.pdf', dataBase64: PDF.toString('base64') }] }, clerk);
    expect(ok(inst, 'records.repair', { recordId: lapse.id, reason: '已整改', effectiveOn: '2026-12-31' }, admin)).toMatchObject({ status: 'active', repair: { kind: 'repair' } });
    later(40, () => expect(ok(inst, 'creditFile.teacher', { teacherId: 3 }, admin).records.find((r) => r.id === lapse.id)).toMatchObject({ status: 'repaired', contribution: 0 }));
  });

  it('stops counting a record when its disclosure period ends, and never deletes it', () => {
    const r = ok(inst, 'records.create', { subjectKind: 'student', subjectId: 7, itemId: item('S-V01'), occurredOn: '2026-11-20', description: '课堂讲话' }, clerk);
    const then = later(200, () => ok(inst, 'creditFile.student', { studentId: 7 }, clerk).records.find((x) => x.id === r.id)!);
    expect(then).toMatchObject({ status: 'expired', contribution: 0 });
  });
});

describe('objections', () => {
  it('lets a teacher object to a record in their own file only, and an admin decide', () => {
    const own = ok(inst, 'creditFile.teacher', {}, teacher);
    expect(own.teacher.id).toBe(1);
    const r = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: item('T-V04'), occurredOn: '2026-11-10', description: '无故缺席教研活动', evidence: [{ fileName: 'b.pdf', dataBase64: PDF.toString('base64') }] }, clerk);
    const other = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 2, itemId: item('T-P05'), occurredOn: '2026-11-10', description: '表扬' }, clerk);
    expect(errorCode(call(inst, 'objections.raise', { recordId: other.id, reason: '不是我的' }, teacher))).toBe('FORBIDDEN');
    // The teacher attaches the training notice to the objection.
    const notice = { fileName: '培训通知.pdf', dataBase64: Buffer.from('%PDF-1.4\n% 培训通知\n%%EOF').toString('base64') };
    const disputed = ok(inst, 'objections.raise', { recordId: r.id, reason: '当天我在外培训，有通知为证', evidence: [notice] }, teacher);
    expect(disputed).toMatchObject({ status: 'disputed', contribution: -10, objection: { decision: null, evidence: [{ fileName: '培训通知.pdf', mime: 'application/pdf' }] } });
    const sha = disputed.objection!.evidence[0]!.sha256;
    for (const reader of [teacher, admin]) expect(ok(inst, 'evidence.get', { recordId: r.id, sha256: sha }, reader).fileName).toBe('培训通知.pdf');
    expect(errorCode(call(inst, 'objections.raise', { recordId: r.id, reason: '再次提出' }, teacher))).toBe('RECORD_NOT_CHANGEABLE');
    expect(ok(inst, 'objections.list', { state: 'open' }, admin).map((x) => x.id)).toContain(r.id);
    const decided = ok(inst, 'objections.decide', { objectionId: disputed.objection!.id, decision: 'upheld', reason: '培训通知属实，撤销此记录' }, admin);
    expect(decided).toMatchObject({ status: 'revoked', contribution: 0, objection: { decision: 'upheld', decidedBy: expect.any(String) } });
    // Decided, it leaves the open list and stays in the decided one, with its decision.
    expect(ok(inst, 'objections.list', { state: 'open' }, admin).map((x) => x.id)).not.toContain(r.id);
    expect(ok(inst, 'objections.list', { state: 'decided' }, admin).find((x) => x.id === r.id)).toMatchObject({ objection: { decision: 'upheld', decisionReason: '培训通知属实，撤销此记录' } });
    expect(errorCode(call(inst, 'objections.decide', { objectionId: disputed.objection!.id, decision: 'rejected', reason: '改判' }, admin))).toBe('CONFLICT');
    const trail = ok(inst, 'audit.list', { subject: 'teacher:1', limit: 10 }, admin).entries.map((e) => [e.route, e.actor]);
    expect(trail).toEqual(expect.arrayContaining([['objections.raise', 'T0001'], ['objections.decide', 'admin']]));
  });

  it('keeps a rejected objection’s record counting', () => {
    const r = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: item('T-V04'), occurredOn: '2026-11-11', description: '迟交教案', evidence: [{ fileName: 'c.pdf', dataBase64: PDF.toString('base64') }] }, clerk);
    const raised = ok(inst, 'objections.raise', { recordId: r.id, reason: '我想确认一下' }, teacher);
    expect(ok(inst, 'objections.decide', { objectionId: raised.objection!.id, decision: 'rejected', reason: '记录属实' }, admin)).toMatchObject({ status: 'active', contribution: -10 });
  });

  it('has nothing to object to in a record in the teacher’s favour', () => {
    const praise = ok(inst, 'records.create', { subjectKind: 'teacher', subjectId: 1, itemId: item('T-P05'), occurredOn: '2026-11-12', description: '表扬' }, clerk);
    expect(call(inst, 'objections.raise', { recordId: praise.id, reason: '我想确认一下' }, teacher)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'recordId', message: 'positiveRecord' }] } });
  });
});

describe('privacy', () => {
  it('keeps a teacher to their own file and every other role to its part', () => {
    expect(errorCode(call(inst, 'creditFile.teacher', { teacherId: 2 }, teacher))).toBeNull();
    expect(ok(inst, 'creditFile.teacher', { teacherId: 2 }, teacher).teacher.id).toBe(1);
    expect(ok(inst, 'records.list', { subjectKind: 'teacher', subjectId: 2 }, teacher).rows.every((r) => r.subjectId === 1)).toBe(true);
    expect(errorCode(call(inst, 'records.list', { subjectKind: 'student' }, teacher))).toBe('FORBIDDEN');
    expect(errorCode(call(inst, 'records.list', { subjectKind: 'student' }, auditor))).toBe('FORBIDDEN');
    expect(errorCode(call(inst, 'students.list', {}, auditor))).toBe('FORBIDDEN');
    expect(ok(inst, 'records.list', { subjectKind: 'teacher', limit: 1 }, auditor).total).toBeGreaterThan(500);
  });

  it('logs every read of a student’s file', () => {
    const before = ok(inst, 'audit.list', { subject: 'student:9' }, admin).total;
    ok(inst, 'creditFile.student', { studentId: 9 }, clerk);
    ok(inst, 'creditFile.student', { studentId: 9 }, admin);
    const after = ok(inst, 'audit.list', { subject: 'student:9' }, admin);
    expect(after.total).toBe(before + 2);
    expect(after.entries[0]).toMatchObject({ route: 'creditFile.student', actor: 'admin' });
  });

  it('lets only an administrator export students, and audits it', async () => {
    const { dispatchAsync } = await import('../../electron/core/api');
    const denied = await dispatchAsync(inst, { route: 'students.export', input: {}, session: clerk });
    expect(denied).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const r = await dispatchAsync(inst, { route: 'students.export', input: {}, session: admin });
    expect(r.ok).toBe(true);
    if (r.ok) {
      const xlsx = Buffer.from((r.value as { dataBase64: string }).dataBase64, 'base64');
      expect(xlsx.subarray(0, 2).toString()).toBe('PK');
    }
    expect(ok(inst, 'audit.list', { subject: 'students' }, admin).entries[0]).toMatchObject({ route: 'students.export', actor: 'admin' });
  });
});

describe('the catalogue', () => {
  it('keeps records on the version they were made under when a new version arrives', () => {
    const r = ok(inst, 'records.create', { subjectKind: 'student', subjectId: 11, itemId: item('S-P01'), occurredOn: '2026-11-12', description: '表扬' }, clerk);
    const items = bundledCatalogue().items.map((i) => (i.code === 'S-P01' ? { ...i, points: 3, nameZh: '校级表扬（新）' } : i));
    inst.write(() => ({ actor: 'test', route: 'catalogue.publish', subject: 'catalogue:2', diff: null }), ({ raw }) => publish(raw, '舞钢市教育体育局', '第二版', items, clock.now()));
    const again = ok(inst, 'creditFile.student', { studentId: 11 }, clerk).records.find((x) => x.id === r.id)!;
    expect(again.item).toMatchObject({ version: 1, points: 2, nameZh: '校级表扬' });
    expect(call(inst, 'records.create', { subjectKind: 'student', subjectId: 11, itemId: r.item.id, occurredOn: '2026-11-12', description: '表扬' }, clerk)).toMatchObject({ ok: false, error: { issues: [{ message: 'catalogueOutdated' }] } });
    expect(ok(inst, 'records.create', { subjectKind: 'student', subjectId: 11, itemId: item('S-P01'), occurredOn: '2026-11-12', description: '表扬' }, clerk).item).toMatchObject({ version: 2, points: 3 });
    expect(ok(inst, 'catalogue.versions', {}, auditor).map((v) => v.version)).toEqual([2, 1]);
  });
});

describe('a bureau publishing the catalogue', () => {
  it('adds a version, audited, and refuses duplicate codes', () => {
    const t = tempDir('educredit-bureau-');
    try {
      const bureau = new Installation(t.dir, new TestClock());
      ok(bureau, 'setup.demo', { scale: 'bureau', password: PASSWORD });
      const s = login(bureau, 'admin');
      const items = bundledCatalogue().items;
      expect(ok(bureau, 'catalogue.publish', { note: '2027 年版', items: items.slice(0, 10) }, s)).toMatchObject({ version: 2, itemCount: 10, publisher: 'admin' });
      expect(errorCode(call(bureau, 'catalogue.publish', { note: '重复', items: [items[0]!, items[0]!] }, s))).toBe('CONFLICT');
      expect(ok(bureau, 'audit.list', { subject: 'catalogue:2' }, s).entries[0]).toMatchObject({ route: 'catalogue.publish', actor: 'admin' });
      expect(errorCode(call(bureau, 'catalogue.publish', { note: '分值错误', items: [{ ...items[0]!, polarity: 'positive', points: -5 }] }, s))).toBe('INVALID_INPUT');
    } finally {
      t.cleanup();
    }
  });
});

describe('status in SQL', () => {
  it('agrees with recordStatus() for every record', () => {
    const today = '2026-11-24';
    const all: RecordView[] = [];
    for (const kind of ['teacher', 'student'] as const) {
      for (let offset = 0; ; offset += 500) {
        const page = ok(inst, 'records.list', { subjectKind: kind, offset, limit: 500 }, admin);
        all.push(...page.rows);
        if (page.rows.length < 500) break;
      }
    }
    expect(all.length).toBeGreaterThan(20_000);
    const kinds = new Map(all.map((r) => [r.id, r.kind]));
    for (const r of all) {
      const expected = recordStatus(
        {
          kind: r.kind,
          supersededBy: r.supersededById === null ? null : kinds.get(r.supersededById)!,
          repair: r.repair,
          openObjection: r.objection !== null && r.objection.decision === null,
          expiresOn: r.expiresOn,
        },
        today,
      );
      expect(r.status, `record ${r.id}`).toBe(expected);
    }
    expect(new Set(all.map((r) => r.status)).size).toBeGreaterThanOrEqual(6);
  });
});

describe('registry', () => {
  it('checks ID numbers, refuses duplicates and audits edits with what they were', () => {
    const bad = call(inst, 'teachers.create', { name: '张伟', gender: 'male', idNumber: '410481198503120019', staffNo: 'T9001', subject: '数学', title: '一级教师', hireDate: '2010-09-01' }, admin);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_ID_NUMBER', params: { reason: 'check' } } });
    const female = call(inst, 'teachers.create', { name: '张伟', gender: 'female', idNumber: '11010519491231002X'.replace('002X', '0011').slice(0, 17) + 'X', staffNo: 'T9001', subject: '数学', title: '一级教师', hireDate: '2010-09-01' }, admin);
    expect(female.ok).toBe(false);
    const t = ok(inst, 'teachers.create', { name: '李娜', gender: 'female', idNumber: '11010519491231002X', staffNo: 'T9001', subject: '数学', title: '一级教师', hireDate: '2010-09-01' }, admin);
    // A second teacher with the same ID number or staff number is refused at that field, naming the first.
    const twice = call(inst, 'teachers.create', { name: '李娜', gender: 'female', idNumber: '11010519491231002x', staffNo: 'T9002', subject: '数学', title: '', hireDate: '2010-09-01' }, admin);
    expect(twice).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'idNumber', message: 'idNumberTakenBy:李娜（T9001）' }] } });
    expect(issueMessage('idNumberTakenBy:李娜（T9001）', 'zh-CN')).toBe('已是教师李娜（T9001）的身份证号：同一位教师不能登记两次');
    const sameStaffNo = call(inst, 'teachers.create', { name: '王芳', gender: 'female', idNumber: makeIdNumber('410481', '19880101', '022'), staffNo: 'T9001', subject: '数学', title: '', hireDate: '2010-09-01' }, admin);
    expect(sameStaffNo).toMatchObject({ ok: false, error: { issues: [{ path: 'staffNo', message: 'staffNoTakenBy:李娜（T9001）' }] } });
    ok(inst, 'teachers.update', { id: t.id, name: '李娜', gender: 'female', idNumber: '11010519491231002X', staffNo: 'T9001', subject: '物理', title: '高级教师', hireDate: '2010-09-01' }, admin);
    const entry = ok(inst, 'audit.list', { subject: `teacher:${t.id}` }, admin).entries[0]!;
    expect(JSON.parse(entry.diff)).toEqual({ subject: { from: '数学', to: '物理' }, title: { from: '一级教师', to: '高级教师' } });
    expect(ok(inst, 'teachers.setStatus', { id: t.id, status: 'inactive' }, admin).status).toBe('inactive');
    expect(ok(inst, 'teachers.list', { q: '11010519491231002X' }, admin).rows.map((r) => r.id)).toEqual([t.id]);
  });

  it('lists students by class with paging and sorting in the core', () => {
    const classes = ok(inst, 'classes.list', {}, clerk);
    expect(classes).toHaveLength(48);
    const page = ok(inst, 'students.list', { classId: classes[0]!.id, sort: 'name', dir: 'desc', limit: 10 }, clerk);
    expect(page.total).toBe(classes[0]!.studentCount);
    expect(page.rows).toHaveLength(10);
    const names = page.rows.map((r) => r.name);
    expect([...names].sort((a, b) => b.localeCompare(a, 'en'))).toEqual(names.slice().sort((a, b) => b.localeCompare(a, 'en')));
  });

  it('keeps evidence out of the DB file and the folder free of plaintext names', () => {
    const files = readdirSync(join(dir, 'evidence'), { recursive: true }).map(String);
    expect(files.length).toBeGreaterThan(0);
    expect(existsSync(join(dir, 'educredit.db'))).toBe(true);
    expect(readFileSync(join(dir, 'educredit.db')).includes(Buffer.from('证书.pdf'))).toBe(false);
  });
});
