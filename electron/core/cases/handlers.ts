// The private-school negative-list workflow and its rectification notices: route handlers (core).
import type { caseRoutes } from '../../../shared/api/routes/cases';
import type { Handlers } from '../handler';

export const caseHandlers: Handlers<typeof caseRoutes> = {};
