// Demo data (core): a realistic school or bureau, built inside the setup transaction.
import { makeIdNumber } from '../../../shared/domain/idNumber';
import { makeUscc, USCC_ALPHABET } from '../../../shared/domain/uscc';
import type { Installation } from '../app/installation';
import { createUser } from '../auth/service';
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
  createUser(inst, { username: 'clerk', displayName: '德育干事', role: 'records_clerk', password });
  createUser(inst, { username: 'auditor', displayName: '审计员', role: 'auditor', password });
  createUser(inst, { username: 'T0001', displayName: '教师 T0001', role: 'teacher', password, teacherId: firstTeacherId });
  return { teachers: DEMO_TEACHERS, classes: DEMO_GRADES.length * DEMO_CLASSES_PER_GRADE, students };
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
  return { institutions: counts.public_school + counts.private_school + counts.training, ...counts };
}
