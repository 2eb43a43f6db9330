// Role-test samples of the institutions routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/institutions.test.ts checks.
import type { institutionRoutes } from '../../../shared/api/routes/institutions';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const institutionSamples: Samples<typeof institutionRoutes> = {};

export const institutionAuditedElsewhere: readonly RouteName[] = [];
