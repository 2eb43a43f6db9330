// Teachers' credit files as their schools sent them (bureau mode): a city-wide search and one
// teacher's file — records with their states, objections and repairs, the grade with its reasons
// and the report register. Read only; opening a file is audited, since it is a person's file.
import { z } from 'zod';
import { GRADES, RECORD_KINDS, RECORD_STATUSES } from '../../domain/creditRules';
import type { Role } from '../../domain/roles';
import { LIST_KINDS } from '../../domain/supervision';
import { GENDERS, PERSON_STATUSES } from './registry';
import { gradingStepsView } from './grading';
import { REPORT_STATUSES } from './reports';
import { route } from '../route';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];

/** `<school USCC>/<the school's own teacher id>`, as lists and grades name a teacher. */
const teacherKey = z.string().regex(/^[0-9A-Z]{18}\/[1-9]\d{0,15}$/, { message: 'teacherKey' });

export const schoolTeacherRow = z.object({
  key: z.string(),
  school: z.string(),
  schoolName: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS).nullable(),
  staffNo: z.string(),
  subject: z.string(),
  status: z.enum(PERSON_STATUSES),
  grade: z.enum(GRADES),
  score: z.number().int(),
  lists: z.array(z.enum(LIST_KINDS)),
});
export type SchoolTeacherRow = z.infer<typeof schoolTeacherRow>;

const received = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.object({ zh: z.string(), en: z.string() }).nullable(),
  points: z.number().int().nullable(),
  occurredOn: z.string(),
  expiresOn: z.string(),
  /** Null for a revoked record: what it alleged is not repeated. */
  description: z.string().nullable(),
  kind: z.enum(RECORD_KINDS),
  status: z.enum(RECORD_STATUSES),
  supersedesId: z.string().nullable(),
  createdAt: z.string(),
  objections: z.array(
    z.object({ reason: z.string(), raisedAt: z.string(), decision: z.enum(['upheld', 'rejected']).nullable(), decisionReason: z.string().nullable(), decidedAt: z.string().nullable() }),
  ),
  repair: z.object({ kind: z.enum(['repair', 'release']), reason: z.string(), effectiveOn: z.string() }).nullable(),
});
export type ReceivedRecordView = z.infer<typeof received>;

export const schoolTeacherFile = z.object({
  teacher: schoolTeacherRow.extend({ title: z.string(), hireDate: z.string().nullable() }),
  rulesVersion: z.number().int(),
  asOf: z.string(),
  steps: gradingStepsView,
  records: z.array(received),
  reports: z.array(
    z.object({
      number: z.string(),
      year: z.number().int(),
      status: z.enum(REPORT_STATUSES),
      grade: z.enum(GRADES),
      score: z.number().int(),
      createdAt: z.string(),
      confirmation: z.object({ kind: z.enum(['signature', 'paper']), confirmedAt: z.string() }).nullable(),
    }),
  ),
  /** When the school's latest bundle carrying this file arrived. */
  receivedAt: z.string().nullable(),
});
export type SchoolTeacherFile = z.infer<typeof schoolTeacherFile>;

export const schoolTeacherRoutes = {
  'schoolTeachers.list': route({
    input: z.object({
      q: z.string().trim().max(50).optional(),
      school: z.string().regex(/^[0-9A-Z]{18}$/).optional(),
      grade: z.enum(GRADES).optional(),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    output: z.object({ total: z.number().int(), rows: z.array(schoolTeacherRow) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'schoolTeachers.file': route({ input: z.object({ key: teacherKey }), output: schoolTeacherFile, kind: 'mutation', access: READERS, mode: 'bureau' }),
};
