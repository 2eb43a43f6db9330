// Grades of institutions (core), live: their own records at the bureau and the lists in force, under
// the current rules of shared/domain/grading.ts. Decisions, draws and the registry read grades here.
import { CURRENT_RULES, gradeSubject, type GradingRules, type SubjectGrade } from '../../../shared/domain/grading';
import type { InstitutionKind, ListKind, SupervisedKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { INSTITUTION_RECORD_KINDS, recordsBySubject } from './records';

export interface InstitutionGrade extends SubjectGrade {
  institutionId: number;
  name: string;
  uscc: string;
  kind: InstitutionKind;
  lists: ListKind[];
}

/** The lists each subject of one kind is on today (approved and in force), by subject key. */
export function listsInForce(raw: Raw, subjectKind: SupervisedKind, today: string): Map<string, ListKind[]> {
  const rows = raw
    .prepare(`SELECT subject_key AS subjectKey, list FROM list_entries WHERE subject_kind = ? AND state = 'approved' AND start_on <= ? AND end_on >= ? ORDER BY id`)
    .all(subjectKind, today, today) as { subjectKey: string; list: ListKind }[];
  const out = new Map<string, ListKind[]>();
  for (const r of rows) {
    const l = out.get(r.subjectKey) ?? [];
    if (!l.includes(r.list)) l.push(r.list);
    out.set(r.subjectKey, l);
  }
  return out;
}

/** Every institution's grade, or only those of `ids`. */
export function gradeInstitutions(raw: Raw, today: string, ids?: readonly number[], rules: GradingRules = CURRENT_RULES): Map<number, InstitutionGrade> {
  const only = ids ? ` AND id IN (${ids.map(Number).join(',') || 'NULL'})` : '';
  const institutions = raw.prepare(`SELECT id, name, uscc, kind FROM institutions WHERE 1 = 1${only} ORDER BY id`).all() as {
    id: number;
    name: string;
    uscc: string;
    kind: InstitutionKind;
  }[];
  const records = recordsBySubject(raw, INSTITUTION_RECORD_KINDS, today, ids);
  const lists = listsInForce(raw, 'institution', today);
  const out = new Map<number, InstitutionGrade>();
  for (const i of institutions) {
    const onLists = lists.get(String(i.id)) ?? [];
    out.set(i.id, { institutionId: i.id, name: i.name, uscc: i.uscc, kind: i.kind, lists: onLists, ...gradeSubject(records.get(i.id) ?? [], onLists, rules) });
  }
  return out;
}
