// Decisions where credit counts: funding, honours, evaluations: route handlers (core).
import type { decisionRoutes } from '../../../shared/api/routes/decisions';
import type { Handlers } from '../handler';

export const decisionHandlers: Handlers<typeof decisionRoutes> = {};
