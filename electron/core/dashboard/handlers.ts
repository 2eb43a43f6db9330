// Dashboard route handlers (core): the school's to-do list.
import type { dashboardRoutes } from '../../../shared/api/routes/dashboard';
import { me, type Handlers } from '../handler';
import { schoolTodo } from './todo';

export const dashboardHandlers: Handlers<typeof dashboardRoutes> = {
  'dashboard.todo': (ctx) => schoolTodo(ctx.inst, me(ctx).role),
};
