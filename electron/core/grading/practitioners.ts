// Grades of practitioners (从业人员) of training institutions and private schools (core): their own
// records at the bureau (subject_kind 'practitioner') and the lists in force, in one pass.
import { CURRENT_RULES, gradeSubject, type GradingRules, type SubjectGrade } from '../../../shared/domain/grading';
import type { ListKind } from '../../../shared/domain/supervision';
import type { Raw } from '../db/open';
import { listsInForce } from './institutions';
import { PRACTITIONER_RECORD_KINDS, recordsBySubject } from './records';

export interface PractitionerGrade extends SubjectGrade {
  practitionerId: number;
  name: string;
  institutionId: number;
  institutionName: string;
  lists: ListKind[];
}

/** Every practitioner's grade, or only those of `ids`. */
export function practitionerGrades(raw: Raw, today: string, ids?: readonly number[], rules: GradingRules = CURRENT_RULES): Map<number, PractitionerGrade> {
  const only = ids ? ` WHERE p.id IN (${ids.map(Number).join(',') || 'NULL'})` : '';
  const people = raw
    .prepare(`SELECT p.id, p.name, p.institution_id AS institutionId, i.name AS institutionName FROM practitioners p JOIN institutions i ON i.id = p.institution_id${only} ORDER BY p.id`)
    .all() as { id: number; name: string; institutionId: number; institutionName: string }[];
  const records = recordsBySubject(raw, PRACTITIONER_RECORD_KINDS, today, ids);
  const lists = listsInForce(raw, 'practitioner', today);
  const out = new Map<number, PractitionerGrade>();
  for (const p of people) {
    const onLists = lists.get(String(p.id)) ?? [];
    out.set(p.id, { practitionerId: p.id, name: p.name, institutionId: p.institutionId, institutionName: p.institutionName, lists: onLists, ...gradeSubject(records.get(p.id) ?? [], onLists, rules) });
  }
  return out;
}
