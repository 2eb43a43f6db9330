// Decision rounds and their applicants (core): funding, honours, evaluations. An applicant is
// reviewed live until it is decided; the decision freezes the review it was made on into
// decision_applicants.review, so a later change of credit explains itself rather than rewriting
// what the bureau saw. Runs inside the dispatcher's transaction.
import { z } from 'zod';
import {
  decisionRequest,
  EVALUATION_LEVELS,
  loweredLevels,
  reviewView,
  type ApplicantView,
  type DecisionRequest,
  type EvaluationLevel,
  type ReviewView,
  type RoundView,
} from '../../../shared/api/routes/decisions';
import { AppError } from '../../../shared/api/errors';
import { rankByCredit, type DecisionKind } from '../../../shared/domain/restrictions';
import type { InstitutionKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { reviewInstitution, reviewInstitutions } from './review';
import { restrictedParams } from './words';

/** What decision_applicants.review holds: the review the decision was made on. */
const frozenReview = reviewView.extend({ acknowledgedFlags: z.boolean(), grantedLevel: z.enum(EVALUATION_LEVELS).nullable().default(null) });
type FrozenReview = z.infer<typeof frozenReview>;

const ROUND_SQL = `
  SELECT r.id, r.kind, r.title, r.opened_on AS openedOn, r.state, u.display_name AS createdBy, r.created_at AS createdAt,
         count(a.id) AS applicants,
         coalesce(sum(a.outcome IS NULL AND a.id IS NOT NULL), 0) AS pending,
         coalesce(sum(a.outcome = 'granted'), 0) AS granted,
         coalesce(sum(a.outcome = 'declined'), 0) AS declined,
         coalesce(sum(CASE WHEN r.kind = 'funding' THEN json_extract(a.request, '$.amountYuan') END), 0) AS requestedYuan,
         coalesce(sum(CASE WHEN r.kind = 'funding' AND a.outcome = 'granted' THEN json_extract(a.request, '$.amountYuan') END), 0) AS grantedYuan
  FROM decision_rounds r JOIN users u ON u.id = r.created_by
  LEFT JOIN decision_applicants a ON a.round_id = r.id`;

export function listRounds(raw: Raw): RoundView[] {
  return raw.prepare(`${ROUND_SQL} GROUP BY r.id ORDER BY r.state = 'closed', r.opened_on DESC, r.id DESC`).all() as RoundView[];
}

export function getRound(raw: Raw, roundId: number): RoundView {
  const r = raw.prepare(`${ROUND_SQL} WHERE r.id = ? GROUP BY r.id`).get(roundId) as RoundView | undefined;
  if (!r) throw new AppError('NOT_FOUND', undefined, `decision round ${roundId}`);
  return r;
}

export interface NewRound {
  kind: DecisionKind;
  title: string;
  openedOn: string;
}

export function createRound(raw: Raw, round: NewRound, userId: number, nowIso: string): number {
  return Number(
    raw
      .prepare(`INSERT INTO decision_rounds (kind, title, opened_on, state, created_by, created_at) VALUES (?, ?, ?, 'open', ?, ?)`)
      .run(round.kind, round.title, round.openedOn, userId, nowIso).lastInsertRowid,
  );
}

function openRound(raw: Raw, roundId: number): RoundView {
  const round = getRound(raw, roundId);
  if (round.state !== 'open') throw new AppError('INVALID_TRANSITION', { what: `“${round.title}”已结束`, whatEn: `“${round.title}” is closed` });
  return round;
}

interface ApplicantRow {
  id: number;
  roundId: number;
  institutionId: number;
  request: string;
  review: string | null;
  outcome: 'granted' | 'declined' | null;
  outcomeReason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

const APPLICANT_SQL = `
  SELECT a.id, a.round_id AS roundId, a.institution_id AS institutionId, a.request, a.review, a.outcome,
         a.outcome_reason AS outcomeReason, u.display_name AS decidedBy, a.decided_at AS decidedAt
  FROM decision_applicants a LEFT JOIN users u ON u.id = a.decided_by`;

/** The applicants of a round in credit order: decided ones by the review they were decided on. */
function applicantsOf(raw: Raw, round: RoundView, today: string, only?: number): ApplicantView[] {
  const rows = raw.prepare(`${APPLICANT_SQL} WHERE a.round_id = ? ORDER BY a.id`).all(round.id) as ApplicantRow[];
  const live = reviewInstitutions(
    raw,
    round.kind,
    today,
    rows.filter((r) => r.review === null).map((r) => r.institutionId),
  );
  const views = rows.map((r) => {
    const frozen: FrozenReview | null = r.review === null ? null : frozenReview.parse(JSON.parse(r.review));
    const review: ReviewView = frozen ? stripAck(frozen) : live.get(r.institutionId)!;
    return {
      id: r.id,
      roundId: r.roundId,
      rank: 0,
      request: decisionRequest.parse(JSON.parse(r.request)),
      review,
      frozen: frozen !== null,
      outcome: r.outcome,
      outcomeReason: r.outcomeReason,
      acknowledgedFlags: frozen?.acknowledgedFlags ?? false,
      grantedLevel: frozen?.grantedLevel ?? null,
      decidedBy: r.decidedBy,
      decidedAt: r.decidedAt,
    };
  });
  const ranked = rankByCredit(views.map((v) => ({ ...v.review, id: v.review.institutionId, view: v }))).map((x, i) => ({ ...x.view, rank: i + 1 }));
  return only === undefined ? ranked : ranked.filter((a) => a.id === only);
}

function stripAck(f: FrozenReview): ReviewView {
  const { acknowledgedFlags: _ack, grantedLevel: _level, ...review } = f;
  return review;
}

export function roundDetail(raw: Raw, roundId: number, today: string): { round: RoundView; applicants: ApplicantView[] } {
  const round = getRound(raw, roundId);
  return { round, applicants: applicantsOf(raw, round, today) };
}

function applicantView(raw: Raw, applicantId: number, today: string): ApplicantView {
  const row = raw.prepare('SELECT round_id AS roundId FROM decision_applicants WHERE id = ?').get(applicantId) as { roundId: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `decision applicant ${applicantId}`);
  return applicantsOf(raw, getRound(raw, row.roundId), today, applicantId)[0]!;
}

/** Institutions that may still apply in the round, in registry order, with today's verdict. */
export function candidates(raw: Raw, roundId: number, today: string): { institutionId: number; name: string; kind: InstitutionKind; grade: ReviewView['grade']; verdict: ReviewView['verdict'] }[] {
  const round = getRound(raw, roundId);
  const ids = (
    raw
      .prepare(`SELECT id FROM institutions WHERE status <> 'closed' AND id NOT IN (SELECT institution_id FROM decision_applicants WHERE round_id = ?) ORDER BY id`)
      .all(roundId) as { id: number }[]
  ).map((r) => r.id);
  const reviews = reviewInstitutions(raw, round.kind, today, ids);
  return ids.map((id) => {
    const r = reviews.get(id)!;
    return { institutionId: id, name: r.name, kind: r.kind, grade: r.grade, verdict: r.verdict };
  });
}

export function addApplicant(raw: Raw, input: { roundId: number; institutionId: number; request: DecisionRequest }, today: string): ApplicantView {
  const round = openRound(raw, input.roundId);
  if (input.request.kind !== round.kind) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'request.kind', message: 'requestKind' }]);
  const inst = raw.prepare('SELECT name, status FROM institutions WHERE id = ?').get(input.institutionId) as { name: string; status: string } | undefined;
  if (!inst) throw new AppError('NOT_FOUND', undefined, `institution ${input.institutionId}`);
  if (inst.status === 'closed') throw new AppError('INVALID_TRANSITION', { what: `${inst.name}已关闭，不能申请`, whatEn: `${inst.name} is closed and cannot apply` });
  const already = raw.prepare('SELECT 1 FROM decision_applicants WHERE round_id = ? AND institution_id = ?').get(input.roundId, input.institutionId);
  if (already) throw new AppError('CONFLICT', { what: `${inst.name}已在“${round.title}”的申请名单中`, whatEn: `${inst.name} has already applied in “${round.title}”` });
  const id = Number(
    raw
      .prepare('INSERT INTO decision_applicants (round_id, institution_id, request) VALUES (?, ?, ?)')
      .run(input.roundId, input.institutionId, JSON.stringify(input.request)).lastInsertRowid,
  );
  return applicantView(raw, id, today);
}

