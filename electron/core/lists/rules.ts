// Proposals by rule (core): the current list rules (shared/domain/listRules.ts) over every
// institution's grade today. A subject that already waits for or holds a list gets no second
// proposal for it; a subject on the black list gets no red or white proposal. A rejected proposal
// may come back on a later run while the facts still match: a rejection decides the entry, not the rule.
import { CURRENT_LIST_RULES, DISPLACED_BY_BLACK, PENALTY_CODES, proposalsFor, type RuleSubject } from '../../../shared/domain/listRules';
import type { Polarity } from '../../../shared/domain/catalogue';
import type { Installation } from '../app/installation';
import { today as todayOf } from '../clock';
import { gradeInstitutions } from '../grading/institutions';
import { insertEntry } from './entries';
import { pendingOrCurrent } from './query';

export function proposeByRules(inst: Installation, by: number): { rulesVersion: number; considered: number; proposed: number[] } {
  const raw = inst.open().raw;
  const today = todayOf(inst);
  const polarity = new Map((raw.prepare('SELECT code, polarity FROM catalogue_items ORDER BY version').all() as { code: string; polarity: Polarity }[]).map((r) => [r.code, r.polarity]));
  const penalties = new Map<number, string[]>();
  for (const r of raw
    .prepare(
      `SELECT r.subject_id AS id, r.occurred_on AS day FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id
       LEFT JOIN credit_records s ON s.supersedes_id = r.id
       WHERE r.subject_kind IN ('public_school', 'private_school', 'training') AND r.kind <> 'revocation' AND (s.id IS NULL OR s.kind <> 'revocation')
         AND i.code IN (${PENALTY_CODES.map(() => '?').join(',')})`,
    )
    .all(...PENALTY_CODES) as { id: number; day: string }[]) {
    penalties.set(r.id, [...(penalties.get(r.id) ?? []), r.day]);
  }
  const proposed: number[] = [];
  const grades = gradeInstitutions(raw, today);
  for (const g of grades.values()) {
    const subject: RuleSubject = {
      kind: g.kind,
      grade: g.grade,
      counting: g.steps.flatMap((s) => (s.key === 'record' && s.counted ? [{ code: s.code, polarity: polarity.get(s.code) ?? 'positive' }] : [])),
      penaltyDays: penalties.get(g.institutionId) ?? [],
    };
    const key = String(g.institutionId);
    for (const rule of proposalsFor(subject, today)) {
      const held = pendingOrCurrent(raw, 'institution', key, [rule.list, 'black'], today);
      if (held.some((h) => h.list === rule.list)) continue;
      if (DISPLACED_BY_BLACK.includes(rule.list) && held.some((h) => h.list === 'black' && h.state === 'approved')) continue;
      proposed.push(
        insertEntry(inst, {
          list: rule.list,
          subjectKind: 'institution',
          subjectKey: key,
          subjectName: g.name,
          origin: 'rule',
          rule: rule.id,
          caseId: null,
          reason: `${rule.reasonZh}（信用分 ${g.score}，评级规则第 ${g.rulesVersion} 版）`,
          startOn: today,
          endOn: null,
          by,
          approved: null,
        }),
      );
    }
  }
  return { rulesVersion: CURRENT_LIST_RULES.version, considered: grades.size, proposed };
}
