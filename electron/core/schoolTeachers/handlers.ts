// Teachers' files at the bureau: route handlers (core). Opening a file is audited, like a
// student's file at the school: it is one person's file.
import type { schoolTeacherRoutes } from '../../../shared/api/routes/schoolTeachers';
import { today } from '../clock';
import type { Handlers } from '../handler';
import { teacherFile, teacherPage } from './file';

export const schoolTeacherHandlers: Handlers<typeof schoolTeacherRoutes> = {
  'schoolTeachers.list': ({ inst }, filter) => teacherPage(inst, filter),

  'schoolTeachers.file': (ctx, { key }) => {
    const file = teacherFile(ctx.inst.open().raw, key, today(ctx.inst));
    ctx.audit({ subject: `schoolTeacher:${key}`, diff: { read: 'creditFile', records: file.records.length } });
    return file;
  },
};
