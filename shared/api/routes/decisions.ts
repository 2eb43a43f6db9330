// Decisions where credit counts (信用审查, bureau mode): funding rounds (专项资金、补助), honours
// (评优评先) and evaluations (评估评价). A round's applicants are ranked by credit; a restricted
// applicant cannot be granted, a flagged one only with the flags acknowledged; the review at the
// moment of decision is kept with the decision. Rules in shared/domain/restrictions.ts.
import { z } from 'zod';
import { GRADES } from '../../domain/creditRules';
import { DECISION_KINDS, EFFECTS, VERDICTS, type Effect } from '../../domain/restrictions';
import type { Role } from '../../domain/roles';
import { INSTITUTION_KINDS, LIST_KINDS } from '../../domain/supervision';
import { isoDate, line, prose, route } from '../route';

const DECIDERS: readonly Role[] = ['bureau_admin'];
const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];

export const ROUND_STATES = ['open', 'closed'] as const;
export const OUTCOMES = ['granted', 'declined'] as const;
/** The level an evaluation asks for: 优秀, 良好, 合格. */
export const EVALUATION_LEVELS = ['excellent', 'good', 'qualified'] as const;
export type EvaluationLevel = (typeof EVALUATION_LEVELS)[number];
/** Funding is asked in whole yuan, up to 100 million. */
export const MAX_AMOUNT_YUAN = 100_000_000;

const decisionKind = z.enum(DECISION_KINDS);
const reason = prose(2, 1000);

export const decisionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('funding'), amountYuan: z.number().int().min(1).max(MAX_AMOUNT_YUAN) }),
  z.object({ kind: z.literal('honour'), title: line(2, 100) }),
  z.object({ kind: z.literal('evaluation'), level: z.enum(EVALUATION_LEVELS) }),
]);
export type DecisionRequest = z.infer<typeof decisionRequest>;

/**
 * The levels an evaluation may be granted at when the applicant's credit lowers it (plan measure 2):
 * those below the one asked for — none left means it can only be declined. Null when nothing
 * lowers it. The core enforces it; the decide dialog offers the same levels.
 */
export function loweredLevels(request: DecisionRequest, reasons: readonly { effect: Effect }[]): EvaluationLevel[] | null {
  if (request.kind !== 'evaluation' || !reasons.some((r) => r.effect === 'lower')) return null;
  return EVALUATION_LEVELS.slice(EVALUATION_LEVELS.indexOf(request.level) + 1);
}

export const restrictionReason = z.discriminatedUnion('source', [
  z.object({ source: z.literal('list'), list: z.enum(LIST_KINDS), effect: z.enum(EFFECTS) }),
  z.object({ source: z.literal('grade'), grade: z.enum(GRADES), effect: z.enum(EFFECTS) }),
]);

/** A credit review (信用审查) of one institution for one kind of decision, on one day. */
export const reviewView = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  action: decisionKind,
  on: z.string(),
  gradingRulesVersion: z.number().int(),
  rulesVersion: z.number().int(),
  grade: z.enum(GRADES),
  score: z.number().int(),
  lists: z.array(z.enum(LIST_KINDS)),
  verdict: z.enum(VERDICTS),
  reasons: z.array(restrictionReason),
  preferred: z.boolean(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const roundView = z.object({
  id: z.number().int(),
  kind: decisionKind,
  title: z.string(),
  openedOn: z.string(),
  state: z.enum(ROUND_STATES),
  createdBy: z.string(),
  createdAt: z.string(),
  applicants: z.number().int(),
  pending: z.number().int(),
  granted: z.number().int(),
  declined: z.number().int(),
  /** Funding rounds: the sums asked and granted; 0 in other rounds. */
  requestedYuan: z.number().int(),
  grantedYuan: z.number().int(),
});
export type RoundView = z.infer<typeof roundView>;

export const applicantView = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  /** 1 = first in credit order. */
  rank: z.number().int(),
  request: decisionRequest,
  /** Live while undecided; the review frozen at the decision once decided. */
  review: reviewView,
  frozen: z.boolean(),
  outcome: z.enum(OUTCOMES).nullable(),
  outcomeReason: z.string().nullable(),
  /** A flagged applicant was granted with its flags acknowledged. */
  acknowledgedFlags: z.boolean(),
  /** An evaluation granted at a lower level than asked, because its credit lowers it. */
  grantedLevel: z.enum(EVALUATION_LEVELS).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type ApplicantView = z.infer<typeof applicantView>;

export const candidateView = z.object({
  institutionId: z.number().int(),
  name: z.string(),
  kind: z.enum(INSTITUTION_KINDS),
  grade: z.enum(GRADES),
  verdict: z.enum(VERDICTS),
});

const roundId = z.object({ roundId: z.number().int() });

export const decisionRoutes = {
  'decisions.rounds': route({ input: z.object({}), output: z.array(roundView), kind: 'query', access: READERS, mode: 'bureau' }),
  'decisions.createRound': route({
    input: z.object({ kind: decisionKind, title: z.string().trim().min(2).max(100), openedOn: isoDate }),
    output: roundView,
    kind: 'mutation',
    access: DECIDERS,
    mode: 'bureau',
  }),
  /** The round with its applicants in credit order. */
  'decisions.round': route({
    input: roundId,
    output: z.object({ round: roundView, applicants: z.array(applicantView) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  /** Institutions that may still apply in a round (not closed, not yet applicants), with their verdict. */
  'decisions.candidates': route({ input: roundId, output: z.array(candidateView), kind: 'query', access: READERS, mode: 'bureau' }),
  'decisions.addApplicant': route({
    input: z.object({ roundId: z.number().int(), institutionId: z.number().int(), request: decisionRequest }),
    output: applicantView,
    kind: 'mutation',
    access: DECIDERS,
    mode: 'bureau',
  }),
  /**
   * Grant or decline, with a reason. Granting a refused applicant fails with SUBJECT_RESTRICTED;
   * granting a flagged one needs `acknowledgeFlags`.
   */
  'decisions.decide': route({
    input: z.object({
      applicantId: z.number().int(),
      outcome: z.enum(OUTCOMES),
      reason,
      acknowledgeFlags: z.boolean().default(false),
      /** The level granted in an evaluation whose credit lowers it: below the one asked for. */
      level: z.enum(EVALUATION_LEVELS).optional(),
    }),
    output: applicantView,
    kind: 'mutation',
    access: DECIDERS,
    mode: 'bureau',
  }),
  /** Closes a round whose applicants are all decided. */
  'decisions.closeRound': route({ input: roundId, output: roundView, kind: 'mutation', access: DECIDERS, mode: 'bureau' }),
  /** The credit review of one institution for one kind of decision, today: usable anywhere a decision is made. */
  'decisions.review': route({
    input: z.object({ institutionId: z.number().int(), action: decisionKind }),
    output: reviewView,
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
} as const;
