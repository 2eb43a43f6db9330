// Accounts for the school's teachers, many at once (school mode): user names, initial passwords
// printed on slips to cut and hand out, each to be changed at the first login.
import { z } from 'zod';
import { fileOut, route } from '../route';

const created = z.object({ teacherId: z.number().int(), name: z.string(), staffNo: z.string(), username: z.string(), userId: z.number().int() });
const skipped = z.object({ teacherId: z.number().int(), name: z.string(), reason: z.enum(['hasAccount', 'inactive']), username: z.string().nullable() });

export const accountRoutes = {
  /** Without teacherIds: every active teacher who has no account yet. */
  'users.createForTeachers': route({
    input: z.object({ teacherIds: z.array(z.number().int()).min(1).max(5000).optional() }),
    output: z.object({ created: z.array(created), skipped: z.array(skipped), slips: fileOut.nullable() }),
    kind: 'action',
    access: ['school_admin'],
    mode: 'school',
    async: true,
  }),
};
