// Inspections and spot checks, with the reproducible double-random draw: route handlers (core).
import type { inspectionRoutes } from '../../../shared/api/routes/inspections';
import type { Handlers } from '../handler';

export const inspectionHandlers: Handlers<typeof inspectionRoutes> = {};
