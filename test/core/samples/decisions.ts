// Role-test samples of the decisions routes (test/core/roles.test.ts), and the mutations whose audit entries test/core/decisions.test.ts checks.
import type { decisionRoutes } from '../../../shared/api/routes/decisions';
import type { RouteName } from '../../../shared/api/contract';
import type { Samples } from './fixture';

/**
 * Round 1 is a funding round whichever way it came: the demo's first round (2026年民办教育专项资金), or
 * the one decisions.createRound makes here when the demo has none. Institution 77 is the demo's last
 * training institution, which the demo never enters in a round.
 */
export const decisionSamples: Samples<typeof decisionRoutes> = {
  'decisions.rounds': () => ({}),
  'decisions.createRound': () => ({ kind: 'funding', title: '2026年民办教育专项资金（第二批）', openedOn: '2026-11-20' }),
  'decisions.round': () => ({ roundId: 1 }),
  'decisions.candidates': () => ({ roundId: 1 }),
  'decisions.addApplicant': () => ({ roundId: 1, institutionId: 77, request: { kind: 'funding', amountYuan: 50_000 } }),
  'decisions.decide': () => ({ applicantId: 1, outcome: 'declined', reason: '申报材料不全' }),
  'decisions.closeRound': () => ({ roundId: 1 }),
  'decisions.review': () => ({ institutionId: 30, action: 'funding' }),
};

export const decisionAuditedElsewhere: readonly RouteName[] = ['decisions.createRound', 'decisions.addApplicant', 'decisions.decide', 'decisions.closeRound'];
