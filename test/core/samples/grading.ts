// Role-test samples of the grading routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/grading.test.ts checks.
import type { gradingRoutes } from '../../../shared/api/routes/grading';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';
import canonicalize from 'canonicalize';
import type { Installation } from '../../../electron/core/app/installation';
import { addBureauRecord, type BureauSubject } from '../../../electron/core/credit/bureauRecords';
import { makeUscc } from '../../../shared/domain/uscc';

export const gradingSamples: Samples<typeof gradingRoutes> = {
  'grading.rules': () => ({}),
  'grading.subjects': () => ({ kind: 'institution', limit: 20 }),
  'grading.subject': () => ({ kind: 'institution', key: '1' }),
  'grading.run': () => ({}),
  'grading.trend': () => ({}),
};

/** grading.run: audited once per run, checked in test/core/grading.test.ts. */
export const gradingAuditedElsewhere: readonly RouteName[] = ['grading.run'];

/**
 * A bureau's hand-made grading data, with the grades worked out by hand (test/core/grading.test.ts
 * and test/cli/grade.test.ts): one school's teachers as the rows its bundles leave in received_rows
 * (sync/content.ts), institutions and a practitioner with records, and lists. Written through
 * Installation.write() with an audit entry, as every change is. Today is 2026-11-24 (TestClock).
 */
export const HAND_SCHOOL = { uscc: '91350100M000100Y43', name: '舞钢市实验小学' } as const;

type Json = Record<string, string | number | null>;

function recordRow(id: number, teacherId: number, itemCode: string, occurredOn: string, expiresOn: string, extra: Partial<Json> = {}): Json {
  return { id: String(id), teacherId, itemCode, catalogueVersion: 1, occurredOn, expiresOn, description: '事实', kind: 'original', supersedesId: null, createdAt: `${occurredOn}T08:00:00.000Z`, source: 'local', ...extra };
}

/** Teacher rows, records, objections and repairs of HAND_SCHOOL. */
const TEACHERS: Json[] = [1, 2, 3, 4, 5].map((id) => ({ id: String(id), name: `教师${id}`, gender: 'female', staffNo: `T${id}`, subject: '语文', title: '', hireDate: '2010-09-01', status: 'active', idHash: 'h'.repeat(64) }));
const RECORDS: Json[] = [
  // Teacher 1: 100 + 10 + 2 + 15 − 10 − 15 = 102 → B.
  recordRow(1, 1, 'T-P03', '2026-03-01', '2029-03-01'), // active +10
  recordRow(2, 1, 'T-V04', '2026-04-01', '2027-04-01'), // revoked by 3: 0
  recordRow(3, 1, 'T-V04', '2026-04-01', '2027-04-01', { kind: 'revocation', supersedesId: 2 }), // not a step
  recordRow(4, 1, 'T-H01', '2026-05-01', '2026-11-01'), // expired: 0
  recordRow(5, 1, 'T-P05', '2026-06-01', '2027-06-01'), // open objection: disputed, +2
  recordRow(6, 1, 'T-S01', '2026-07-01', '2027-01-01'), // repaired on 2026-10-01: 0
  recordRow(7, 1, 'T-P04', '2026-08-01', '2028-08-01'), // amended by 8: 0
  recordRow(8, 1, 'T-P02', '2026-08-01', '2029-08-01', { kind: 'amendment', supersedesId: 7 }), // active +15
  recordRow(9, 1, 'T-V11', '2026-09-01', '2027-09-01'), // latest objection rejected: active −10
  recordRow(10, 1, 'T-S02', '2026-10-01', '2027-10-01'), // repair only from 2026-12-31: active −15
  // Teacher 2: 100 − 30 + 20 + 15 = 105, but −30 is a serious breach → D.
  recordRow(11, 2, 'T-V05', '2026-02-01', '2028-02-01'),
  recordRow(12, 2, 'T-P01', '2026-02-02', '2031-02-02'),
  recordRow(13, 2, 'T-P02', '2026-02-03', '2029-02-03'),
  // Teacher 3: 100 + 20 = 120 → A, on the key supervision list → C.
  recordRow(14, 3, 'T-P01', '2026-01-10', '2031-01-10'),
  // Teacher 4 has no record: 100 → B, on the black list → D.
  // Teacher 5: 100 + 15 + 5 = 120 → A; an item of a catalogue version the bureau never had adds 0.
  recordRow(15, 5, 'T-P02', '2026-05-05', '2029-05-05'),
  recordRow(16, 5, 'T-P04', '2026-05-06', '2028-05-06'),
  recordRow(17, 5, 'T-X99', '2026-05-07', '2028-05-07', { catalogueVersion: 9 }),
];
const OBJECTIONS: Json[] = [
  { id: '1', recordId: 5, reason: '日期不对', raisedAt: '2026-06-10T08:00:00.000Z', decision: null, decisionReason: null, decidedAt: null },
  { id: '2', recordId: 9, reason: '不是我', raisedAt: '2026-09-02T08:00:00.000Z', decision: null, decisionReason: null, decidedAt: null },
  { id: '3', recordId: 9, reason: '再次申请', raisedAt: '2026-09-03T08:00:00.000Z', decision: 'rejected', decisionReason: '事实清楚', decidedAt: '2026-09-05T08:00:00.000Z' },
];
const REPAIRS: Json[] = [
  { id: '1', recordId: 6, kind: 'repair', reason: '整改到位', effectiveOn: '2026-10-01', createdAt: '2026-10-01T08:00:00.000Z' },
  { id: '2', recordId: 10, kind: 'repair', reason: '年底修复', effectiveOn: '2026-12-31', createdAt: '2026-10-02T08:00:00.000Z' },
];

