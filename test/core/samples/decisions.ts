// Role-test samples of the decisions routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/decisions.test.ts checks.
import type { decisionRoutes } from '../../../shared/api/routes/decisions';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const decisionSamples: Samples<typeof decisionRoutes> = {};

export const decisionAuditedElsewhere: readonly RouteName[] = [];
