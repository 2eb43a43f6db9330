// The bureau's supervision overview (dashboard): counts by grade, list and state, monthly trends,
// and the deadlines of the coming week (bureau mode).
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { GRADES } from '../../domain/creditRules';
import { INSTITUTION_KINDS, LIST_KINDS } from '../../domain/supervision';
import { route } from '../route';

const BUREAU_STAFF: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const n = z.number().int();

export const DEADLINE_KINDS = ['notice', 'inspection', 'listEnd', 'licence'] as const;

export const overviewRoutes = {
  'overview.bureau': route({
    input: z.object({}),
    output: z.object({
      today: z.string(),
      /** Institutions by kind and grade, graded now. */
      grades: z.array(z.object({ kind: z.enum(INSTITUTION_KINDS), A: n, B: n, C: n, D: n })),
      /** Entries in force per list, and proposals waiting for a decision. */
      lists: z.array(z.object({ list: z.enum(LIST_KINDS), inForce: n, proposed: n })),
      cases: z.record(z.string(), n),
      inspections: z.object({ planned: n, overdue: n, doneThisYear: n }),
      /** The newest grading run's counts by subject kind and grade, if any. */
      lastRun: z.object({ at: z.string(), counts: z.record(z.string(), z.record(z.enum(GRADES), n)) }).nullable(),
      /** Per month over the last twelve: cases opened, penalties decided, inspections done, list entries approved. */
      trend: z.array(z.object({ month: z.string(), cases: n, penalties: n, inspections: n, listed: n })),
      /** Due within seven days, or already overdue. */
      deadlines: z.array(
        z.object({ kind: z.enum(DEADLINE_KINDS), dueOn: z.string(), overdue: z.boolean(), institutionId: n.nullable(), subject: z.string(), what: z.string() }),
      ),
    }),
    kind: 'query',
    access: BUREAU_STAFF,
    mode: 'bureau',
  }),
} as const;
