// The bureau features' role-test samples and their mutations audited in their own tests, gathered
// so each feature keeps its samples in its own file.
import type { RouteName } from '../../../shared/api/contract';
import { institutionSamples, institutionAuditedElsewhere } from './institutions';
import { gradingSamples, gradingAuditedElsewhere } from './grading';
import { listSamples, listAuditedElsewhere } from './lists';
import { caseSamples, caseAuditedElsewhere } from './cases';
import { decisionSamples, decisionAuditedElsewhere } from './decisions';
import { inspectionSamples, inspectionAuditedElsewhere } from './inspections';
import { schoolTeacherSamples, schoolTeacherAuditedElsewhere } from './schoolTeachers';

export const SUPERVISION_SAMPLES = {
  ...institutionSamples,
  ...gradingSamples,
  ...listSamples,
  ...caseSamples,
  ...decisionSamples,
  ...inspectionSamples,
  ...schoolTeacherSamples,
};

export const SUPERVISION_AUDITED_ELSEWHERE: readonly RouteName[] = [
  ...institutionAuditedElsewhere,
  ...gradingAuditedElsewhere,
  ...listAuditedElsewhere,
  ...caseAuditedElsewhere,
  ...decisionAuditedElsewhere,
  ...inspectionAuditedElsewhere,
  ...schoolTeacherAuditedElsewhere,
];
