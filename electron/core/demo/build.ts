// Demo data (core): a realistic school or bureau, built inside the setup transaction.
import dayjs from 'dayjs';
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { expiresOn } from '../../../shared/domain/creditRules';
import { currentVersion, listItems } from '../catalogue/service';
import { makeUscc, USCC_ALPHABET } from '../../../shared/domain/uscc';
import type { Installation } from '../app/installation';
import { createUser } from '../auth/service';
import { today } from '../clock';
import { addInstitutionDemo } from '../institutions/demo';
import { addInspectionDemo } from '../inspections/demo';
import { DEMO_ORG } from './org';
import { addCaseDemo } from '../cases/demo';
import { addDecisionDemo } from '../decisions/demo';
import { gradeEverySubject } from '../grading/everyone';
import { saveRun } from '../grading/runs';
import { demoEvidenceFor, type DemoFile } from './evidence';
import { DIVISION_WUGANG, SUBJECTS, TITLES, TOWNSHIPS, chineseName, intBetween, pick, seededRng, type Rng } from './names';

export const DEMO_TEACHERS = 132;
export const DEMO_GRADES = ['七年级', '八年级', '九年级'];
export const DEMO_CLASSES_PER_GRADE = 16;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function birth8(rng: Rng, fromYear: number, toYear: number): string {
  return `${intBetween(rng, fromYear, toYear)}${pad(intBetween(rng, 1, 12), 2)}${pad(intBetween(rng, 1, 28), 2)}`;
}