/** What the hand-made data grades to, by kind and subject key. */
export const HAND_GRADES = {
  teacher: {
    [`${HAND_SCHOOL.uscc}/1`]: { score: 102, grade: 'B' },
    [`${HAND_SCHOOL.uscc}/2`]: { score: 105, grade: 'D' },
    [`${HAND_SCHOOL.uscc}/3`]: { score: 120, grade: 'C' },
    [`${HAND_SCHOOL.uscc}/4`]: { score: 100, grade: 'D' },
    [`${HAND_SCHOOL.uscc}/5`]: { score: 120, grade: 'A' },
  },
} as const;

/**
 * Institutions (ids in the order made): 1 public school, I-C01 + I-INS1 = 112 → A; 2 private school,
 * I-PN2 + I-N01 = 65 → D; 3 training, I-PN3 = 60 and a serious breach → D; 4 training, no record
 * but on the key supervision list → C. Practitioners of institution 3: 1 with P-V01 = 90 → C; 2
 * with P-C01 = 105 → B.
 */
export const HAND_COUNTS = {
  institution: { A: 1, B: 0, C: 1, D: 2 },
  practitioner: { A: 0, B: 1, C: 1, D: 0 },
  teacher: { A: 1, B: 1, C: 1, D: 2 },
} as const;

export function buildHandGrading(inst: Installation): { institutionIds: number[]; practitionerIds: number[] } {
  return inst.write(
    () => ({ actor: 'test', route: 'test.gradingData', subject: 'grading-samples', diff: {} }),
    ({ raw }) => {
      raw
        .prepare("INSERT INTO sync_partners (uscc, mode, name, sign_key, age_recipient, fingerprint, enrolled_at) VALUES (?, 'school', ?, 'k', 'age1x', 'F', '2026-01-01T00:00:00.000Z')")
        .run(HAND_SCHOOL.uscc, HAND_SCHOOL.name);
      const put = raw.prepare('INSERT INTO received_rows (school, kind, remote_id, data, seq) VALUES (?, ?, ?, ?, 1)');
      const rows: [string, Json[]][] = [['teacher', TEACHERS], ['record', RECORDS], ['objection', OBJECTIONS], ['repair', REPAIRS], ['studentStats', [{ id: 'students' }]]];
      for (const [kind, list] of rows) for (const r of list) put.run(HAND_SCHOOL.uscc, kind, r.id, canonicalize(r)!);

      const addInst = raw.prepare("INSERT INTO institutions (name, uscc, kind, township, status) VALUES (?, ?, ?, '垭口街道', 'active')");
      const institutionIds = [
        ['舞钢市样本小学', makeUscc('12', '410481', 'MA0001AA'), 'public_school'],
        ['舞钢市样本民办学校', makeUscc('52', '410481', 'MA0002AA'), 'private_school'],
        ['舞钢市样本培训学校', makeUscc('52', '410481', 'MA0003AA'), 'training'],
        ['舞钢市另一培训学校', makeUscc('52', '410481', 'MA0004AA'), 'training'],
      ].map(([name, uscc, kind]) => Number(addInst.run(name, uscc, kind).lastInsertRowid));
      const [i1, i2, i3, i4] = institutionIds as [number, number, number, number];
      const addP = raw.prepare("INSERT INTO practitioners (institution_id, name, gender, id_number, post, created_at) VALUES (?, ?, 'male', ?, '教师', '2026-01-01T00:00:00.000Z')");
      const practitionerIds = [
        Number(addP.run(i3, '从业者甲', '11010519491231002X').lastInsertRowid),
        Number(addP.run(i3, '从业者乙', '110105194912310021').lastInsertRowid),
      ];
      const rec = (subjectKind: BureauSubject, subjectId: number, code: string, occurredOn: string): number =>
        addBureauRecord(inst, { subjectKind, subjectId, code, occurredOn, description: '样本', authorId: 1, source: 'manual' });
      rec('public_school', i1, 'I-C01', '2026-03-01');
      rec('public_school', i1, 'I-INS1', '2026-04-01');
      rec('private_school', i2, 'I-PN2', '2026-05-01');
      rec('private_school', i2, 'I-N01', '2026-06-01');
      rec('training', i3, 'I-PN3', '2026-07-01');
      rec('practitioner', practitionerIds[0]!, 'P-V01', '2026-08-01');
      rec('practitioner', practitionerIds[1]!, 'P-C01', '2026-08-02');

      const list = raw.prepare(
        `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
         VALUES (?, ?, ?, ?, 'manual', '样本', 1, '2026-01-01T00:00:00.000Z', ?, 1, '2026-01-02T00:00:00.000Z', '同意', ?, ?)`,
      );
      list.run('key_supervision', 'teacher', `${HAND_SCHOOL.uscc}/3`, '教师3', 'approved', '2026-01-01', '2027-12-31');
      list.run('black', 'teacher', `${HAND_SCHOOL.uscc}/4`, '教师4', 'approved', '2026-11-24', '2026-11-24');
      // Not in force: ended before today, starting after today, or only proposed.
      list.run('key_monitoring', 'teacher', `${HAND_SCHOOL.uscc}/5`, '教师5', 'approved', '2025-01-01', '2026-11-23');
      list.run('black', 'teacher', `${HAND_SCHOOL.uscc}/5`, '教师5', 'approved', '2026-11-25', '2027-11-25');
      list.run('black', 'teacher', `${HAND_SCHOOL.uscc}/1`, '教师1', 'proposed', '2026-01-01', '2027-11-25');
      list.run('key_supervision', 'institution', String(i4), '舞钢市另一培训学校', 'approved', '2026-01-01', '2027-12-31');
      return { institutionIds, practitionerIds };
    },
  );
}
