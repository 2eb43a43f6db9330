// What a bureau tells a school about its own supervision (bundle format 2, docs/BUNDLE-FORMAT.md):
// the school's grade, the list entries in force that name the school or one of its teachers, and
// its negative-list cases. Planned inspections are never sent: spot checks are unannounced.
import { z } from 'zod';
import { GRADES } from '../domain/creditRules';
import { LIST_KINDS } from '../domain/supervision';

export const supervisionStatus = z.object({
  /** The bureau's day the status was made on. */
  asOf: z.string(),
  grade: z.object({ grade: z.enum(GRADES), score: z.number().int(), rulesVersion: z.number().int() }).nullable(),
  lists: z.array(
    z.object({
      list: z.enum(LIST_KINDS),
      subjectKind: z.enum(['institution', 'teacher']),
      /** The school's own teacher id, for a teacher's entry. */
      teacherId: z.string().nullable(),
      subjectName: z.string(),
      startOn: z.string(),
      endOn: z.string(),
      reason: z.string(),
    }),
  ),
  cases: z.array(
    z.object({
      number: z.string(),
      state: z.string(),
      matter: z.string(),
      openedOn: z.string(),
      noticeNumber: z.string().nullable(),
      noticeDeadline: z.string().nullable(),
    }),
  ),
});
export type SupervisionStatus = z.infer<typeof supervisionStatus>;
