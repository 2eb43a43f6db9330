// The bureau's supervision vocabulary (信用分级分类监管): institution kinds, the lists, and the
// subjects they name. Pure: the contract, the core and the renderer share these names.

export const INSTITUTION_KINDS = ['public_school', 'private_school', 'training'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];

export const INSTITUTION_STATUSES = ['active', 'suspended', 'closed'] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** 红名单, 黑名单, 白名单, 重点监管名单, 重点监控对象. */
export const LIST_KINDS = ['red', 'black', 'white', 'key_supervision', 'key_monitoring'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_STATES = ['proposed', 'approved', 'rejected', 'ended'] as const;
export type ListState = (typeof LIST_STATES)[number];

/** Who put an entry forward: a grading rule, a person, or a negative-list case's transition. */
export const LIST_ORIGINS = ['rule', 'manual', 'case'] as const;
export type ListOrigin = (typeof LIST_ORIGINS)[number];

/** Subjects the bureau grades and lists. Students never: their records stay in the school. */
export const SUPERVISED_KINDS = ['institution', 'practitioner', 'teacher'] as const;
export type SupervisedKind = (typeof SUPERVISED_KINDS)[number];

/** An approved entry is in force from its start to its end day, both included. */
export function inForce(entry: { state: ListState; startOn: string; endOn: string }, today: string): boolean {
  return entry.state === 'approved' && entry.startOn <= today && today <= entry.endOn;
}

/** The key a teacher received from a school is listed under: `<school USCC>/<the school's id>`. */
export function teacherKey(schoolUscc: string, teacherId: string | number): string {
  return `${schoolUscc}/${teacherId}`;
}
