// The registry of institutions on a real demo bureau: the demo's own additions, institutions with
// their grades and lists, the GB 32100 and GB 11643 checks, practitioners and their files, annual
// reports and licences and penalties superseded rather than overwritten, a penalty lowering a grade,
// the 双公示 workbook read back, and one audit entry per change (none for a refused one).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Installation } from '../../electron/core/app/installation';
import { dispatchAsync } from '../../electron/core/api';
import { buildBureauDemo } from '../../electron/core/demo/build';
import { addInstitutionDemo } from '../../electron/core/institutions/demo';
import { initialise } from '../../electron/core/setup/service';
import type { RouteInput, RouteName, RouteOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/errors';
import { LICENCE_COLUMNS, PENALTY_COLUMNS } from '../../shared/domain/doublePublicity';
import { makeIdNumber } from '../../shared/domain/idNumber';
import { makeUscc } from '../../shared/domain/uscc';
import { call, login, ok, PASSWORD, TestClock, tempDir } from '../support/installation';

const BUREAU = { name: '舞钢市教育体育局', uscc: makeUscc('11', '410481', '00510023') };
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

/**
 * A demo bureau made the way setup.demo makes it, with addInstitutionDemo at the end of the demo
 * build inside the one setup transaction. Once setup.demo calls it itself, it is not called twice.
 */
function demoBureau(): Installation {
  const t = tempDir('educredit-institutions-');
  cleanups.push(t.cleanup);
  const inst = new Installation(t.dir, new TestClock());
  initialise(inst, { mode: 'bureau', orgName: BUREAU.name, uscc: BUREAU.uscc, admin: { username: 'admin', displayName: '系统管理员', password: PASSWORD }, language: 'zh-CN' }, () => {
    const counts = buildBureauDemo(inst, PASSWORD);
    const wired = (inst.open().raw.prepare('SELECT count(*) AS n FROM practitioners').get() as { n: number }).n > 0;
    if (!wired) addInstitutionDemo(inst, inst.findUser('admin')!.id);
    return counts;
  });
  return inst;
}

let inst: Installation;
let admin: string;
let inspector: string;
let auditor: string;

beforeAll(() => {
  inst = demoBureau();
  admin = login(inst, 'admin');
  inspector = login(inst, 'inspector');
  auditor = login(inst, 'auditor');
});

function auditRows(): { seq: number; route: string; subject: string; diff: string }[] {
  return inst.open().raw.prepare('SELECT seq, route, subject, diff FROM audit_log ORDER BY seq').all() as { seq: number; route: string; subject: string; diff: string }[];
}

/** A mutation that must succeed and leave exactly one audit entry, naming its route; returns the output and the entry's diff. */
function change<R extends RouteName>(route: R, input: RouteInput<R>, session = admin): { out: RouteOutput<R>; diff: Record<string, unknown>; subject: string } {
  const before = auditRows().length;
  const out = ok(inst, route, input, session);
  const after = auditRows();
  expect(after.length, route).toBe(before + 1);
  const entry = after[after.length - 1]!;
  expect(entry.route).toBe(route);
  return { out, diff: JSON.parse(entry.diff) as Record<string, unknown>, subject: entry.subject };
}

/** A call that must fail with nothing written: returns the error. */
function refused<R extends RouteName>(route: R, input: RouteInput<R>, session = admin): ApiError {
  const before = auditRows().length;
  const r = call(inst, route, input, session);
  expect(r.ok, route).toBe(false);
  expect(auditRows().length).toBe(before);
  return (r as { ok: false; error: ApiError }).error;
}

const grade = (id: number): RouteOutput<'institutions.get'> => ok(inst, 'institutions.get', { id }, auditor);

const licenceInput = (docNo: string, validUntil = '2029-09-30') =>
  ({
    docNo,
    decidedOn: '2026-09-20',
    validFrom: '2026-10-01',
    validUntil,
    content: '准予从事非学科类校外培训。',
    authority: BUREAU.name,
    authorityUscc: BUREAU.uscc,
    fields: { docName: '准予行政许可决定书', category: 'ordinary', certName: '民办学校办学许可证', certNo: `教民${docNo.length}0001号` },
  }) as const;

const penaltyInput = (docNo: string, categories: ('warning' | 'fine' | 'stopEnrolment')[], fineWan: number | null = null) =>
  ({
    docNo,
    decidedOn: '2026-11-10',
    validUntil: '2027-11-09',
    content: categories.includes('fine') ? '罚款人民币伍仟元。' : '警告。',
    authority: BUREAU.name,
    authorityUscc: BUREAU.uscc,
    fields: { violationType: '超前收费', facts: '一次性收取超过 3 个月的费用。', basis: '《中华人民共和国民办教育促进法》第六十二条', categories, fineWan },
  }) as const;

describe('the demo bureau', () => {
  it('has grids, addresses and legal representatives, licences (some expiring), practitioners, reports and penalties', () => {
    const all = ok(inst, 'institutions.list', { limit: 500 }, auditor);
    expect(all.total).toBe(77);
    expect(all.rows.every((r) => r.grid && r.legalRep)).toBe(true);
    expect(all.grids.length).toBeGreaterThan(5);
    const licensed = all.rows.filter((r) => r.kind !== 'public_school');
    expect(licensed.every((r) => r.licenceNo && r.licenceValidUntil)).toBe(true);
    expect(all.rows.filter((r) => r.kind === 'public_school').every((r) => r.licenceNo === null)).toBe(true);
    const soon = licensed.filter((r) => r.licenceValidUntil! <= '2027-01-24');
    expect(soon.length).toBeGreaterThanOrEqual(3);
    for (const t of all.rows.filter((r) => r.kind === 'training')) {
      const n = ok(inst, 'practitioners.list', { institutionId: t.id }, auditor).total;
      expect(n, t.name).toBeGreaterThanOrEqual(2);
      expect(n, t.name).toBeLessThanOrEqual(5);
    }
    const reported = licensed.filter((r) => ok(inst, 'annualReports.list', { institutionId: r.id }, auditor).some((y) => y.year === 2025));
    expect(reported.length / licensed.length).toBeGreaterThan(0.7);
    const penalties = ok(inst, 'penalties.list', {}, auditor);
    expect(penalties.map((p) => p.id)).toEqual(expect.arrayContaining([1, 2, 3, 4, 5]));
    expect(penalties.every((p) => p.recordId !== null)).toBe(true);
    // The heaviest demo penalty (责令停止招生, −40) makes its institution D.
    const stopped = penalties.find((p) => p.fields.categories.includes('stopEnrolment'))!;
    expect(grade(stopped.institutionId).grade).toBe('D');
    // The report corrected in the demo keeps its first version as history.
    const corrected = licensed.map((r) => ok(inst, 'annualReports.list', { institutionId: r.id }, auditor)).flat().find((y) => y.history.length > 0);
    expect(corrected?.current.correctionReason).toBeTruthy();
  });

  it('is the same on every build (seeded, dated from the clock)', () => {
    const other = demoBureau();
    const digest = (i: Installation): string =>
      JSON.stringify([
        i.open().raw.prepare('SELECT grid, address, legal_rep, licence_no, licence_valid_until FROM institutions ORDER BY id').all(),
        i.open().raw.prepare('SELECT institution_id, name, id_number, post FROM practitioners ORDER BY id').all(),
        i.open().raw.prepare('SELECT kind, institution_id, doc_no, decided_on, valid_until, fields FROM enforcement_decisions ORDER BY id').all(),
        i.open().raw.prepare('SELECT institution_id, year, submitted_on, content, conclusion FROM annual_reports ORDER BY id').all(),
      ]);
    expect(digest(other)).toBe(digest(inst));
  });
});

describe('institutions', () => {
  it('lists with filters, a sort by score and paging in the core, each row with its grade and lists', () => {
    const training = ok(inst, 'institutions.list', { kind: 'training', limit: 500 }, auditor);
    expect(training.total).toBe(36);
    expect(training.rows.every((r) => r.kind === 'training' && ['A', 'B', 'C', 'D'].includes(r.grade))).toBe(true);
    const page = ok(inst, 'institutions.list', { kind: 'training', sort: 'score', dir: 'asc', offset: 10, limit: 5 }, auditor);
    expect(page.total).toBe(36);
    expect(page.rows.map((r) => r.id)).toEqual([...training.rows].sort((a, b) => a.score - b.score || a.id - b.id).slice(10, 15).map((r) => r.id));
    const grid = training.rows[0]!.grid;
    expect(ok(inst, 'institutions.list', { grid, limit: 500 }, auditor).rows.every((r) => r.grid === grid)).toBe(true);
    expect(ok(inst, 'institutions.list', { q: '育才', limit: 500 }, auditor).rows.map((r) => r.name)).toEqual(['舞钢市育才实验学校']);
    const byUscc = training.rows[3]!;
    expect(ok(inst, 'institutions.list', { q: byUscc.uscc.toLowerCase() }, auditor).rows.map((r) => r.id)).toEqual([byUscc.id]);
    expect(ok(inst, 'institutions.list', { status: 'closed' }, auditor).total).toBe(0);
    // By grade and by a list in force, worked out live like the rows' own.
    const all = ok(inst, 'institutions.list', { limit: 500 }, auditor).rows;
    for (const grade of ['A', 'B', 'C', 'D'] as const) {
      expect(ok(inst, 'institutions.list', { grade, limit: 500 }, auditor).rows.map((r) => r.id)).toEqual(all.filter((r) => r.grade === grade).map((r) => r.id));
    }
    const listed = all.filter((r) => r.lists.includes('black'));
    expect(ok(inst, 'institutions.list', { list: 'black', limit: 500 }, auditor).rows.map((r) => r.id)).toEqual(listed.map((r) => r.id));
  });

  it('shows a list in force on the row, and caps the grade with the step that says so', () => {
    const raw = inst.open().raw;
    // A private school the demo left with only its licence record: 100 points, grade B, no list.
    const clean = ok(inst, 'institutions.list', { kind: 'private_school', limit: 100 }, auditor).rows.find((r) => r.score === 100 && r.lists.length === 0)!;
    raw
      .prepare(
        `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, start_on, end_on)
         VALUES ('key_supervision', 'institution', ?, 'x', 'manual', '测试', 1, '2026-11-01T00:00:00Z', 'approved', '2026-11-01', '2027-10-31')`,
      )
      .run(String(clean.id));
    const row = ok(inst, 'institutions.list', { q: clean.uscc }, auditor).rows[0]!;
    expect(row.lists).toEqual(['key_supervision']);
    const detail = grade(clean.id);
    expect(detail).toMatchObject({ score: 100, grade: 'C' });
    expect(detail.gradeDetail.steps.slice(-2)).toEqual([
      { key: 'threshold', grade: 'B', min: 95, score: 100 },
      { key: 'listCap', list: 'key_supervision', cap: 'C' },
    ]);
  });

  it('refuses a wrong check character naming the expected one, then creates, and refuses a duplicate USCC', () => {
    const right = makeUscc('52', '410481', 'MA7K2Q9D');
    const wrong = right.slice(0, 17) + (right[17] === '0' ? '1' : '0');
    const fields = { name: '舞钢市星火编程培训中心', uscc: wrong, kind: 'training', township: '垭口街道', grid: '垭口街道第一网格', address: '舞钢市垭口街道建设路 8 号', legalRep: '李明' } as const;
    const bad = refused('institutions.create', fields);
    expect(bad).toEqual({ code: 'INVALID_USCC', params: { reason: 'check', position: 18, expected: right[17], got: wrong[17] } });
    const { out, diff, subject } = change('institutions.create', { ...fields, uscc: right.toLowerCase() });
    expect(out).toMatchObject({ uscc: right, status: 'active', grade: 'B', score: 100, lists: [], practitionerCount: 0, licenceNo: null });
    expect(subject).toBe(`institution:${out.id}`);
    expect(diff).toMatchObject({ name: fields.name, uscc: right });
    expect(refused('institutions.create', { ...fields, name: '重复', uscc: right })).toMatchObject({ code: 'CONFLICT' });
    expect(refused('institutions.create', { ...fields, uscc: makeUscc('52', '410481', 'MA7K2Q9E'), licenceNo: '教民1号' })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'licenceValidUntil', message: 'licencePair' }] });
    // A second institution of the same name is said first, and made only when meant.
    expect(refused('institutions.create', { ...fields, uscc: makeUscc('52', '410481', 'MA7K2Q9E') })).toEqual({ code: 'SAME_NAME_IN_REGISTRY', params: { name: fields.name, uscc: right } });
    const second = change('institutions.create', { ...fields, uscc: makeUscc('52', '410481', 'MA7K2Q9E'), sameName: true }).out;
    expect(refused('institutions.update', { ...fields, id: second.id, uscc: second.uscc, name: ` ${fields.name} ` })).toMatchObject({ code: 'SAME_NAME_IN_REGISTRY' });
    // Only the bureau administrator keeps the registry.
    expect(refused('institutions.create', { ...fields, uscc: makeUscc('52', '410481', 'MA7K2Q9F') }, inspector).code).toBe('FORBIDDEN');
    expect(refused('institutions.create', { ...fields, uscc: makeUscc('52', '410481', 'MA7K2Q9F') }, auditor).code).toBe('FORBIDDEN');
  });

  it('audits only the fields an update changed, and a status change', () => {
    const before = ok(inst, 'institutions.get', { id: 40 }, admin);
    const { name, uscc, kind, township, grid, address, legalRep, licenceNo, licenceValidUntil } = before;
    const { out, diff } = change('institutions.update', { id: 40, name, uscc, kind, township, grid, address: '舞钢市朱兰街道新华路 12 号', legalRep: '王芳', licenceNo, licenceValidUntil });
    expect(diff).toEqual({ address: { from: address, to: '舞钢市朱兰街道新华路 12 号' }, legalRep: { from: legalRep, to: '王芳' } });
    expect(out.legalRep).toBe('王芳');
    const s = change('institutions.setStatus', { id: 40, status: 'suspended' });
    expect(s.diff).toEqual({ status: { from: 'active', to: 'suspended' } });
    expect(ok(inst, 'institutions.list', { status: 'suspended' }, auditor).rows.map((r) => r.id)).toEqual([40]);
    change('institutions.setStatus', { id: 40, status: 'active' });
    expect(refused('institutions.get', { id: 999 }, auditor).code).toBe('NOT_FOUND');
  });
});

