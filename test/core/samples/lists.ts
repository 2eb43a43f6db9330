// Role-test samples of the lists routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/lists.test.ts checks.
import type { listRoutes } from '../../../shared/api/routes/lists';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const listSamples: Samples<typeof listRoutes> = {};

export const listAuditedElsewhere: readonly RouteName[] = [];
