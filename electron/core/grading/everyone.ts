// Grading every subject the bureau supervises (core): institutions, their practitioners and the
// teachers schools sent, each kind in one pass over its records. Kept compact (no explanation
// steps) so a city's worth of subjects stays small in memory; one subject's explanation is
// worked out again when asked for (subjects.ts).
import type { GradeCounts, GradedSubjectView } from '../../../shared/api/routes/grading';
import { GRADES } from '../../../shared/domain/creditRules';
import { CURRENT_RULES, type GradingRules } from '../../../shared/domain/grading';
import { SUPERVISED_KINDS } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { gradeInstitutions } from './institutions';
import { practitionerGrades } from './practitioners';
import { forEachTeacherGrade } from './teachers';

export interface Grading {
  rulesVersion: number;
  /** The day the grades hold for. */
  asOf: string;
  /** How long grading took, in milliseconds. */
  ms: number;
  subjects: GradedSubjectView[];
  counts: GradeCounts;
  total: number;
}

export function emptyCounts(): GradeCounts {
  const byGrade = () => Object.fromEntries(GRADES.map((g) => [g, 0])) as GradeCounts['teacher'];
  return Object.fromEntries(SUPERVISED_KINDS.map((k) => [k, byGrade()])) as GradeCounts;
}

export function gradeEverySubject(raw: Raw, today: string, rules: GradingRules = CURRENT_RULES): Grading {
  const started = performance.now();
  const subjects: GradedSubjectView[] = [];
  for (const g of gradeInstitutions(raw, today, undefined, rules).values()) {
    subjects.push({ kind: 'institution', key: String(g.institutionId), name: g.name, org: null, institutionKind: g.kind, score: g.score, grade: g.grade, lists: g.lists });
  }
  for (const g of practitionerGrades(raw, today, undefined, rules).values()) {
    subjects.push({ kind: 'practitioner', key: String(g.practitionerId), name: g.name, org: g.institutionName, institutionKind: null, score: g.score, grade: g.grade, lists: g.lists });
  }
  forEachTeacherGrade(
    raw,
    today,
    (g) => subjects.push({ kind: 'teacher', key: g.key, name: g.name, org: g.schoolName, institutionKind: null, score: g.score, grade: g.grade, lists: g.lists }),
    undefined,
    rules,
  );
  const counts = emptyCounts();
  for (const s of subjects) counts[s.kind][s.grade]++;
  return { rulesVersion: rules.version, asOf: today, ms: Math.round(performance.now() - started), subjects, counts, total: subjects.length };
}
