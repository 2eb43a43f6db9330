// Reading graded subjects (core): a filtered, sorted page of the kept grading, and one subject's
// grade worked out again with every step of its explanation.
import { AppError } from '../../../shared/api/errors';
import type { GradedSubjectView } from '../../../shared/api/routes/grading';
import type { Grade } from '../../../shared/domain/creditRules';
import type { SubjectGrade } from '../../../shared/domain/grading';
import type { SupervisedKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import type { Grading } from './everyone';
import { gradeInstitutions } from './institutions';
import { practitionerGrades } from './practitioners';
import { forEachTeacherGrade } from './teachers';

export interface SubjectFilter {
  kind?: SupervisedKind | undefined;
  grade?: Grade | undefined;
  q?: string | undefined;
  offset: number;
  limit: number;
  dir: 'asc' | 'desc';
}

export function pageOf(g: Grading, f: SubjectFilter): { total: number; rows: GradedSubjectView[] } {
  const q = f.q?.toLowerCase();
  const hits = g.subjects.filter((s) => (!f.kind || s.kind === f.kind) && (!f.grade || s.grade === f.grade) && (!q || s.name.toLowerCase().includes(q)));
  const sign = f.dir === 'asc' ? 1 : -1;
  hits.sort((a, b) => sign * (a.score - b.score) || a.name.localeCompare(b.name, 'zh-CN') || (a.key < b.key ? -1 : 1));
  return { total: hits.length, rows: hits.slice(f.offset, f.offset + f.limit) };
}

function notFound(kind: SupervisedKind, key: string): AppError {
  return new AppError('NOT_FOUND', undefined, `${kind} ${key}`);
}

function idOf(kind: SupervisedKind, key: string): number {
  if (!/^[1-9]\d{0,15}$/.test(key)) throw notFound(kind, key);
  return Number(key);
}

/** One subject's grade with its explanation, as of `today`. */
export function explain(raw: Raw, kind: SupervisedKind, key: string, today: string): { subject: GradedSubjectView; grade: SubjectGrade } {
  if (kind === 'institution') {
    const id = idOf(kind, key);
    const g = gradeInstitutions(raw, today, [id]).get(id);
    if (!g) throw notFound(kind, key);
    return { subject: { kind, key, name: g.name, org: null, institutionKind: g.kind, score: g.score, grade: g.grade, lists: g.lists }, grade: g };
  }
  if (kind === 'practitioner') {
    const id = idOf(kind, key);
    const g = practitionerGrades(raw, today, [id]).get(id);
    if (!g) throw notFound(kind, key);
    return { subject: { kind, key, name: g.name, org: g.institutionName, institutionKind: null, score: g.score, grade: g.grade, lists: g.lists }, grade: g };
  }
  const slash = key.indexOf('/');
  if (slash < 1) throw notFound(kind, key);
  let found: { subject: GradedSubjectView; grade: SubjectGrade } | null = null;
  forEachTeacherGrade(
    raw,
    today,
    (g) => (found = { subject: { kind, key, name: g.name, org: g.schoolName, institutionKind: null, score: g.score, grade: g.grade, lists: g.lists }, grade: g }),
    { school: key.slice(0, slash), teacherId: key.slice(slash + 1) },
  );
  if (!found) throw notFound(kind, key);
  return found;
}

/** The names of the items a grade's steps name; a code's latest version gives its name. */
export function itemNames(raw: Raw, grade: SubjectGrade): { code: string; nameZh: string; nameEn: string }[] {
  const codes = [...new Set(grade.steps.flatMap((s) => (s.key === 'record' ? [s.code] : [])))];
  if (codes.length === 0) return [];
  const rows = raw
    .prepare(`SELECT code, name_zh AS nameZh, name_en AS nameEn FROM catalogue_items WHERE code IN (${codes.map(() => '?').join(',')}) ORDER BY version`)
    .all(...codes) as { code: string; nameZh: string; nameEn: string }[];
  return [...new Map(rows.map((r) => [r.code, r])).values()];
}
