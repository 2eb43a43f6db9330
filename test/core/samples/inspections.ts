// Role-test samples of the inspections routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/inspections.test.ts checks.
import type { inspectionRoutes } from '../../../shared/api/routes/inspections';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

/** The demo bureau's first inspector account: setup makes the admin (1), the demo the inspector (2). */
const DEMO_INSPECTOR_ID = 2;
/** No inspection has this id: recording and cancelling are tried for real in test/core/inspections.test.ts. */
const NO_SUCH_INSPECTION = 999_999;

export const inspectionSamples: Samples<typeof inspectionRoutes> = {
  'inspections.plans': () => ({}),
  'inspections.createPlan': (f) => ({ title: `专项抽查 ${++f.counter}`, kind: 'spot', periodFrom: '2026-11-01', periodTo: '2026-12-31' }),
  'inspections.previewDraw': () => ({ count: 3, inspectorsPerTarget: 1, seed: 7 }),
  'inspections.draw': () => ({ planId: 1, count: 2, inspectorsPerTarget: 1 }),
  'inspections.verifyDraw': () => ({ drawId: 1 }),
  'inspections.list': () => ({ overdue: true, limit: 5 }),
  'inspections.create': () => ({ institutionId: 1, inspectorIds: [DEMO_INSPECTOR_ID], dueOn: '2026-12-31' }),
  'inspections.record': () => ({ id: NO_SUCH_INSPECTION, result: 'pass', findings: '未发现问题', doneOn: '2026-11-20' }),
  'inspections.cancel': () => ({ id: NO_SUCH_INSPECTION, reason: '机构已停办' }),
  'inspections.schedule': () => ({ horizonDays: 30 }),
};

export const inspectionAuditedElsewhere: readonly RouteName[] = ['inspections.createPlan', 'inspections.draw', 'inspections.create', 'inspections.record', 'inspections.cancel'];
