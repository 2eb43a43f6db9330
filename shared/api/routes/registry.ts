// Registry routes: teachers, classes, students (school mode). Student data is minors' data: only
// the school administrator and the records clerk reach it.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { fileOut, isoDate, line, listExport, paging, route } from '../route';

export const STUDENT_READERS: readonly Role[] = ['school_admin', 'records_clerk'];
export const TEACHER_EDITORS: readonly Role[] = ['school_admin', 'records_clerk'];
const TEACHER_READERS: readonly Role[] = ['school_admin', 'records_clerk', 'auditor'];

export const GENDERS = ['male', 'female'] as const;
export const PERSON_STATUSES = ['active', 'inactive'] as const;
const gender = z.enum(GENDERS);
const personStatus = z.enum(PERSON_STATUSES);
const text = (max: number) => z.string().trim().min(1).max(max);

// Views read back what is stored and do not apply the character rule, so a name stored before the
// rule existed still lists; only what comes in (the fields below) is held to it.
const teacherStored = z.object({
  name: text(30),
  gender,
  idNumber: z.string().trim().min(1).max(18),
  staffNo: text(30),
  subject: text(30),
  title: z.string().trim().max(30),
  hireDate: isoDate,
});
export const teacherFields = teacherStored.extend({
  name: line(1, 30),
  idNumber: line(1, 18),
  staffNo: line(1, 30),
  subject: line(1, 30),
  title: line(0, 30),
});
export const teacherView = teacherStored.extend({
  id: z.number().int(),
  status: personStatus,
  recordCount: z.number().int(),
  /** The user name of the teacher's account, or null while they have none. */
  account: z.string().nullable(),
});
export type TeacherView = z.infer<typeof teacherView>;

const studentStored = z.object({
  name: text(30),
  gender,
  studentNo: text(30),
  classId: z.number().int(),
  guardianContact: z.string().trim().max(50).nullable().default(null),
});
export const studentFields = studentStored.extend({
  name: line(1, 30),
  studentNo: line(1, 30),
  guardianContact: line(0, 50).nullable().default(null),
});
export const studentView = studentStored.extend({
  id: z.number().int(),
  status: personStatus,
  grade: z.string(),
  className: z.string(),
  recordCount: z.number().int(),
});
export type StudentView = z.infer<typeof studentView>;

export const classView = z.object({ id: z.number().int(), grade: z.string(), name: z.string(), studentCount: z.number().int() });

export const TEACHER_SORTS = ['staffNo', 'name', 'subject', 'title', 'hireDate', 'recordCount'] as const;
export const STUDENT_SORTS = ['studentNo', 'name', 'class', 'recordCount'] as const;

const teacherFilter = {
  q: z.string().trim().max(50).optional(),
  status: personStatus.optional(),
  subject: z.string().trim().max(30).optional(),
  /** none: teachers who have no account yet; has: those who have one. */
  account: z.enum(['none', 'has']).optional(),
  sort: z.enum(TEACHER_SORTS).default('staffNo'),
};

export const registryRoutes = {
  'teachers.list': route({
    input: z.object({ ...teacherFilter, ...paging }),
    output: z.object({ total: z.number().int(), rows: z.array(teacherView) }),
    kind: 'query',
    access: TEACHER_READERS,
  }),
  /** The list as filtered, as a workbook or a PDF to print; ID numbers masked, audited. */
  'teachers.export': route({
    input: z.object({ ...teacherFilter, dir: paging.dir, ...listExport }),
    output: fileOut,
    kind: 'action',
    access: TEACHER_READERS,
    async: true,
  }),
  'teachers.get': route({ input: z.object({ id: z.number().int() }), output: teacherView, kind: 'query', access: TEACHER_READERS }),
  'teachers.create': route({ input: teacherFields, output: teacherView, kind: 'mutation', access: TEACHER_EDITORS }),
  'teachers.update': route({ input: teacherFields.extend({ id: z.number().int() }), output: teacherView, kind: 'mutation', access: TEACHER_EDITORS }),
  'teachers.setStatus': route({ input: z.object({ id: z.number().int(), status: personStatus }), output: teacherView, kind: 'mutation', access: TEACHER_EDITORS }),
  'classes.list': route({ input: z.object({}), output: z.array(classView), kind: 'query', access: STUDENT_READERS }),
  'classes.create': route({ input: z.object({ grade: line(1, 20), name: line(1, 20) }), output: classView, kind: 'mutation', access: STUDENT_READERS }),
  'students.list': route({
    input: z.object({
      q: z.string().trim().max(50).optional(),
      classId: z.number().int().optional(),
      grade: z.string().trim().max(20).optional(),
      status: personStatus.optional(),
      sort: z.enum(STUDENT_SORTS).default('studentNo'),
      ...paging,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(studentView) }),
    kind: 'query',
    access: STUDENT_READERS,
  }),
  'students.create': route({ input: studentFields, output: studentView, kind: 'mutation', access: STUDENT_READERS }),
  'students.update': route({ input: studentFields.extend({ id: z.number().int() }), output: studentView, kind: 'mutation', access: STUDENT_READERS }),
  'students.setStatus': route({ input: z.object({ id: z.number().int(), status: personStatus }), output: studentView, kind: 'mutation', access: STUDENT_READERS }),
  /** Students and their records as a spreadsheet: administrators only, and always audited. */
  'students.export': route({ input: z.object({ classId: z.number().int().optional() }), output: fileOut, kind: 'action', access: ['school_admin'], async: true }),
} as const;
