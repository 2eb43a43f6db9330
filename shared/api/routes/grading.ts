// Credit grading of every subject under a versioned rule set (bureau mode): the rule sets, every
// subject's grade (paged), one subject's explanation, a run over every subject that is kept for the
// trend, and the runs over time. Students are never graded at the bureau.
import { z } from 'zod';
import { GRADES, RECORD_STATUSES } from '../../domain/creditRules';
import type { Role } from '../../domain/roles';
import { INSTITUTION_KINDS, LIST_KINDS, SUPERVISED_KINDS } from '../../domain/supervision';
import { route } from '../route';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const ADMIN: readonly Role[] = ['bureau_admin'];

const grade = z.enum(GRADES);
const listKind = z.enum(LIST_KINDS);
export const supervisedKind = z.enum(SUPERVISED_KINDS);
const byGrade = z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int(), D: z.number().int() });

export const gradingRulesView = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  base: z.number().int(),
  thresholds: z.array(z.object({ grade, min: z.number().int() })),
  severePoints: z.number().int(),
  listCaps: z.partialRecord(listKind, grade),
  inspectionMonths: byGrade,
  drawWeight: byGrade,
});

/** Subjects of each kind in each grade. */
export const gradeCounts = z.object({ institution: byGrade, practitioner: byGrade, teacher: byGrade });
export type GradeCounts = z.infer<typeof gradeCounts>;

export const gradedSubjectView = z.object({
  kind: supervisedKind,
  /** The institution's or practitioner's id, or `<school USCC>/<the school's teacher id>`. */
  key: z.string(),
  name: z.string(),
  /** The school a teacher works at, the institution a practitioner works for; null for an institution. */
  org: z.string().nullable(),
  institutionKind: z.enum(INSTITUTION_KINDS).nullable(),
  score: z.number().int(),
  grade,
  lists: z.array(listKind),
});
export type GradedSubjectView = z.infer<typeof gradedSubjectView>;

const gradeStep = z.discriminatedUnion('key', [
  z.object({ key: z.literal('base'), points: z.number().int() }),
  z.object({
    key: z.literal('record'),
    recordId: z.union([z.number().int(), z.string()]),
    code: z.string(),
    status: z.enum(RECORD_STATUSES),
    points: z.number().int(),
    counted: z.boolean(),
  }),
  z.object({ key: z.literal('threshold'), grade, min: z.number().int(), score: z.number().int() }),
  z.object({ key: z.literal('belowAll'), min: z.number().int(), score: z.number().int() }),
  z.object({ key: z.literal('severe'), recordIds: z.array(z.union([z.number().int(), z.string()])) }),
  z.object({ key: z.literal('listCap'), list: listKind, cap: grade }),
]);

/** A grade's explanation, step by step. */
export const gradingStepsView = z.array(gradeStep);

export const gradingRunView = z.object({
  id: z.number().int(),
  rulesVersion: z.number().int(),
  asOf: z.string(),
  counts: gradeCounts,
  total: z.number().int(),
  ms: z.number().int(),
  by: z.string(),
  at: z.string(),
});
export type GradingRunView = z.infer<typeof gradingRunView>;

export const gradingRoutes = {
  'grading.rules': route({
    input: z.object({}),
    output: z.object({ current: z.number().int(), rules: z.array(gradingRulesView) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'grading.subjects': route({
    input: z.object({
      kind: supervisedKind.optional(),
      grade: grade.optional(),
      q: z.string().trim().max(100).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** By score: ascending puts the worst first. */
      dir: z.enum(['asc', 'desc']).default('asc'),
    }),
    output: z.object({
      rulesVersion: z.number().int(),
      asOf: z.string(),
      /** Every subject, whatever the filter. */
      counts: gradeCounts,
      total: z.number().int(),
      rows: z.array(gradedSubjectView),
    }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'grading.subject': route({
    input: z.object({ kind: supervisedKind, key: z.string().min(1).max(200) }),
    output: z.object({
      subject: gradedSubjectView,
      rulesVersion: z.number().int(),
      asOf: z.string(),
      steps: gradingStepsView,
      /** Names of the catalogue items the steps name, by code. */
      items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
    }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'grading.run': route({ input: z.object({}), output: gradingRunView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'grading.trend': route({
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }),
    output: z.array(gradingRunView),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
} as const;
