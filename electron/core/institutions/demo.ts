// Demo data for the registry of institutions (core): grids, addresses and legal representatives for
// the demo bureau's institutions, licences of private schools and training institutions (a few about
// to expire), practitioners of training institutions, last year's annual reports and a handful of
// penalties. Seeded, and dated from the installation's clock, so every build tells the same story.
// Runs inside the setup transaction, after buildBureauDemo has made the institutions.
import dayjs from 'dayjs';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import type { PenaltyCategory } from '../../../shared/domain/doublePublicity';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import { today } from '../clock';
import { addBureauRecord } from '../credit/bureauRecords';
import { chineseName, DIVISION_WUGANG, intBetween, pick, seededRng, type Rng } from '../demo/names';
import { correctReport, submitReport } from './annualReports';
import { createLicence, createPenalty } from './decisions';
import { createPractitioner } from './practitioners';

const STREETS = ['建设路', '湖滨大道', '朝阳路', '人民路', '钢城路', '光明路', '文化路', '友谊路', '新华路', '滨河路'];
const POSTS = ['专职教师', '专职教师', '兼职教师', '教学主管', '校长', '行政人员'];
const QUALIFICATIONS = ['教师资格证（小学）', '教师资格证（初级中学）', '教师资格证（高级中学）', '艺术类专业资格证书', '体育教练员等级证书', ''];

interface DemoInstitution {
  id: number;
  name: string;
  kind: InstitutionKind;
  township: string;
}

interface DemoPenalty {
  categories: PenaltyCategory[];
  violationType: string;
  facts: string;
  content: string;
  fineWan: number | null;
  confiscatedWan: number | null;
  revokedLicence: boolean;
  monthsAgo: number;
}

/** Kinds of penalty an education bureau actually hands out, from a warning to stopping enrolment. */
const PENALTIES: readonly DemoPenalty[] = [
  { categories: ['warning'], violationType: '超范围办学', facts: '在核定的培训范围之外开设学科类课程。', content: '警告，责令限期改正。', fineWan: null, confiscatedWan: null, revokedLicence: false, monthsAgo: 2 },
  { categories: ['fine'], violationType: '超前收费', facts: '一次性收取学员超过 3 个月的培训费用，共涉及 46 名学员。', content: '罚款人民币伍仟元。', fineWan: 0.5, confiscatedWan: null, revokedLicence: false, monthsAgo: 5 },
  { categories: ['confiscation', 'fine'], violationType: '虚假宣传', facts: '在招生广告中使用“保过”“提分”等虚假承诺，违法所得 1.2 万元。', content: '没收违法所得 1.2 万元，并处罚款 1 万元。', fineWan: 1, confiscatedWan: 1.2, revokedLicence: false, monthsAgo: 7 },
  { categories: ['criticism'], violationType: '未按规定公示收费项目', facts: '未在经营场所公示收费项目、标准和退费办法。', content: '通报批评。', fineWan: null, confiscatedWan: null, revokedLicence: false, monthsAgo: 9 },
  { categories: ['stopEnrolment'], violationType: '未经许可擅自扩大办学规模', facts: '未经审批增设办学场所并招收学员，整改通知到期后仍未改正。', content: '责令停止招生六个月。', fineWan: null, confiscatedWan: null, revokedLicence: false, monthsAgo: 3 },
];

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function gridOf(rng: Rng, township: string): string {
  return `${township}第${'一二三'[intBetween(rng, 0, 2)]}网格`;
}

