// Role-test samples of the cases routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/cases.test.ts checks.
import type { caseRoutes } from '../../../shared/api/routes/cases';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

export const caseSamples: Samples<typeof caseRoutes> = {};

export const caseAuditedElsewhere: readonly RouteName[] = [];
