// The school's to-do list for its 工作台 (school mode): each part for the roles who act on it.
import { z } from 'zod';
import { route } from '../route';

export const schoolTodo = z.object({
  /** Records under an objection nobody has decided yet. */
  pendingObjections: z.number().int().nullable(),
  /** Each teacher's newest report: still unsigned, or overtaken by a change to the file. */
  reports: z.object({ unconfirmed: z.number().int(), superseded: z.number().int() }).nullable(),
  /** The newest backup, and whether the backups sit on the disk the data is on. */
  backup: z.object({ lastAt: z.string().nullable(), sameDisk: z.boolean() }).nullable(),
  /** The bureau(s) enrolled and when the last bundle was made for them. */
  bundles: z.object({ partners: z.number().int(), lastAt: z.string().nullable() }).nullable(),
  /** What a school just set up has and lacks: teachers, their accounts, the bureau's card. */
  firstSteps: z.object({ teachers: z.number().int(), teachersWithoutAccount: z.number().int(), partners: z.number().int() }).nullable(),
  /** A teacher's own: the newest report if it waits for their signature, and their objections not yet decided. */
  mine: z.object({ reportToConfirm: z.object({ id: z.number().int(), year: z.number().int() }).nullable(), openObjections: z.number().int() }).nullable(),
});
export type SchoolTodo = z.infer<typeof schoolTodo>;

export const dashboardRoutes = {
  'dashboard.todo': route({ input: z.object({}), output: schoolTodo, kind: 'query', access: ['school_admin', 'records_clerk', 'auditor', 'teacher'], mode: 'school' }),
};
