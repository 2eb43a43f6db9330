// Credit grading of every subject under a versioned rule set: route handlers (core).
import type { gradingRoutes } from '../../../shared/api/routes/grading';
import type { Handlers } from '../handler';

export const gradingHandlers: Handlers<typeof gradingRoutes> = {};
