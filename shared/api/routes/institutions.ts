// Registry of institutions: public schools, private schools, training institutions, their practitioners, annual reports, licences and penalties (bureau mode).
// Everyone at the bureau reads; only the bureau administrator keeps the registry; the inspector
// may add records and penalties as well. Records are never overwritten: corrections supersede.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { INFO_CLASSES, POLARITIES } from '../../domain/catalogue';
import { GRADES, RECORD_KINDS, RECORD_STATUSES } from '../../domain/creditRules';
import { INSTITUTION_KINDS, INSTITUTION_STATUSES, LIST_KINDS } from '../../domain/supervision';
import { licenceFields, licenceInput, penaltyFields, penaltyInput } from '../../domain/doublePublicity';
import { fileData, fileOut, isoDate, line, paging, prose, route } from '../route';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const ADMIN: readonly Role[] = ['bureau_admin'];
const RECORDERS: readonly Role[] = ['bureau_admin', 'bureau_inspector'];

const text = (max: number) => line(1, max);
const optionalText = (max: number) => line(0, max).default('');
const reason = prose(2, 1000);
const id = z.number().int();

export const institutionKind = z.enum(INSTITUTION_KINDS);
export const institutionStatus = z.enum(INSTITUTION_STATUSES);
const grade = z.enum(GRADES);
const listKind = z.enum(LIST_KINDS);
const recordStatus = z.enum(RECORD_STATUSES);

/** Catalogue items a person may add to an institution's file by hand; penalties, licences, cases and inspections add their own. */
export const MANUAL_INSTITUTION_CODES = ['I-C01', 'I-C02', 'I-AR1'] as const;
export const MANUAL_PRACTITIONER_CODES = ['P-C01', 'P-V01', 'P-V02', 'P-V03'] as const;

export const institutionFields = z.object({
  name: text(100),
  uscc: z.string().trim().min(1).max(18),
  kind: institutionKind,
  township: text(30),
  grid: optionalText(50),
  address: optionalText(200),
  legalRep: optionalText(30),
  /** 办学许可证: normally set by a licence decision; typed here for institutions licensed before. */
  licenceNo: z.string().trim().max(64).nullable().default(null),
  licenceValidUntil: isoDate.nullable().default(null),
});

/** One line of a grade's explanation (shared/domain/grading.ts GradeStep). */
export const gradeStepView = z.discriminatedUnion('key', [
  z.object({ key: z.literal('base'), points: z.number().int() }),
  z.object({ key: z.literal('record'), recordId: z.union([z.number(), z.string()]), code: z.string(), status: recordStatus, points: z.number().int(), counted: z.boolean() }),
  z.object({ key: z.literal('threshold'), grade, min: z.number().int(), score: z.number().int() }),
  z.object({ key: z.literal('belowAll'), min: z.number().int(), score: z.number().int() }),
  z.object({ key: z.literal('severe'), recordIds: z.array(z.union([z.number(), z.string()])) }),
  z.object({ key: z.literal('listCap'), list: listKind, cap: grade }),
]);
export type GradeStepView = z.infer<typeof gradeStepView>;

export const subjectGradeView = z.object({ rulesVersion: z.number().int(), score: z.number().int(), grade, steps: z.array(gradeStepView) });

export const institutionRow = z.object({
  id,
  name: z.string(),
  uscc: z.string(),
  kind: institutionKind,
  township: z.string(),
  grid: z.string(),
  address: z.string(),
  legalRep: z.string(),
  licenceNo: z.string().nullable(),
  licenceValidUntil: z.string().nullable(),
  status: institutionStatus,
  createdAt: z.string(),
  grade,
  score: z.number().int(),
  lists: z.array(listKind),
  practitionerCount: z.number().int(),
});
export type InstitutionRow = z.infer<typeof institutionRow>;

export const institutionDetail = institutionRow.extend({
  gradeDetail: subjectGradeView,
  counts: z.object({
    records: z.number().int(),
    practitioners: z.number().int(),
    annualReports: z.number().int(),
    licences: z.number().int(),
    penalties: z.number().int(),
  }),
});
export type InstitutionDetail = z.infer<typeof institutionDetail>;

/** A record in a bureau subject's credit file, with its status worked out as of today. */
export const bureauRecordView = z.object({
  id,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  infoClass: z.enum(INFO_CLASSES),
  polarity: z.enum(POLARITIES),
  points: z.number().int(),
  occurredOn: z.string(),
  expiresOn: z.string(),
  description: z.string(),
  kind: z.enum(RECORD_KINDS),
  supersedesId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  status: recordStatus,
  /** What the record adds to the score now (0 when it does not count). */
  contribution: z.number().int(),
  /** What made it: `penalty:12`, `licence:3`, `manual`, … */
  source: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  evidence: z.array(z.object({ sha256: z.string(), fileName: z.string() })),
});
export type BureauRecordView = z.infer<typeof bureauRecordView>;

