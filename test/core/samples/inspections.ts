// Role-test samples of the inspections routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/inspections.test.ts checks.
import type { inspectionRoutes } from '../../../shared/api/routes/inspections';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const inspectionSamples: Samples<typeof inspectionRoutes> = {};

export const inspectionAuditedElsewhere: readonly RouteName[] = [];
