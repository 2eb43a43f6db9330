// Role-test samples of the institutions routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/institutions.test.ts checks.
// The ids are the demo bureau's (electron/core/demo/build.ts and electron/core/institutions/demo.ts):
// institutions 1–29 public schools, 30–41 private schools, 42–77 training institutions; penalties
// are decisions 1–5, licences follow; practitioner 1 works at a training institution.
import type { institutionRoutes } from '../../../shared/api/routes/institutions';
import type { RouteName } from '../../../shared/api/contract';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { makeUscc } from '../../../shared/domain/uscc';
import type { Samples } from './fixture';

const BUREAU_USCC = makeUscc('11', '410481', '00510023');
const PRIVATE_SCHOOL = 30;
const TRAINING = 42;

const licence = {
  decidedOn: '2026-10-08',
  validFrom: '2026-10-10',
  validUntil: '2029-10-09',
  content: '准予从事非学科类校外培训。',
  authority: '舞钢市教育体育局',
  authorityUscc: BUREAU_USCC,
  fields: { docName: '准予行政许可决定书', category: 'ordinary', certName: '民办学校办学许可证', certNo: '教民141048170999001号' },
} as const;

const penalty = {
  decidedOn: '2026-11-02',
  validUntil: '2027-11-01',
  content: '警告。',
  authority: '舞钢市教育体育局',
  authorityUscc: BUREAU_USCC,
  fields: { violationType: '超范围办学', facts: '开设学科类课程。', basis: '《中华人民共和国民办教育促进法》第六十二条', categories: ['warning' as const] },
};

const report = {
  submittedOn: '2026-11-20',
  conclusion: 'qualified',
  content: { learners: 120, staff: 9, qualifiedTeachers: 7, incomeYuan: 360000, feesHeldYuan: 42000, complaints: 0, statement: '所报内容真实。' },
} as const;

export const institutionSamples: Samples<typeof institutionRoutes> = {
  'institutions.list': () => ({ kind: 'training', limit: 5 }),
  'institutions.get': () => ({ id: PRIVATE_SCHOOL }),
  'institutions.create': (f) => ({ name: `舞钢市新建培训学校${++f.counter}`, uscc: makeUscc('52', '410481', `MA${String(f.counter).padStart(6, '0')}`), kind: 'training', township: '垭口街道' }),
  'institutions.update': () => ({ id: PRIVATE_SCHOOL, name: '舞钢市育才实验学校', uscc: makeUscc('52', '410481', 'MB100001'), kind: 'private_school', township: '寺坡街道', grid: '寺坡街道第一网格' }),
  'institutions.setStatus': () => ({ id: PRIVATE_SCHOOL, status: 'active' }),
  'institutions.records': () => ({ id: TRAINING }),
  'institutions.addRecord': () => ({ institutionId: TRAINING, code: 'I-AR1', occurredOn: '2026-11-01', description: '未按时报送年度报告' }),
  'practitioners.list': () => ({ institutionId: TRAINING }),
  'practitioners.get': () => ({ id: 1 }),
  'practitioners.create': (f) => ({ institutionId: TRAINING, name: '新员工', gender: 'male', idNumber: makeIdNumber('410481', '19900101', String(101 + ++f.counter * 2).padStart(3, '0')), post: '专职教师' }),
  'practitioners.update': () => ({ id: 1, name: '张静', gender: 'female', idNumber: makeIdNumber('410481', '19850505', '002'), post: '教学主管', qualification: '教师资格证（小学）' }),
  'practitioners.setStatus': () => ({ id: 1, status: 'active' }),
  'practitioners.addRecord': () => ({ practitionerId: 1, code: 'P-C01', occurredOn: '2026-11-01', description: '获评优秀教师' }),
  'annualReports.list': () => ({ institutionId: TRAINING }),
  'annualReports.submit': () => ({ institutionId: TRAINING, year: 2026, ...report }),
  'annualReports.correct': () => ({ reportId: 2, reason: '更正学员人数', ...report }),
  'licences.list': () => ({ institutionId: PRIVATE_SCHOOL }),
  'licences.create': (f) => ({ institutionId: TRAINING + 1, docNo: `舞教体许〔2026〕R${++f.counter}号`, ...licence }),
  'licences.correct': () => ({ decisionId: 6, docNo: '舞教体许〔2026〕R-更正号', reason: '有效期录入有误', ...licence }),
  'penalties.list': () => ({}),
  'penalties.create': (f) => ({ institutionId: TRAINING + 2, docNo: `舞教体罚〔2026〕R${++f.counter}号`, ...penalty }),
  // Admin and inspector may both correct: each call takes another of the demo's five penalties.
  'penalties.correct': (f) => ({ decisionId: 1 + (++f.counter % 5), docNo: `舞教体罚〔2026〕C${f.counter}号`, reason: '处罚内容录入有误', ...penalty }),
  'doublePublicity.export': () => ({}),
};

export const institutionAuditedElsewhere: readonly RouteName[] = [
  'institutions.create',
  'institutions.update',
  'institutions.setStatus',
  'institutions.addRecord',
  'practitioners.create',
  'practitioners.update',
  'practitioners.setStatus',
  'practitioners.addRecord',
  'annualReports.submit',
  'annualReports.correct',
  'licences.create',
  'licences.correct',
  'penalties.create',
  'penalties.correct',
];
