// Role-test samples of the grading routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/grading.test.ts checks.
import type { gradingRoutes } from '../../../shared/api/routes/grading';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const gradingSamples: Samples<typeof gradingRoutes> = {};

export const gradingAuditedElsewhere: readonly RouteName[] = [];
