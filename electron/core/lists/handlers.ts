// Red, black and white lists, the key supervision list and the key monitoring objects: route handlers (core).
import type { listRoutes } from '../../../shared/api/routes/lists';
import type { Handlers } from '../handler';

export const listHandlers: Handlers<typeof listRoutes> = {};