export const INSTITUTION_SORTS = ['name', 'uscc', 'kind', 'township', 'grid', 'score', 'licenceValidUntil'] as const;

export const PRACTITIONER_STATUSES = ['active', 'inactive'] as const;
const practitionerStatus = z.enum(PRACTITIONER_STATUSES);

export const practitionerFields = z.object({
  institutionId: id,
  name: text(30),
  gender: z.enum(['male', 'female']),
  idNumber: z.string().trim().min(1).max(18),
  post: text(30),
  qualification: optionalText(100),
});

export const practitionerRow = z.object({
  id,
  institutionId: id,
  institutionName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  /** First six and last four characters only: lists never show a whole ID number. */
  idNumberMasked: z.string(),
  post: z.string(),
  qualification: z.string(),
  status: practitionerStatus,
  createdAt: z.string(),
  grade,
  score: z.number().int(),
  lists: z.array(listKind),
});
export type PractitionerRow = z.infer<typeof practitionerRow>;

export const practitionerDetail = practitionerRow.extend({
  /** Whole for a bureau administrator (who edits it), masked like idNumberMasked for every other reader. */
  idNumber: z.string(),
  gradeDetail: subjectGradeView,
  records: z.array(bureauRecordView),
});
export type PractitionerDetail = z.infer<typeof practitionerDetail>;

export const CONCLUSIONS = ['qualified', 'basically', 'unqualified'] as const;

/** The figures of a 年度报告; amounts in whole yuan. */
export const annualReportContent = z
  .object({
    learners: z.number().int().min(0).max(1_000_000),
    staff: z.number().int().min(0).max(100_000),
    qualifiedTeachers: z.number().int().min(0).max(100_000),
    incomeYuan: z.number().int().min(0).max(100_000_000_000),
    feesHeldYuan: z.number().int().min(0).max(100_000_000_000),
    complaints: z.number().int().min(0).max(100_000),
    statement: prose(1, 2000),
  })
  .refine((c) => c.qualifiedTeachers <= c.staff, { path: ['qualifiedTeachers'], message: 'moreThanStaff' });

const annualReportInput = z.object({
  submittedOn: isoDate,
  content: annualReportContent,
  conclusion: z.enum(CONCLUSIONS),
});

export const annualReportView = z.object({
  id,
  institutionId: id,
  year: z.number().int(),
  submittedOn: z.string(),
  content: annualReportContent,
  conclusion: z.enum(CONCLUSIONS),
  supersedesId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});
export type AnnualReportView = z.infer<typeof annualReportView>;

const decisionBase = {
  id,
  institutionId: id,
  institutionName: z.string(),
  docNo: z.string(),
  decidedOn: z.string(),
  validUntil: z.string(),
  content: z.string(),
  authority: z.string(),
  authorityUscc: z.string(),
  /** The 行政相对人 as it stood at the decision: name, USCC and legal representative. */
  subject: z.object({ name: z.string(), uscc: z.string(), legalRep: z.string() }),
  /** 数据来源单位: the bureau that recorded it. */
  source: z.object({ name: z.string(), uscc: z.string() }),
  recordId: z.number().int().nullable(),
  supersedesId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  correctionReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
};

export const licenceView = z.object({ ...decisionBase, kind: z.literal('licence'), validFrom: z.string(), fields: licenceFields });
export type LicenceView = z.infer<typeof licenceView>;
export const penaltyView = z.object({ ...decisionBase, kind: z.literal('penalty'), fields: penaltyFields });
export type PenaltyView = z.infer<typeof penaltyView>;

const decisionFilter = z.object({ institutionId: id.optional(), includeSuperseded: z.boolean().default(true) });