export interface Decision {
  applicantId: number;
  outcome: 'granted' | 'declined';
  reason: string;
  acknowledgeFlags: boolean;
  level?: EvaluationLevel | undefined;
}

/**
 * Grants or declines. The review is taken now and kept with the decision: a refused applicant
 * cannot be granted at all; a flagged one only by a decider who says they have seen the flags.
 * Declining needs no more than a reason, whatever the credit.
 */
export function decide(raw: Raw, d: Decision, userId: number, today: string, nowIso: string): ApplicantView {
  const row = raw.prepare('SELECT round_id AS roundId, institution_id AS institutionId, request, outcome FROM decision_applicants WHERE id = ?').get(d.applicantId) as
    | { roundId: number; institutionId: number; request: string; outcome: string | null }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', undefined, `decision applicant ${d.applicantId}`);
  const round = openRound(raw, row.roundId);
  const review = reviewInstitution(raw, round.kind, today, row.institutionId);
  if (row.outcome !== null) throw new AppError('INVALID_TRANSITION', { what: `${review.name}的申请已作出决定`, whatEn: `${review.name}'s application is already decided` });
  if (d.outcome === 'granted' && review.verdict === 'refused') throw new AppError('SUBJECT_RESTRICTED', restrictedParams(review));
  if (d.outcome === 'granted' && review.verdict === 'flagged' && !d.acknowledgeFlags) {
    throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'acknowledgeFlags', message: 'acknowledgeFlags' }]);
  }
  const frozen: FrozenReview = { ...review, acknowledgedFlags: d.outcome === 'granted' && review.verdict === 'flagged', grantedLevel: grantedLevel(decisionRequest.parse(JSON.parse(row.request)), d, review) };
  raw
    .prepare('UPDATE decision_applicants SET review = ?, outcome = ?, outcome_reason = ?, decided_by = ?, decided_at = ? WHERE id = ? AND outcome IS NULL')
    .run(JSON.stringify(frozen), d.outcome, d.reason, userId, nowIso, d.applicantId);
  return applicantView(raw, d.applicantId, today);
}

/**
 * Plan measure 2: the evaluation of a school on the black list or a key monitoring object is
 * cancelled or lowered. Granting it needs a level below the one asked for (declining cancels it);
 * one asked at 合格 can only be declined. Anything else takes no level.
 */
function grantedLevel(asked: DecisionRequest, d: Decision, review: ReviewView): EvaluationLevel | null {
  const allowed = d.outcome === 'granted' ? loweredLevels(asked, review.reasons) : null;
  if (allowed === null) {
    if (d.level !== undefined) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'level', message: 'levelNotLowered' }]);
    return null;
  }
  if (d.level === undefined || !allowed.includes(d.level)) {
    throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'level', message: allowed.length === 0 ? 'levelCancelled' : 'levelLowered' }]);
  }
  return d.level;
}

export function closeRound(raw: Raw, roundId: number): RoundView {
  const round = openRound(raw, roundId);
  if (round.pending > 0) throw new AppError('INVALID_TRANSITION', { what: `“${round.title}”还有 ${round.pending} 个申请未作决定`, whatEn: `“${round.title}” still has ${round.pending} undecided applications` });
  raw.prepare(`UPDATE decision_rounds SET state = 'closed' WHERE id = ?`).run(roundId);
  return getRound(raw, roundId);
}
