// 信用审查: what a subject's credit means where the bureau decides — a funding application (专项资金、
// 补助), an honour (评优评先、荣誉) or an evaluation (评估评价) — and the order in which applicants are
// considered (守信激励: good credit first). Pure. Versioned like shared/domain/grading.ts: a new
// version is appended, never edited, so a frozen review can name the rules it was made under.
import type { Grade } from './creditRules';
import type { ListKind } from './supervision';

export const DECISION_KINDS = ['funding', 'honour', 'evaluation'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const VERDICTS = ['allowed', 'flagged', 'refused'] as const;
export type Verdict = (typeof VERDICTS)[number];

/**
 * What a restriction does to a decision: `refuse` forbids a grant; `lower` (evaluations) means the
 * grade is cancelled or lowered; `flag` asks the decider to look again before granting.
 */
export const EFFECTS = ['refuse', 'lower', 'flag'] as const;
export type Effect = (typeof EFFECTS)[number];

/** Why a verdict is what it is, as values the UI and the CLI word. */
export type RestrictionReason = { source: 'list'; list: ListKind; effect: Effect } | { source: 'grade'; grade: Grade; effect: Effect };

export interface RestrictionRules {
  version: number;
  effectiveFrom: string;
  /** The effect of being on a list in force, by list and action. */
  byList: Partial<Record<ListKind, Record<DecisionKind, Effect>>>;
  /** The effect of a grade, whatever the action. */
  byGrade: Partial<Record<Grade, Effect>>;
  /** Lists that put a subject ahead of the rest (守信激励). */
  preferredLists: readonly ListKind[];
}

// Plan measure 2: a key monitoring object gets no funding and no honours, and its evaluation grade
// is cancelled or lowered; the black list is punished the same. Key supervision and a D grade do not
// forbid, but nobody should grant them without having seen why.
const V1: RestrictionRules = {
  version: 1,
  effectiveFrom: '2026-01-01',
  byList: {
    key_monitoring: { funding: 'refuse', honour: 'refuse', evaluation: 'lower' },
    black: { funding: 'refuse', honour: 'refuse', evaluation: 'lower' },
    key_supervision: { funding: 'flag', honour: 'flag', evaluation: 'flag' },
  },
  byGrade: { D: 'flag' },
  preferredLists: ['red', 'white'],
};

export const RESTRICTION_RULES: readonly RestrictionRules[] = [V1];
export const CURRENT_RESTRICTIONS: RestrictionRules = RESTRICTION_RULES[RESTRICTION_RULES.length - 1]!;

/** What the review looks at: the subject's standing today. */
export interface CreditStanding {
  grade: Grade;
  score: number;
  /** The lists the subject is on, in force today. */
  lists: readonly ListKind[];
}

export interface Restriction {
  rulesVersion: number;
  verdict: Verdict;
  /** Every reason: the lists (in the rules' order), then the grade. Empty when allowed. */
  reasons: RestrictionReason[];
  /** On a preferred list (red or white): ranked ahead of the rest. */
  preferred: boolean;
}

function verdictOf(effect: Effect): Verdict {
  return effect === 'refuse' ? 'refused' : 'flagged';
}

const VERDICT_ORDER: readonly Verdict[] = VERDICTS;

function worseVerdict(a: Verdict, b: Verdict): Verdict {
  return VERDICT_ORDER.indexOf(a) >= VERDICT_ORDER.indexOf(b) ? a : b;
}

export function restrictionFor(action: DecisionKind, standing: CreditStanding, rules: RestrictionRules = CURRENT_RESTRICTIONS): Restriction {
  const reasons: RestrictionReason[] = [];
  let verdict: Verdict = 'allowed';
  for (const [list, effects] of Object.entries(rules.byList) as [ListKind, Record<DecisionKind, Effect>][]) {
    if (!standing.lists.includes(list)) continue;
    const effect = effects[action];
    reasons.push({ source: 'list', list, effect });
    verdict = worseVerdict(verdict, verdictOf(effect));
  }
  const gradeEffect = rules.byGrade[standing.grade];
  if (gradeEffect) {
    reasons.push({ source: 'grade', grade: standing.grade, effect: gradeEffect });
    verdict = worseVerdict(verdict, verdictOf(gradeEffect));
  }
  return { rulesVersion: rules.version, verdict, reasons, preferred: standing.lists.some((l) => rules.preferredLists.includes(l)) };
}

/** An applicant as the ranking sees it. */
export interface Rankable extends CreditStanding {
  id: number;
  name: string;
  verdict: Verdict;
  preferred: boolean;
}

const GRADE_ORDER: readonly Grade[] = ['A', 'B', 'C', 'D'];

/**
 * The order applicants are considered in: refused applicants last (they cannot be granted); then
 * those on a red or white list; then by grade A→D; within a grade an allowed applicant before a
 * flagged one; then the higher score; then name and id, so the order is total and never depends on
 * the order rows came in. Names compare by code point, the same on every machine.
 */
export function compareByCredit(a: Rankable, b: Rankable): number {
  return (
    Number(a.verdict === 'refused') - Number(b.verdict === 'refused') ||
    Number(b.preferred) - Number(a.preferred) ||
    GRADE_ORDER.indexOf(a.grade) - GRADE_ORDER.indexOf(b.grade) ||
    Number(a.verdict === 'flagged') - Number(b.verdict === 'flagged') ||
    b.score - a.score ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
    a.id - b.id
  );
}

/** A new array in credit order; the input is left alone. */
export function rankByCredit<T extends Rankable>(applicants: readonly T[]): T[] {
  return [...applicants].sort(compareByCredit);
}