function practitionerId(rng: Rng, gender: 'male' | 'female', used: Set<string>): string {
  for (;;) {
    let seq = intBetween(rng, 0, 998);
    if ((seq % 2 === 1) !== (gender === 'male')) seq += 1;
    const id = makeIdNumber(DIVISION_WUGANG, `${intBetween(rng, 1972, 2001)}${pad(intBetween(rng, 1, 12), 2)}${pad(intBetween(rng, 1, 28), 2)}`, pad(seq, 3));
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** Fills the demo bureau's institutions with the registry's details; `adminId` authors what it adds. */
export function addInstitutionDemo(inst: Installation, adminId: number): void {
  const rng = seededRng(4104811);
  const raw = inst.open().raw;
  const now = inst.clock.now();
  const todayIso = today(inst);
  const day = dayjs(todayIso);
  const institutions = raw.prepare('SELECT id, name, kind, township FROM institutions ORDER BY id').all() as DemoInstitution[];
  const bureau = raw.prepare("SELECT value FROM meta WHERE key = 'uscc'").get() as { value: string };
  const bureauName = (raw.prepare("SELECT value FROM meta WHERE key = 'orgName'").get() as { value: string }).value;

  const details = raw.prepare('UPDATE institutions SET grid = ?, address = ?, legal_rep = ? WHERE id = ?');
  for (const i of institutions) {
    details.run(gridOf(rng, i.township), `舞钢市${i.township}${pick(rng, STREETS)}${intBetween(rng, 1, 320)}号`, chineseName(rng, rng() < 0.55 ? 'male' : 'female'), i.id);
  }

  const licensed = institutions.filter((i) => i.kind !== 'public_school');
  const training = institutions.filter((i) => i.kind === 'training');

  // Penalties first: they are the decisions a demo most often opens, so they get the first ids.
  PENALTIES.forEach((p, n) => {
    const target = training[(n * 7 + 3) % training.length]!;
    const decidedOn = day.subtract(p.monthsAgo, 'month').subtract(intBetween(rng, 0, 20), 'day');
    createPenalty(inst, adminId, target.id, {
      docNo: `舞教体罚〔${decidedOn.year()}〕${pad(n + 1, 3)}号`,
      decidedOn: decidedOn.format('YYYY-MM-DD'),
      validUntil: decidedOn.add(p.categories.includes('stopEnrolment') ? 6 : 12, 'month').format('YYYY-MM-DD'),
      content: p.content,
      authority: bureauName,
      authorityUscc: bureau.value,
      fields: {
        violationType: p.violationType,
        facts: p.facts,
        basis: '《中华人民共和国民办教育促进法》第六十二条；《校外培训行政处罚暂行办法》',
        categories: p.categories,
        fineWan: p.fineWan,
        confiscatedWan: p.confiscatedWan,
        revokedLicence: '',
        publicUntil: decidedOn.add(p.categories.includes('stopEnrolment') ? 3 : 1, 'year').format('YYYY-MM-DD'),
        note: '',
      },
    });
  });

  // Licences: three years for training institutions, five for private schools; the first three run out within weeks.
  licensed.forEach((i, n) => {
    const years = i.kind === 'private_school' ? 5 : 3;
    const validUntil = n < 3 ? day.add(18 + n * 17, 'day') : day.add(intBetween(rng, 60, years * 365 - 30), 'day');
    const validFrom = validUntil.subtract(years, 'year').add(1, 'day');
    const decidedOn = validFrom.subtract(intBetween(rng, 3, 20), 'day');
    createLicence(inst, adminId, i.id, {
      docNo: `舞教体许〔${decidedOn.year()}〕${pad(n + 1, 3)}号`,
      decidedOn: decidedOn.format('YYYY-MM-DD'),
      validFrom: validFrom.format('YYYY-MM-DD'),
      validUntil: validUntil.format('YYYY-MM-DD'),
      content: i.kind === 'private_school' ? '准予设立，颁发民办学校办学许可证。' : '准予从事非学科类校外培训，颁发办学许可证。',
      authority: bureauName,
      authorityUscc: bureau.value,
      fields: { docName: '准予行政许可决定书', category: 'ordinary', certName: '民办学校办学许可证', certNo: `教民1${DIVISION_WUGANG}7${pad(i.id, 6)}号`, note: '' },
    });
  });

  const ids = new Set<string>();
  training.forEach((i, n) => {
    for (let k = intBetween(rng, 2, 5); k > 0; k--) {
      const gender = rng() < 0.4 ? 'male' : 'female';
      const id = createPractitioner(raw, { institutionId: i.id, name: chineseName(rng, gender), gender, idNumber: practitionerId(rng, gender, ids), post: pick(rng, POSTS), qualification: pick(rng, QUALIFICATIONS) }, now);
      // A few practitioners' files tell something: a commendation, working unqualified.
      if (n % 9 === 0 && k === 1) addBureauRecord(inst, { subjectKind: 'practitioner', subjectId: id, code: 'P-C01', occurredOn: day.subtract(4, 'month').format('YYYY-MM-DD'), description: '获评市级优秀校外培训教师', authorId: adminId, source: 'manual' });
      if (n % 11 === 5 && k === 2) addBureauRecord(inst, { subjectKind: 'practitioner', subjectId: id, code: 'P-V03', occurredOn: day.subtract(2, 'month').format('YYYY-MM-DD'), description: '检查发现未取得相应教师资格即上岗授课', authorId: adminId, source: 'manual' });
    }
  });

  // Last year's reports, submitted in spring; about one in eight has not reported.
  const year = day.year() - 1;
  let first: number | null = null;
  for (const i of licensed) {
    if (rng() < 0.12) continue;
    const staff = intBetween(rng, 4, i.kind === 'private_school' ? 120 : 18);
    const learners = staff * intBetween(rng, 8, 20);
    const submitted = dayjs(`${year + 1}-03-01`).add(intBetween(rng, 0, 100), 'day');
    const submittedOn = (submitted.isAfter(day) ? day : submitted).format('YYYY-MM-DD');
    const roll = rng();
    const id = submitReport(
      raw,
      i.id,
      year,
      {
        submittedOn,
        conclusion: roll < 0.8 ? 'qualified' : roll < 0.95 ? 'basically' : 'unqualified',
        content: {
          learners,
          staff,
          qualifiedTeachers: intBetween(rng, Math.floor(staff / 2), staff),
          incomeYuan: learners * intBetween(rng, 1500, 6000),
          feesHeldYuan: learners * intBetween(rng, 200, 1200),
          complaints: rng() < 0.7 ? 0 : intBetween(rng, 1, 4),
          statement: '本机构承诺所报内容真实、准确、完整。',
        },
      },
      adminId,
      todayIso,
      now.toISOString(),
    );
    first ??= id;
  }
  // One report was corrected after a check of the figures: its first version stays as history.
  if (first !== null) {
    const raw0 = raw.prepare('SELECT submitted_on AS submittedOn, content, conclusion FROM annual_reports WHERE id = ?').get(first) as { submittedOn: string; content: string; conclusion: 'qualified' | 'basically' | 'unqualified' };
    const content = JSON.parse(raw0.content) as { learners: number; staff: number; qualifiedTeachers: number; incomeYuan: number; feesHeldYuan: number; complaints: number; statement: string };
    correctReport(raw, first, { submittedOn: raw0.submittedOn, conclusion: raw0.conclusion, content: { ...content, learners: content.learners + 12 } }, '核对学员名册后更正在训学员人数', adminId, todayIso, now.toISOString());
  }
}