export const institutionRoutes = {
  'institutions.list': route({
    input: z.object({
      q: z.string().trim().max(50).optional(),
      kind: institutionKind.optional(),
      status: institutionStatus.optional(),
      grid: z.string().trim().max(50).optional(),
      grade: z.enum(GRADES).optional(),
      /** Only institutions with an entry of this list in force. */
      list: z.enum(LIST_KINDS).optional(),
      sort: z.enum(INSTITUTION_SORTS).default('name'),
      ...paging,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(institutionRow), grids: z.array(z.string()) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'institutions.get': route({ input: z.object({ id }), output: institutionDetail, kind: 'query', access: READERS, mode: 'bureau' }),
  /** `sameName`: the administrator was told of another institution of this name and means a second one. */
  'institutions.create': route({ input: institutionFields.extend({ sameName: z.boolean().default(false) }), output: institutionDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'institutions.update': route({ input: institutionFields.extend({ id, sameName: z.boolean().default(false) }), output: institutionDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'institutions.setStatus': route({ input: z.object({ id, status: institutionStatus }), output: institutionDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'institutions.records': route({ input: z.object({ id }), output: z.array(bureauRecordView), kind: 'query', access: READERS, mode: 'bureau' }),
  'institutions.addRecord': route({
    input: z.object({
      institutionId: id,
      code: z.enum(MANUAL_INSTITUTION_CODES),
      occurredOn: isoDate,
      description: prose(1, 1000),
      evidence: z.array(fileData).max(10).default([]),
    }),
    output: bureauRecordView,
    kind: 'mutation',
    access: RECORDERS,
    mode: 'bureau',
  }),
  'practitioners.list': route({
    input: z.object({
      institutionId: id.optional(),
      q: z.string().trim().max(50).optional(),
      status: practitionerStatus.optional(),
      sort: z.enum(['name', 'post', 'institution']).default('name'),
      ...paging,
    }),
    output: z.object({ total: z.number().int(), rows: z.array(practitionerRow) }),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'practitioners.get': route({ input: z.object({ id }), output: practitionerDetail, kind: 'query', access: READERS, mode: 'bureau' }),
  'practitioners.create': route({ input: practitionerFields, output: practitionerDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'practitioners.update': route({ input: practitionerFields.omit({ institutionId: true }).extend({ id }), output: practitionerDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'practitioners.setStatus': route({ input: z.object({ id, status: practitionerStatus }), output: practitionerDetail, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'practitioners.addRecord': route({
    input: z.object({ practitionerId: id, code: z.enum(MANUAL_PRACTITIONER_CODES), occurredOn: isoDate, description: prose(1, 1000) }),
    output: bureauRecordView,
    kind: 'mutation',
    access: RECORDERS,
    mode: 'bureau',
  }),
  /** Each year's current report first, with the versions it corrected. */
  'annualReports.list': route({
    input: z.object({ institutionId: id }),
    output: z.array(z.object({ year: z.number().int(), current: annualReportView, history: z.array(annualReportView) })),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'annualReports.submit': route({
    input: annualReportInput.extend({ institutionId: id, year: z.number().int().min(2000).max(2100) }),
    output: annualReportView,
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  /** A correction is a new report that supersedes the current one; the old one stays. */
  'annualReports.correct': route({
    input: annualReportInput.extend({ reportId: id, reason }),
    output: annualReportView,
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  'licences.list': route({ input: decisionFilter, output: z.array(licenceView), kind: 'query', access: READERS, mode: 'bureau' }),
  'licences.create': route({ input: licenceInput.extend({ institutionId: id }), output: licenceView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'licences.correct': route({ input: licenceInput.extend({ decisionId: id, reason }), output: licenceView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'penalties.list': route({ input: decisionFilter, output: z.array(penaltyView), kind: 'query', access: READERS, mode: 'bureau' }),
  /** A penalty on a private school also moves its open case or proposes key supervision (`followUp`). */
  'penalties.create': route({
    input: penaltyInput.extend({ institutionId: id }),
    output: penaltyView.extend({
      followUp: z
        .discriminatedUnion('kind', [
          z.object({ kind: z.literal('caseMoved'), caseId: z.number().int(), caseNumber: z.string(), listEntryId: z.number().int().nullable() }),
          z.object({ kind: z.literal('proposed'), listEntryId: z.number().int() }),
          z.object({ kind: z.literal('alreadyListed'), listEntryId: z.number().int() }),
        ])
        .nullable(),
    }),
    kind: 'mutation',
    access: RECORDERS,
    mode: 'bureau',
  }),
  'penalties.correct': route({ input: penaltyInput.extend({ decisionId: id, reason }), output: penaltyView, kind: 'mutation', access: RECORDERS, mode: 'bureau' }),
  /** 双公示 data in the national column order (xlsx, one sheet per kind), current decisions only; audited. */
  'doublePublicity.export': route({
    input: z.object({ institutionId: id.optional() }),
    output: fileOut,
    kind: 'action',
    access: READERS,
    mode: 'bureau',
    async: true,
  }),
} as const;
