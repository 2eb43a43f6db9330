// 检查抽查 routes (bureau mode): inspection plans, the reproducible double-random draw (preview,
// record, verify), inspections planned by hand or by a draw, their results as credit records, and
// the routine schedule that follows each institution's grade.
import { z } from 'zod';
import { GRADES } from '../../domain/creditRules';
import { MAX_SEED } from '../../domain/draw';
import type { Role } from '../../domain/roles';
import { INSTITUTION_KINDS } from '../../domain/supervision';
import { isoDate, line, prose, route } from '../route';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const ADMIN: readonly Role[] = ['bureau_admin'];
const RECORDERS: readonly Role[] = ['bureau_admin', 'bureau_inspector'];

/** How long a reason for cancelling an inspection may be. */
export const CANCEL_REASON_MAX = 500;

export const PLAN_KINDS = ['routine', 'spot', 'double_random'] as const;
export const INSPECTION_STATES = ['planned', 'done', 'cancelled'] as const;
export const INSPECTION_RESULTS = ['pass', 'problems', 'serious'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** The catalogue item each result puts in the institution's file. */
export const RESULT_ITEM: Record<InspectionResult, string> = { pass: 'I-INS1', problems: 'I-INS2', serious: 'I-INS3' };

const grade = z.enum(GRADES);
const kind = z.enum(INSTITUTION_KINDS);
const person = z.object({ id: z.number().int(), displayName: z.string(), username: z.string() });

/** Which institutions a draw is made from: active ones of these kinds and grids (empty: all). */
export const drawFilter = z.object({
  kinds: z.array(kind).max(INSTITUTION_KINDS.length).default([]),
  grids: z.array(line(1, 100)).max(200).default([]),
});

const drawChoices = {
  filter: drawFilter.default({ kinds: [], grids: [] }),
  count: z.number().int().min(1).max(1000),
  inspectorsPerTarget: z.number().int().min(1).max(10).default(2),
};

const drawParams = {
  ...drawChoices,
  /** Left out, the core picks one with a cryptographic generator and returns it. */
  seed: z.number().int().min(0).max(MAX_SEED).optional(),
};

const drawnTarget = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  kind,
  grid: z.string(),
  grade,
  weight: z.number().int(),
  inspectors: z.array(person),
});

/** A draw as made: its seed and rules, the size of what it drew from, and what it drew. */
export const drawView = z.object({
  seed: z.number().int(),
  rulesVersion: z.number().int(),
  filter: drawFilter,
  count: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  poolSize: z.number().int(),
  poolByGrade: z.record(grade, z.number().int()),
  inspectorPool: z.number().int(),
  targets: z.array(drawnTarget),
});
export type DrawView = z.infer<typeof drawView>;

export const drawSummary = z.object({
  id: z.number().int(),
  planId: z.number().int(),
  seed: z.number().int(),
  rulesVersion: z.number().int(),
  filter: drawFilter,
  count: z.number().int(),
  inspectorsPerTarget: z.number().int(),
  poolSize: z.number().int(),
  inspectorPool: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DrawSummary = z.infer<typeof drawSummary>;

export const planView = z.object({
  id: z.number().int(),
  title: z.string(),
  kind: z.enum(PLAN_KINDS),
  periodFrom: z.string(),
  periodTo: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  counts: z.object({ planned: z.number().int(), done: z.number().int(), cancelled: z.number().int(), overdue: z.number().int() }),
  draws: z.array(drawSummary),
});
export type PlanView = z.infer<typeof planView>;

export const inspectionView = z.object({
  id: z.number().int(),
  planId: z.number().int().nullable(),
  planTitle: z.string().nullable(),
  drawId: z.number().int().nullable(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  uscc: z.string(),
  kind,
  grade,
  inspectors: z.array(person),
  dueOn: z.string(),
  state: z.enum(INSPECTION_STATES),
  /** Planned and due before today. */
  overdue: z.boolean(),
  doneOn: z.string().nullable(),
  result: z.enum(INSPECTION_RESULTS).nullable(),
  findings: z.string().nullable(),
  cancelReason: z.string().nullable(),
  recordId: z.number().int().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type InspectionView = z.infer<typeof inspectionView>;

export const scheduleRow = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  uscc: z.string(),
  kind,
  grade,
  months: z.number().int(),
  /** The last done inspection, or (never inspected) the day the institution was registered. */
  since: z.string(),
  sinceKind: z.enum(['inspection', 'registered']),
  nextDueOn: z.string(),
  status: z.enum(['overdue', 'due']),
  /** An inspection already planned for it, if any. */
  planned: z.object({ id: z.number().int(), dueOn: z.string() }).nullable(),
});
export type ScheduleRow = z.infer<typeof scheduleRow>;

export const inspectionRoutes = {
  'inspections.plans': route({
    input: z.object({}),
    output: z.object({ plans: z.array(planView), grids: z.array(z.string()), inspectors: z.array(person) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'inspections.createPlan': route({
    input: z.object({ title: line(1, 100), kind: z.enum(PLAN_KINDS), periodFrom: isoDate, periodTo: isoDate }),
    output: planView,
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  /** The draw these parameters make today, written nowhere: a preview, or anyone re-running a seed. */
  'inspections.previewDraw': route({ input: z.object(drawParams), output: drawView, kind: 'query', access: READERS, mode: 'bureau' }),
  'inspections.draw': route({
    // No seed: a recorded draw always takes a fresh one from the core's cryptographic generator, so
    // no one can try seeds in previews and record the draw they like (strict refuses a seed sent).
    input: z.strictObject({ planId: z.number().int(), ...drawChoices }),
    output: drawView.extend({ drawId: z.number().int(), planId: z.number().int(), inspectionIds: z.array(z.number().int()) }),
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  /** A recorded draw, and whether its seed over its recorded pool draws the same again. */
  'inspections.verifyDraw': route({
    input: z.object({ drawId: z.number().int() }),
    output: z.object({ draw: drawSummary, result: drawView, reproduced: z.boolean() }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'inspections.list': route({
    input: z.object({
      state: z.enum(INSPECTION_STATES).optional(),
      planId: z.number().int().optional(),
      institutionId: z.number().int().optional(),
      overdue: z.boolean().optional(),
      /** Only those the caller is one of the inspectors of. */
      mine: z.boolean().optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(inspectionView) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'inspections.create': route({
    input: z.object({
      institutionId: z.number().int(),
      planId: z.number().int().optional(),
      inspectorIds: z.array(z.number().int()).min(1).max(10),
      dueOn: isoDate,
    }),
    output: inspectionView,
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  'inspections.record': route({
    input: z.object({ id: z.number().int(), result: z.enum(INSPECTION_RESULTS), findings: prose(1, 2000), doneOn: isoDate }),
    output: z.object({ inspection: inspectionView, gradeBefore: grade, gradeAfter: grade }),
    kind: 'mutation',
    access: RECORDERS,
    mode: 'bureau',
  }),
  'inspections.cancel': route({
    input: z.object({ id: z.number().int(), reason: prose(1, CANCEL_REASON_MAX) }),
    output: inspectionView,
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  /** Routine inspections due within `horizonDays` or overdue, by each institution's grade. */
  'inspections.schedule': route({
    input: z.object({ horizonDays: z.number().int().min(0).max(366).default(30), kinds: z.array(kind).max(INSTITUTION_KINDS.length).default([]) }),
    output: z.object({
      asOf: z.string(),
      rulesVersion: z.number().int(),
      months: z.record(grade, z.number().int()),
      rows: z.array(scheduleRow),
    }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
};
