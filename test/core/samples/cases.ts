// Role-test samples of the cases routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/cases.test.ts checks.
import type { caseRoutes } from '../../../shared/api/routes/cases';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

/** The demo bureau's first private school (ids: public schools, then private schools, then training). */
const PRIVATE_SCHOOL = 30;

export const caseSamples: Samples<typeof caseRoutes> = {
  'cases.list': () => ({}),
  'cases.get': () => ({ id: 1 }),
  'cases.schools': () => ({}),
  'cases.open': () => ({ institutionId: PRIVATE_SCHOOL, matter: '超范围办学', facts: '检查发现该校超出许可范围招收学生。', openedOn: '2026-11-20' }),
  'cases.issueNotice': () => ({ caseId: 1, requirements: '停止超范围招生，清退超范围招收的学生。', issuedOn: '2026-11-24', deadline: '2026-12-24' }),
  'cases.notice': () => ({ caseId: 1 }),
  // An event the inspector may fire too, so both staff roles reach the state machine.
  'cases.transition': () => ({ caseId: 1, event: 'confirmRectified', reason: '复查确认已整改', occurredOn: '2026-11-24' }),
};

export const caseAuditedElsewhere: readonly RouteName[] = ['cases.open', 'cases.transition'];
