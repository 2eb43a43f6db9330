// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties: route handlers (core).
import type { institutionRoutes } from '../../../shared/api/routes/institutions';
import type { Handlers } from '../handler';

export const institutionHandlers: Handlers<typeof institutionRoutes> = {};
