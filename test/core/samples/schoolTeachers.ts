// Role-test samples of the routes that read teachers' files at the bureau (test/core/roles.test.ts),
// and the mutation whose audit entry test/core/schoolTeachers.test.ts checks.
import type { RouteName } from '../../../shared/api/contract';
import type { schoolTeacherRoutes } from '../../../shared/api/routes/schoolTeachers';
import type { Samples } from './fixture';

export const schoolTeacherSamples: Samples<typeof schoolTeacherRoutes> = {
  'schoolTeachers.list': () => ({ q: '王', limit: 20 }),
  'schoolTeachers.file': () => ({ key: '91350100M000100Y43/1' }),
};

/** schoolTeachers.file: the read's audit entry, checked in test/core/schoolTeachers.test.ts. */
export const schoolTeacherAuditedElsewhere: readonly RouteName[] = ['schoolTeachers.file'];