function idFor(rng: Rng, gender: 'male' | 'female', fromYear: number, toYear: number, used: Set<string>): string {
  for (;;) {
    let seq = intBetween(rng, 0, 998);
    if ((seq % 2 === 1) !== (gender === 'male')) seq += 1;
    const id = makeIdNumber(DIVISION_WUGANG, birth8(rng, fromYear, toYear), pad(seq, 3));
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
}

/** A 九年一贯制-sized junior middle school: 132 teachers, 48 classes, about 2,150 students. */
export function buildSchoolDemo(inst: Installation, password: string): Record<string, number> {
  const rng = seededRng(410481);
  const { raw } = inst.open();
  const ids = new Set<string>();
  const insertTeacher = raw.prepare(
    'INSERT INTO teachers (name, gender, id_number, staff_no, subject, title, hire_date, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  let firstTeacherId = 0;
  for (let i = 1; i <= DEMO_TEACHERS; i++) {
    const gender = rng() < 0.62 ? 'female' : 'male';
    const hireYear = intBetween(rng, 1992, 2025);
    const r = insertTeacher.run(
      chineseName(rng, gender),
      gender,
      idFor(rng, gender, 1965, 2001, ids),
      `T${pad(i, 4)}`,
      pick(rng, SUBJECTS),
      pick(rng, TITLES),
      `${hireYear}-${pad(intBetween(rng, 7, 9), 2)}-01`,
      i % 45 === 0 ? 'inactive' : 'active',
    );
    if (i === 1) firstTeacherId = Number(r.lastInsertRowid);
  }
  const insertClass = raw.prepare('INSERT INTO classes (grade, name) VALUES (?, ?)');
  const insertStudent = raw.prepare('INSERT INTO students (name, gender, student_no, class_id, status, guardian_contact) VALUES (?, ?, ?, ?, ?, ?)');
  let students = 0;
  DEMO_GRADES.forEach((grade, g) => {
    const entryYear = 2026 - g;
    for (let c = 1; c <= DEMO_CLASSES_PER_GRADE; c++) {
      const classId = Number(insertClass.run(grade, `${c}班`).lastInsertRowid);
      const size = intBetween(rng, 43, 47);
      for (let s = 1; s <= size; s++) {
        const gender = rng() < 0.5 ? 'female' : 'male';
        students += 1;
        insertStudent.run(
          chineseName(rng, gender),
          gender,
          `${entryYear}${pad(c, 2)}${pad(s, 2)}`,
          classId,
          'active',
          rng() < 0.8 ? `1${pick(rng, ['3', '5', '8'])}${pad(intBetween(rng, 0, 999999999), 9)}` : null,
        );
      }
    }
  });
  const records = buildDemoRecords(inst, rng);
  createUser(inst, { username: 'clerk', displayName: '德育干事', role: 'records_clerk', password });
  createUser(inst, { username: 'auditor', displayName: '审计员', role: 'auditor', password });
  const firstTeacher = raw.prepare('SELECT name FROM teachers WHERE id = ?').pluck().get(firstTeacherId) as string;
  createUser(inst, { username: 'T0001', displayName: firstTeacher, role: 'teacher', password, teacherId: firstTeacherId });
  return { teachers: DEMO_TEACHERS, classes: DEMO_GRADES.length * DEMO_CLASSES_PER_GRADE, students, ...records };
}

/** Weighted picks: most school records are small praise and small lapses, few are sanctions. */
const TEACHER_MIX: readonly [string, number][] = [['T-P05', 30], ['T-P04', 8], ['T-P03', 3], ['T-P02', 1], ['T-H01', 10], ['T-V04', 6], ['T-V10', 3], ['T-S01', 2], ['T-V09', 1]];
const STUDENT_MIX: readonly [string, number][] = [['S-P01', 40], ['S-P03', 14], ['S-P02', 4], ['S-V01', 22], ['S-V04', 6], ['S-V02', 5], ['S-V05', 5], ['S-V03', 2], ['S-S01', 2]];

function weighted(rng: Rng, mix: readonly [string, number][]): string {
  const total = mix.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [code, w] of mix) if ((x -= w) < 0) return code;
  return mix[0]![0];
}

const TEACHER_NOTES: Record<string, string> = {
  'T-P05': '师德师风表现突出，受到学校表扬', 'T-P04': '获评县级优秀教师', 'T-P03': '获评市级优秀班主任', 'T-P02': '获省级教学成果奖',
  'T-H01': '教学常规检查中发现问题，已谈话提醒', 'T-V04': '无故缺席教研活动两次', 'T-V10': '经查参与校外有偿补课', 'T-S01': '违反师德规定，给予警告处分', 'T-V09': '收受家长礼品，已退还',
};
const STUDENT_NOTES: Record<string, string> = {
  'S-P01': '主动帮助同学，班级表扬', 'S-P03': '拾到钱包主动上交', 'S-P02': '获县级三好学生', 'S-V01': '课堂上多次讲话，影响教学', 'S-V04': '损坏教室门窗',
  'S-V02': '期中考试携带小抄', 'S-V05': '晚自习无故缺席', 'S-V03': '与同学发生冲突并推搡', 'S-S01': '多次违纪，给予警告处分',
};

/** About 1,000 teacher and 20,000 student records over the last three school years. */
function buildDemoRecords(inst: Installation, rng: Rng): { records: number } {
  const { raw } = inst.open();
  const version = currentVersion(raw);
  const items = new Map(listItems(raw, version).map((i) => [i.code, i]));
  const authorId = (raw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  const teacherIds = (raw.prepare('SELECT id FROM teachers').all() as { id: number }[]).map((r) => r.id);
  const studentIds = (raw.prepare('SELECT id FROM students').all() as { id: number }[]).map((r) => r.id);
  const now = inst.clock.now();
  const createdAt = now.toISOString();
  const insert = raw.prepare(
    `INSERT INTO credit_records (subject_kind, subject_id, item_id, occurred_on, expires_on, description, kind, supersedes_id, author_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 'original', NULL, ?, ?)`,
  );
  const link = raw.prepare('INSERT INTO record_evidence (record_id, sha256, file_name) VALUES (?, ?, ?)');
  const files = new Map<string, DemoFile>();
  let n = 0;
  const add = (kind: 'teacher' | 'student', subjectId: number, code: string, notes: Record<string, string>): void => {
    const item = items.get(code)!;
    const occurredOn = dayjs(now).subtract(intBetween(rng, 1, 1000), 'day').format('YYYY-MM-DD');
    const id = insert.run(kind, subjectId, item.id, occurredOn, expiresOn(occurredOn, item.disclosureMonths), notes[code] ?? item.nameZh, authorId, createdAt).lastInsertRowid;
    if (item.evidenceRequired) {
      const file = demoEvidenceFor(inst, code, files);
      if (!file) throw new Error(`demo item ${code} needs evidence and has none`);
      link.run(id, file.sha256, file.fileName);
    }
    n += 1;
  };
  for (let i = 0; i < 1_000; i++) add('teacher', pick(rng, teacherIds), weighted(rng, TEACHER_MIX), TEACHER_NOTES);
  for (let i = 0; i < 20_000; i++) add('student', pick(rng, studentIds), weighted(rng, STUDENT_MIX), STUDENT_NOTES);
  return { records: n };
}

const ORG_BODY_CHARS = USCC_ALPHABET;

function orgBody(rng: Rng): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += i < 2 ? pick(rng, [...'MA']) : pick(rng, [...ORG_BODY_CHARS]);
  return s;
}

const PRIVATE_SCHOOL_NAMES = ['育才实验学校', '英才双语学校', '博雅学校', '明德中学', '启航小学', '华星幼儿园', '阳光幼儿园', '振华学校', '致远中学', '春蕾幼儿园', '新星小学', '德馨学校'];
const TRAINING_KINDS = ['艺术培训学校', '体育培训中心', '科技培训学校', '书法培训学校', '舞蹈培训中心', '音乐培训学校', '美术培训中心', '棋类培训学校', '职业技能培训学校', '编程培训中心'];
const TRAINING_PREFIXES = ['启智', '博学', '星辰', '晨曦', '鸿志', '远航', '金秋', '青苗', '雏鹰', '睿思', '知行', '乐学', '嘉禾', '卓越', '未来'];

/** The bureau of 舞钢市: its public schools, private schools and training institutions. */
export function buildBureauDemo(inst: Installation, password: string): Record<string, number> {
  const rng = seededRng(4104810);
  const { raw } = inst.open();
  const used = new Set<string>();
  const insert = raw.prepare('INSERT INTO institutions (name, uscc, kind, township, status) VALUES (?, ?, ?, ?, ?)');
  const add = (name: string, prefix2: string, kind: string, township: string): void => {
    let uscc = '';
    do uscc = makeUscc(prefix2, DIVISION_WUGANG, orgBody(rng));
    while (used.has(uscc));
    // The demo school keeps its own code here (the random one is still drawn, so the others stay put).
    if (name === DEMO_ORG.school.name) uscc = DEMO_ORG.school.uscc;
    used.add(uscc);
    insert.run(name, uscc, kind, township, 'active');
  };
  const counts = { public_school: 0, private_school: 0, training: 0 };
  for (let i = 1; i <= 8; i++) add(`舞钢市第${'一二三四五六七八'[i - 1]}小学`, '12', 'public_school', pick(rng, TOWNSHIPS.slice(0, 5)));
  for (let i = 1; i <= 5; i++) add(`舞钢市第${'一二三四五'[i - 1]}初级中学`, '12', 'public_school', pick(rng, TOWNSHIPS.slice(0, 5)));
  add('舞钢市第一高级中学', '12', 'public_school', '垭口街道');
  add('舞钢市第二高级中学', '12', 'public_school', '寺坡街道');
  for (const t of TOWNSHIPS.slice(5)) {
    add(`舞钢市${t}中心校`, '12', 'public_school', t);
    add(`舞钢市${t}初级中学`, '12', 'public_school', t);
  }
  counts.public_school = 8 + 5 + 2 + (TOWNSHIPS.length - 5) * 2;
  for (const n of PRIVATE_SCHOOL_NAMES) add(`舞钢市${n}`, '52', 'private_school', pick(rng, TOWNSHIPS));
  counts.private_school = PRIVATE_SCHOOL_NAMES.length;
  const trainingNames = new Set<string>();
  while (trainingNames.size < 36) trainingNames.add(`舞钢市${pick(rng, TRAINING_PREFIXES)}${pick(rng, TRAINING_KINDS)}`);
  for (const n of trainingNames) add(n, rng() < 0.5 ? '52' : '91', 'training', pick(rng, TOWNSHIPS));
  counts.training = trainingNames.size;
  createUser(inst, { username: 'inspector', displayName: '督导员', role: 'bureau_inspector', password });
  createUser(inst, { username: 'auditor', displayName: '审计员', role: 'auditor', password });
  // Supervision in the order it builds on itself: the registry's details, inspections and their
  // results, negative-list cases and lists, then decisions ranked on the credit all that made.
  const adminId = (raw.prepare("SELECT id FROM users WHERE username = 'admin'").get() as { id: number }).id;
  addInstitutionDemo(inst, adminId);
  const inspections = addInspectionDemo(inst, adminId, password);
  const supervision = addCaseDemo(inst, adminId);
  const decisions = addDecisionDemo(inst, adminId);
  const grading = gradeEverySubject(raw, today(inst));
  saveRun(raw, grading, 'admin', inst.clock.now().toISOString());
  return { institutions: counts.public_school + counts.private_school + counts.training, ...counts, ...inspections, ...supervision, ...decisions };
}