describe('credit files by hand', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n').toString('base64');

  it('adds a commendation with its evidence (inspector too), refuses one without, and refuses an item that does not fit the kind', () => {
    const id = 44;
    const before = grade(id);
    expect(refused('institutions.addRecord', { institutionId: id, code: 'I-C01', occurredOn: '2026-10-01', description: '市级表彰' }, inspector).code).toBe('EVIDENCE_REQUIRED');
    const { out } = change('institutions.addRecord', { institutionId: id, code: 'I-C01', occurredOn: '2026-10-01', description: '市级表彰', evidence: [{ fileName: '表彰.pdf', dataBase64: PDF }] }, inspector);
    expect(out).toMatchObject({ code: 'I-C01', status: 'active', contribution: 10, source: 'manual', evidence: [{ fileName: '表彰.pdf' }] });
    expect(grade(id).score).toBe(before.score + 10);
    expect(ok(inst, 'institutions.records', { id }, auditor)[0]!.id).toBe(out.id);
    // I-AR1 (annual report late) is for private schools and training institutions only.
    expect(refused('institutions.addRecord', { institutionId: 1, code: 'I-AR1', occurredOn: '2026-10-01', description: '逾期' })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'itemId', message: 'itemSubject' }] });
    expect(refused('institutions.addRecord', { institutionId: id, code: 'I-AR1', occurredOn: '2027-01-01', description: '逾期' })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'occurredOn', message: 'dateInFuture' }] });
    expect(refused('institutions.addRecord', { institutionId: id, code: 'I-AR1', occurredOn: '2026-10-01', description: '逾期' }, auditor).code).toBe('FORBIDDEN');
  });
});

