// 信用审查 (core): an institution's credit review for one kind of decision, live — its grade from
// gradeInstitutions() (records and the lists in force, lists capping the grade) and what the
// restriction rules make of it.
import type { ReviewView } from '../../../shared/api/routes/decisions';
import { AppError } from '../../../shared/api/errors';
import { CURRENT_RULES } from '../../../shared/domain/grading';
import { CURRENT_RESTRICTIONS, restrictionFor, type DecisionKind } from '../../../shared/domain/restrictions';
import type { Raw } from '../db/open';
import { gradeInstitutions } from '../grading/institutions';

/** The reviews of the institutions of `ids` (all when left out), by institution id. */
export function reviewInstitutions(raw: Raw, action: DecisionKind, today: string, ids?: readonly number[]): Map<number, ReviewView> {
  const out = new Map<number, ReviewView>();
  for (const [id, g] of gradeInstitutions(raw, today, ids, CURRENT_RULES)) {
    const r = restrictionFor(action, g, CURRENT_RESTRICTIONS);
    out.set(id, {
      institutionId: id,
      name: g.name,
      kind: g.kind,
      action,
      on: today,
      gradingRulesVersion: g.rulesVersion,
      rulesVersion: r.rulesVersion,
      grade: g.grade,
      score: g.score,
      lists: g.lists,
      verdict: r.verdict,
      reasons: r.reasons,
      preferred: r.preferred,
    });
  }
  return out;
}

export function reviewInstitution(raw: Raw, action: DecisionKind, today: string, institutionId: number): ReviewView {
  const r = reviewInstitutions(raw, action, today, [institutionId]).get(institutionId);
  if (!r) throw new AppError('NOT_FOUND', undefined, `institution ${institutionId}`);
  return r;
}
