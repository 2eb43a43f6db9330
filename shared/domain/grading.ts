// 信用分级分类监管: the versioned rule set that turns a subject's records and lists into a score and
// a grade (A 守信, B 基本守信, C 失信, D 严重失信), explaining every point, and the supervision each
// grade brings: how often its subjects are inspected and how heavily a double-random draw weighs
// them. Pure. A new version is appended, never edited, so an old grade can be explained by the
// rules it was made under.
import { BASE_SCORE, COUNTING, SEVERE_POINTS, THRESHOLDS, type Grade, type RecordStatus } from './creditRules';
import type { ListKind } from './supervision';

export interface GradingRules {
  version: number;
  effectiveFrom: string;
  base: number;
  /** The lowest score of A, B and C; below the last is D. */
  thresholds: readonly { grade: Grade; min: number }[];
  /** A counting record at or below this many points makes the grade D whatever the score. */
  severePoints: number;
  /** A list entry in force caps the grade: the subject is graded no better than this. */
  listCaps: Partial<Record<ListKind, Grade>>;
  /** Months between routine inspections of a subject of each grade. */
  inspectionMonths: Record<Grade, number>;
  /** Relative chance of being drawn in a double-random spot check. */
  drawWeight: Record<Grade, number>;
}

const V1: GradingRules = {
  version: 1,
  effectiveFrom: '2026-01-01',
  base: BASE_SCORE,
  thresholds: THRESHOLDS.map(([grade, min]) => ({ grade, min })),
  severePoints: SEVERE_POINTS,
  listCaps: { black: 'D', key_monitoring: 'D', key_supervision: 'C' },
  inspectionMonths: { A: 24, B: 12, C: 6, D: 3 },
  drawWeight: { A: 1, B: 2, C: 4, D: 8 },
};

export const GRADING_RULES: readonly GradingRules[] = [V1];
export const CURRENT_RULES: GradingRules = GRADING_RULES[GRADING_RULES.length - 1]!;

export function rulesOf(version: number): GradingRules | undefined {
  return GRADING_RULES.find((r) => r.version === version);
}

const ORDER: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** The worse of two grades. */
export function worse(a: Grade, b: Grade): Grade {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

export interface GradedRecord {
  id: number | string;
  code: string;
  status: RecordStatus;
  points: number;
}

/** One line of a grade's explanation: a message key and its values, worded by the UI and the CLI. */
export type GradeStep =
  | { key: 'base'; points: number }
  | { key: 'record'; recordId: number | string; code: string; status: RecordStatus; points: number; counted: boolean }
  | { key: 'threshold'; grade: Grade; min: number; score: number }
  | { key: 'belowAll'; min: number; score: number }
  | { key: 'severe'; recordIds: (number | string)[] }
  | { key: 'listCap'; list: ListKind; cap: Grade };

export interface SubjectGrade {
  rulesVersion: number;
  score: number;
  grade: Grade;
  steps: GradeStep[];
}

export function gradeSubject(records: readonly GradedRecord[], lists: readonly ListKind[], rules: GradingRules = CURRENT_RULES): SubjectGrade {
  const steps: GradeStep[] = [{ key: 'base', points: rules.base }];
  let score = rules.base;
  const severe: (number | string)[] = [];
  for (const r of records) {
    const counted = COUNTING.includes(r.status);
    steps.push({ key: 'record', recordId: r.id, code: r.code, status: r.status, points: counted ? r.points : 0, counted });
    if (!counted) continue;
    score += r.points;
    if (r.points <= rules.severePoints) severe.push(r.id);
  }
  let grade: Grade;
  const reached = rules.thresholds.find((t) => score >= t.min);
  if (reached) {
    grade = reached.grade;
    steps.push({ key: 'threshold', grade, min: reached.min, score });
  } else {
    grade = 'D';
    steps.push({ key: 'belowAll', min: rules.thresholds[rules.thresholds.length - 1]!.min, score });
  }
  if (severe.length > 0) {
    grade = 'D';
    steps.push({ key: 'severe', recordIds: severe });
  }
  for (const list of lists) {
    const cap = rules.listCaps[list];
    if (cap && worse(grade, cap) !== grade) {
      grade = cap;
      steps.push({ key: 'listCap', list, cap });
    }
  }
  return { rulesVersion: rules.version, score, grade, steps };
}