describe('practitioners', () => {
  it('checks the ID number, shows it masked in lists, audits changes masked, and keeps a credit file with a grade', () => {
    const id = makeIdNumber('410481', '19920315', '123');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    const fields = { institutionId: 50, name: '赵敏', gender: 'male', idNumber: wrong, post: '专职教师', qualification: '教师资格证（小学）' } as const;
    expect(refused('practitioners.create', fields)).toEqual({ code: 'INVALID_ID_NUMBER', params: { reason: 'check', position: 18, expected: id[17], got: wrong[17] } });
    // 123 is odd: a man's number, so a woman's form is refused with the gender named.
    expect(refused('practitioners.create', { ...fields, idNumber: id, gender: 'female' })).toMatchObject({ code: 'INVALID_ID_NUMBER', params: { reason: 'gender', stated: 'female', encoded: 'male' } });
    const { out, diff } = change('practitioners.create', { ...fields, idNumber: id });
    expect(diff.idNumber).toBe('410481********' + id.slice(14));
    expect(out).toMatchObject({ idNumber: id, idNumberMasked: `410481********${id.slice(14)}`, grade: 'B', score: 100, records: [] });
    expect(refused('practitioners.create', { ...fields, idNumber: id })).toMatchObject({ code: 'CONFLICT' });
    const listed = ok(inst, 'practitioners.list', { institutionId: 50 }, auditor);
    expect(JSON.stringify(listed)).not.toContain(id);
    expect(JSON.stringify(ok(inst, 'practitioners.get', { id: out.id }, auditor))).not.toContain(id);
    expect(ok(inst, 'practitioners.get', { id: out.id }, admin).idNumber).toBe(id);
    expect(listed.rows.find((r) => r.id === out.id)?.idNumberMasked).toBe(`410481********${id.slice(14)}`);
    // A whole number finds its holder across institutions for the administrator, who sees whole
    // numbers; for the auditor it finds nobody (it would tell masked digits one guess at a time);
    // a part of one finds nobody for anyone.
    expect(ok(inst, 'practitioners.list', { q: id }, admin).rows.map((r) => r.id)).toEqual([out.id]);
    expect(ok(inst, 'practitioners.list', { q: id }, auditor).total).toBe(0);
    expect(ok(inst, 'practitioners.list', { q: id.slice(0, 10) }, admin).total).toBe(0);

    const id2 = makeIdNumber('410481', '19920315', '125');
    const u = change('practitioners.update', { id: out.id, name: '赵敏', gender: 'male', idNumber: id2, post: '教学主管', qualification: '教师资格证（小学）' });
    expect(u.diff).toEqual({ idNumber: { from: `410481********${id.slice(14)}`, to: `410481********${id2.slice(14)}` }, post: { from: '专职教师', to: '教学主管' } });

    const r = change('practitioners.addRecord', { practitionerId: out.id, code: 'P-V02', occurredOn: '2026-11-03', description: '体罚学员' }, inspector);
    expect(r.out).toMatchObject({ code: 'P-V02', points: -30, status: 'active' });
    const file = ok(inst, 'practitioners.get', { id: out.id }, auditor);
    expect(file).toMatchObject({ grade: 'D', score: 70 });
    expect(file.gradeDetail.steps).toContainEqual({ key: 'severe', recordIds: [r.out.id] });
    expect(file.records.map((x) => x.id)).toEqual([r.out.id]);
    expect(refused('practitioners.addRecord', { practitionerId: out.id, code: 'P-C01', occurredOn: '2026-11-03', description: '表扬' }, auditor).code).toBe('FORBIDDEN');

    const s = change('practitioners.setStatus', { id: out.id, status: 'inactive' });
    expect(s.diff).toEqual({ status: { from: 'active', to: 'inactive' } });
    expect(ok(inst, 'practitioners.list', { institutionId: 50, status: 'inactive' }, auditor).rows.map((x) => x.id)).toEqual([out.id]);
  });
});

