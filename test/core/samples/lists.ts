// Role-test samples of the lists routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/lists.test.ts checks.
import type { listRoutes } from '../../../shared/api/routes/lists';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

/** The demo bureau's first training institution. */
const TRAINING = 42;

export const listSamples: Samples<typeof listRoutes> = {
  'lists.list': () => ({ list: 'white' }),
  'lists.subjects': () => ({ kind: 'institution', q: '舞钢' }),
  'lists.propose': () => ({ subjectKind: 'institution', subjectKey: String(TRAINING), list: 'white', reason: '连续三年无投诉', startOn: '2026-11-24' }),
  'lists.rules': () => ({}),
  'lists.proposeByRules': () => ({}),
  'lists.decide': () => ({ id: 1, decision: 'approve', reason: '材料属实' }),
  'lists.publish': () => ({ id: 1 }),
  'lists.unpublish': () => ({ id: 1 }),
  'lists.end': () => ({ id: 1, reason: '情况变化' }),
  'lists.published': () => ({}),
};

export const listAuditedElsewhere: readonly RouteName[] = ['lists.propose', 'lists.proposeByRules', 'lists.decide', 'lists.publish', 'lists.unpublish', 'lists.end'];
