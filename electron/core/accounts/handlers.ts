// Account route handlers for the school's teachers (core).
import type { accountRoutes } from '../../../shared/api/routes/accounts';
import { me, type Handlers } from '../handler';
import { createTeacherAccounts } from './teacherAccounts';

export const accountHandlers: Handlers<typeof accountRoutes> = {
  'users.createForTeachers': async (ctx, { teacherIds }) => {
    const r = await createTeacherAccounts(ctx.inst, me(ctx), teacherIds);
    return {
      created: r.created,
      skipped: r.skipped,
      slips: r.slips ? { fileName: `教师账户通知-${r.created.length}人.pdf`, mime: 'application/pdf', dataBase64: r.slips.toString('base64') } : null,
    };
  },
};