describe('annual reports', () => {
  const content = { learners: 140, staff: 10, qualifiedTeachers: 8, incomeYuan: 420000, feesHeldYuan: 51000, complaints: 1, statement: '所报内容真实、准确、完整。' };

  it('submits one per institution and year, corrects by superseding, and keeps the old version as history', () => {
    const id = 51;
    const year = ok(inst, 'annualReports.list', { institutionId: id }, auditor).some((y) => y.year === 2025) ? 2026 : 2025;
    const { out: first } = change('annualReports.submit', { institutionId: id, year, submittedOn: '2026-11-20', content, conclusion: 'basically' });
    expect(refused('annualReports.submit', { institutionId: id, year, submittedOn: '2026-11-21', content, conclusion: 'qualified' }).code).toBe('CONFLICT');
    const { out: second, diff } = change('annualReports.correct', { reportId: first.id, submittedOn: '2026-11-22', content: { ...content, complaints: 0 }, conclusion: 'qualified', reason: '投诉已核实为误报' });
    expect(second).toMatchObject({ supersedesId: first.id, supersededById: null, year, correctionReason: '投诉已核实为误报', conclusion: 'qualified' });
    expect(diff).toMatchObject({ supersedes: first.id, reason: '投诉已核实为误报' });
    const listed = ok(inst, 'annualReports.list', { institutionId: id }, auditor).find((y) => y.year === year)!;
    expect(listed.current.id).toBe(second.id);
    expect(listed.history).toEqual([expect.objectContaining({ id: first.id, supersededById: second.id, conclusion: 'basically', content: expect.objectContaining({ complaints: 1 }) })]);
    expect(refused('annualReports.correct', { reportId: first.id, submittedOn: '2026-11-22', content, conclusion: 'qualified', reason: '再改一次' }).code).toBe('RECORD_NOT_CHANGEABLE');
  });

  it('refuses a public school, more qualified teachers than staff, and a report from before its year', () => {
    expect(refused('annualReports.submit', { institutionId: 1, year: 2025, submittedOn: '2026-03-01', content, conclusion: 'qualified' })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'institutionId', message: 'reportKind' }] });
    expect(refused('annualReports.submit', { institutionId: 52, year: 2025, submittedOn: '2026-03-01', content: { ...content, qualifiedTeachers: 11 }, conclusion: 'qualified' }).issues).toEqual([{ path: 'content.qualifiedTeachers', message: 'moreThanStaff' }]);
    expect(refused('annualReports.submit', { institutionId: 52, year: 2026, submittedOn: '2025-12-01', content, conclusion: 'qualified' }).issues).toEqual([{ path: 'submittedOn', message: 'beforeYear' }]);
  });
});

