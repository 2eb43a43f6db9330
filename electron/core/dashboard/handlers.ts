// Dashboard route handlers (core): the school's to-do list.
import type { dashboardRoutes } from '../../../shared/api/routes/dashboard';
import { me, type Handlers } from '../handler';
import { schoolTodo } from './todo';

export const dashboardHandlers: Handlers<typeof dashboardRoutes> = {
  'dashboard.todo': (ctx) => {
    const s = me(ctx);
    const teacherId = s.role === 'teacher' ? ((ctx.inst.open().raw.prepare('SELECT teacher_id FROM users WHERE id = ?').pluck().get(s.userId) as number | null) ?? null) : null;
    return schoolTodo(ctx.inst, s.role, teacherId);
  },
};
