// The bureau's own credit records grouped by subject (core), each with its status worked out in SQL
// as credit/query.ts does: one statement over every record of the given subject kinds, so grading
// all institutions or all practitioners is a single pass, never a query per subject.
import type { RecordStatus } from '../../../shared/domain/creditRules';
import type { GradedRecord } from '../../../shared/domain/grading';
import { STATUS_SQL } from '../credit/query';
import type { Raw } from '../db/open';

/** Institution records carry the institution's kind at the time; practitioners' carry 'practitioner'. */
export const INSTITUTION_RECORD_KINDS = ['public_school', 'private_school', 'training'] as const;
export const PRACTITIONER_RECORD_KINDS = ['practitioner'] as const;

/**
 * Counting-relevant records by subject id, oldest first. Revocation rows are left out: they only
 * mark the record they revoke, which then shows as revoked.
 */
export function recordsBySubject(raw: Raw, subjectKinds: readonly string[], today: string, ids?: readonly number[]): Map<number, GradedRecord[]> {
  const kinds = subjectKinds.map((k) => `'${k.replace(/'/g, "''")}'`).join(', ');
  const only = ids ? ` AND r.subject_id IN (${ids.map(Number).join(',') || 'NULL'})` : '';
  const rows = raw
    .prepare(
      `SELECT r.id, r.subject_id AS subjectId, i.code, i.points, ${STATUS_SQL} AS status
       FROM credit_records r JOIN catalogue_items i ON i.id = r.item_id
       LEFT JOIN credit_records s ON s.supersedes_id = r.id
       LEFT JOIN repairs rp ON rp.record_id = r.id
       LEFT JOIN objections o ON o.id = (SELECT max(id) FROM objections WHERE record_id = r.id)
       WHERE r.subject_kind IN (${kinds}) AND r.kind <> 'revocation'${only}
       ORDER BY r.occurred_on, r.id`,
    )
    .raw()
    .iterate({ today }) as IterableIterator<[number, number, string, number, RecordStatus]>;
  const out = new Map<number, GradedRecord[]>();
  for (const [id, subjectId, code, points, status] of rows) {
    let l = out.get(subjectId);
    if (!l) out.set(subjectId, (l = []));
    l.push({ id, code, status, points });
  }
  return out;
}