describe('licences and penalties', () => {
  it('a penalty puts its record in the file and lowers the grade; its correction supersedes and amends, the old row stays', () => {
    const id = 60;
    const before = grade(id);
    const fine = change('penalties.create', { institutionId: id, ...penaltyInput('舞教体罚〔2026〕T01号', ['fine'], 0.5) }, inspector);
    expect(fine.out).toMatchObject({ kind: 'penalty', institutionId: id, subject: { name: before.name, uscc: before.uscc, legalRep: before.legalRep }, source: BUREAU, supersedesId: null, supersededById: null });
    const records = ok(inst, 'institutions.records', { id }, auditor);
    const rec = records.find((r) => r.id === fine.out.recordId)!;
    expect(rec).toMatchObject({ code: 'I-PN2', points: -20, status: 'active', source: `penalty:${fine.out.id}` });
    const after = grade(id);
    expect(after.score).toBe(before.score - 20);
    expect(after.gradeDetail.steps).toContainEqual({ key: 'record', recordId: rec.id, code: 'I-PN2', status: 'active', points: -20, counted: true });
    expect(fine.diff).toMatchObject({ penalty: fine.out.id, record: rec.id, docNo: '舞教体罚〔2026〕T01号' });

    // A fine without its amount, a future date, a wrong authority USCC: refused, nothing written.
    expect(refused('penalties.create', { institutionId: id, ...penaltyInput('T02', ['fine']) }).issues).toEqual([{ path: 'fields.fineWan', message: 'fineRequired' }]);
    expect(refused('penalties.create', { institutionId: id, ...penaltyInput('T02', ['warning']), decidedOn: '2027-01-01' }).issues).toEqual([{ path: 'decidedOn', message: 'dateInFuture' }]);
    expect(refused('penalties.create', { institutionId: id, ...penaltyInput('T02', ['warning']), authorityUscc: BUREAU.uscc.slice(0, 17) + 'X' }).code).toBe('INVALID_USCC');
    expect(refused('penalties.create', { institutionId: id, ...penaltyInput('舞教体罚〔2026〕T01号', ['warning']) }).code).toBe('CONFLICT');
    expect(refused('penalties.create', { institutionId: id, ...penaltyInput('T02', ['warning']) }, auditor).code).toBe('FORBIDDEN');

    // The fine was really a warning: the correction supersedes the decision and amends its record.
    const fix = change('penalties.correct', { decisionId: fine.out.id, ...penaltyInput('舞教体罚〔2026〕T01号', ['warning']), reason: '处罚类别录入有误' }, inspector);
    expect(fix.out).toMatchObject({ supersedesId: fine.out.id, correctionReason: '处罚类别录入有误', fields: { categories: ['warning'] } });
    expect(fix.diff).toMatchObject({ supersedes: fine.out.id, record: { id: fix.out.recordId, amends: rec.id } });
    const all = ok(inst, 'penalties.list', { institutionId: id }, auditor);
    expect(all.map((p) => [p.id, p.supersededById])).toEqual(expect.arrayContaining([[fine.out.id, fix.out.id], [fix.out.id, null]]));
    expect(ok(inst, 'penalties.list', { institutionId: id, includeSuperseded: false }, auditor).map((p) => p.id)).toEqual([fix.out.id]);
    const file = ok(inst, 'institutions.records', { id }, auditor);
    expect(file.find((r) => r.id === rec.id)).toMatchObject({ status: 'amended', contribution: 0, supersededById: fix.out.recordId });
    expect(file.find((r) => r.id === fix.out.recordId)).toMatchObject({ code: 'I-PN1', kind: 'amendment', supersedesId: rec.id, status: 'active', source: `penalty:${fix.out.id}` });
    expect(grade(id).score).toBe(before.score - 10);
    expect(refused('penalties.correct', { decisionId: fine.out.id, ...penaltyInput('T03', ['warning']), reason: '再改' }).code).toBe('RECORD_NOT_CHANGEABLE');

    // 责令停止招生 is a serious breach: D whatever the score.
    const stop = change('penalties.create', { institutionId: id, ...penaltyInput('舞教体罚〔2026〕T04号', ['stopEnrolment']) });
    expect(grade(id)).toMatchObject({ grade: 'D' });
    expect(grade(id).gradeDetail.steps).toContainEqual({ key: 'severe', recordIds: [stop.out.recordId] });
  });

  it('a licence becomes the registry’s 办学许可证 with an I-L01 record; its correction supersedes and updates the registry', () => {
    const id = 61;
    const created = change('licences.create', { institutionId: id, ...licenceInput('舞教体许〔2026〕T01号') });
    expect(created.out).toMatchObject({ kind: 'licence', validFrom: '2026-10-01', validUntil: '2029-09-30' });
    expect(grade(id)).toMatchObject({ licenceNo: created.out.fields.certNo, licenceValidUntil: '2029-09-30' });
    expect(ok(inst, 'institutions.records', { id }, auditor).find((r) => r.id === created.out.recordId)).toMatchObject({ code: 'I-L01', source: `licence:${created.out.id}` });
    const fixed = change('licences.correct', { decisionId: created.out.id, ...licenceInput('舞教体许〔2026〕T01号', '2029-09-29'), reason: '有效期至录入有误' });
    expect(fixed.out).toMatchObject({ supersedesId: created.out.id, validUntil: '2029-09-29' });
    expect(fixed.diff).toMatchObject({ institution: { licenceValidUntil: '2029-09-29' } });
    expect(grade(id).licenceValidUntil).toBe('2029-09-29');
    expect(ok(inst, 'licences.list', { institutionId: id }, auditor).find((l) => l.id === created.out.id)?.supersededById).toBe(fixed.out.id);
    expect(refused('licences.create', { institutionId: 2, ...licenceInput('T09') })).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: 'institutionId', message: 'licenceKind' }] });
    expect(refused('licences.create', { institutionId: id, ...licenceInput('T09'), validFrom: '2030-01-01' }).issues).toEqual([{ path: 'validUntil', message: 'beforeStart' }]);
    expect(refused('licences.create', { institutionId: id, ...licenceInput('T09') }, inspector).code).toBe('FORBIDDEN');
  });

  it('exports the current decisions in the national column order, audited', async () => {
    const before = auditRows().length;
    const r = await dispatchAsync(inst, { route: 'doublePublicity.export', input: {}, session: auditor });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    const file = r.value as RouteOutput<'doublePublicity.export'>;
    expect(file.fileName).toMatch(/^双公示-2026-11-24\.xlsx$/);
    const after = auditRows();
    expect(after.length).toBe(before + 1);
    expect(after[after.length - 1]).toMatchObject({ route: 'doublePublicity.export', subject: 'doublePublicity' });
    const wb = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.dataBase64, 'base64');
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const header = (name: string): string[] => (wb.getWorksheet(name)!.getRow(1).values as string[]).slice(1);
    expect(header('行政许可')).toEqual(LICENCE_COLUMNS.map((c) => c.zh));
    expect(header('行政处罚')).toEqual(PENALTY_COLUMNS.map((c) => c.zh));
    const current = ok(inst, 'penalties.list', { includeSuperseded: false }, auditor);
    const sheet = wb.getWorksheet('行政处罚')!;
    expect(sheet.rowCount - 1).toBe(current.length);
    const col = (code: string): number => PENALTY_COLUMNS.findIndex((c) => c.code === code) + 1;
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const corrected = rows.find((row) => String(row.getCell(col('BZ')).value).includes('处罚类别录入有误'))!;
    expect(corrected.getCell(col('CF_CFLB')).value).toBe('警告');
    expect(corrected.getCell(col('CF_XDR_LB')).value).toBe('法人及非法人组织');
    expect(String(corrected.getCell(col('CF_XDR_ZZJG')).value)).toMatch(/^[0-9A-Z]{8}-[0-9X]$/);
    expect(corrected.getCell(col('CF_SJLYDM')).value).toBe(BUREAU.uscc);
    expect(wb.getWorksheet('行政许可')!.rowCount - 1).toBe(ok(inst, 'licences.list', { includeSuperseded: false }, auditor).length);
  });
});

describe('the 双公示 schemas', () => {
  it('refuse text that is not a date with an issue, rather than failing', () => {
    const r = call(inst, 'penalties.create', { institutionId: 60, ...penaltyInput('T10', ['warning']), validUntil: '' }, admin);
    const e = r.ok ? null : r.error;
    expect(e?.code).toBe('INVALID_INPUT');
    expect(new Set(e?.issues?.map((i) => `${i.path}:${i.message}`))).toEqual(new Set(['validUntil:date']));
  });
});
