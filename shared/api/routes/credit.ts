// Credit routes: the catalogue, records with amendment and revocation, objections, repair, credit
// files and evidence. Teachers reach only their own file; student records only admin and clerk.
import { z } from 'zod';
import { LIST_KINDS } from '../../domain/supervision';
import type { Role } from '../../domain/roles';
import { catalogueItemInput, INFO_CLASSES, POLARITIES, SUBJECT_KINDS } from '../../domain/catalogue';
import { GRADES, RECORD_KINDS, RECORD_STATUSES } from '../../domain/creditRules';
import { fileData, fileOut, isoDate, listExport, paging, prose, route } from '../route';
import { studentView, teacherView } from './registry';

const SCHOOL_STAFF: readonly Role[] = ['school_admin', 'records_clerk'];
const TEACHER_FILE_READERS: readonly Role[] = ['school_admin', 'records_clerk', 'auditor', 'teacher'];
const ALL: readonly Role[] = ['school_admin', 'records_clerk', 'teacher', 'bureau_admin', 'bureau_inspector', 'auditor'];

export const RECORD_SUBJECTS = ['teacher', 'student'] as const;
export const OBJECTION_STATES = ['open', 'decided', 'all'] as const;
const recordSubject = z.enum(RECORD_SUBJECTS);
const reason = prose(2, 1000);

export const catalogueItemView = z.object({
  id: z.number().int(),
  version: z.number().int(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  infoClass: z.enum(INFO_CLASSES),
  subjectKinds: z.array(z.enum(SUBJECT_KINDS)),
  polarity: z.enum(POLARITIES),
  points: z.number().int(),
  disclosureMonths: z.number().int(),
  evidenceRequired: z.boolean(),
  releasable: z.boolean(),
});
export type CatalogueItemView = z.infer<typeof catalogueItemView>;

const catalogueVersionView = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publisher: z.string(),
  note: z.string(),
  itemCount: z.number().int(),
});

const evidenceView = z.object({ sha256: z.string(), fileName: z.string(), mime: z.string(), bytes: z.number().int() });

export const recordView = z.object({
  id: z.number().int(),
  subjectKind: recordSubject,
  subjectId: z.number().int(),
  subjectName: z.string(),
  item: catalogueItemView,
  occurredOn: z.string(),
  expiresOn: z.string(),
  description: z.string(),
  kind: z.enum(RECORD_KINDS),
  supersedesId: z.number().int().nullable(),
  supersededById: z.number().int().nullable(),
  status: z.enum(RECORD_STATUSES),
  /** What the record adds to the score now (0 when it does not count). */
  contribution: z.number().int(),
  authorName: z.string(),
  createdAt: z.string(),
  evidence: z.array(evidenceView),
  objection: z
    .object({
      id: z.number().int(),
      reason: z.string(),
      raisedAt: z.string(),
      decision: z.enum(['upheld', 'rejected']).nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.string().nullable(),
      /** Who decided, by display name. */
      decidedBy: z.string().nullable(),
      /** What the teacher attached to the objection. */
      evidence: z.array(evidenceView),
    })
    .nullable(),
  repair: z.object({ kind: z.enum(['repair', 'release']), reason: z.string(), effectiveOn: z.string() }).nullable(),
});
export type RecordView = z.infer<typeof recordView>;

const gradeView = z.object({
  score: z.number().int(),
  grade: z.enum(GRADES),
  because: z.discriminatedUnion('key', [
    z.object({ key: z.literal('threshold'), min: z.number().int() }),
    z.object({ key: z.literal('belowAll'), min: z.number().int() }),
    z.object({ key: z.literal('severe'), recordIds: z.array(z.number().int()) }),
  ]),
});

export const RECORD_SORTS = ['occurredOn', 'createdAt', 'subject', 'item', 'points'] as const;

const evidenceInput = z.array(fileData).max(10).default([]);

const recordFilter = {
  subjectKind: recordSubject,
  subjectId: z.number().int().optional(),
  q: z.string().trim().max(50).optional(),
  itemCode: z.string().trim().max(20).optional(),
  infoClass: z.enum(INFO_CLASSES).optional(),
  status: z.enum(RECORD_STATUSES).optional(),
  classId: z.number().int().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(RECORD_SORTS).default('occurredOn'),
};

export const creditRoutes = {
  'catalogue.current': route({
    input: z.object({}),
    output: catalogueVersionView.extend({ items: z.array(catalogueItemView) }),
    kind: 'query',
    access: ALL,
  }),
  'catalogue.versions': route({ input: z.object({}), output: z.array(catalogueVersionView), kind: 'query', access: ALL }),
  'catalogue.publish': route({
    input: z.object({ note: prose(2, 500), items: z.array(catalogueItemInput).min(1).max(1000) }),
    output: catalogueVersionView,
    kind: 'mutation',
    access: ['bureau_admin'],
  }),
  'records.list': route({
    input: z.object({ ...recordFilter, ...paging, dir: z.enum(['asc', 'desc']).default('desc') }),
    output: z.object({ total: z.number().int(), rows: z.array(recordView) }),
    kind: 'query',
    access: TEACHER_FILE_READERS,
  }),
  /** The list as filtered, as a workbook or a PDF; student records for the school administrator only. Audited. */
  'records.export': route({
    input: z.object({ ...recordFilter, dir: z.enum(['asc', 'desc']).default('desc'), ...listExport }),
    output: fileOut,
    kind: 'action',
    access: ['school_admin', 'records_clerk', 'auditor'],
    async: true,
  }),
  'records.create': route({
    input: z.object({ subjectKind: recordSubject, subjectId: z.number().int(), itemId: z.number().int(), occurredOn: isoDate, description: reason, evidence: evidenceInput }),
    output: recordView,
    kind: 'mutation',
    access: SCHOOL_STAFF,
  }),
  'records.amend': route({
    input: z.object({ recordId: z.number().int(), itemId: z.number().int(), occurredOn: isoDate, description: reason, reason, evidence: evidenceInput }),
    output: recordView,
    kind: 'mutation',
    access: SCHOOL_STAFF,
  }),
  'records.revoke': route({ input: z.object({ recordId: z.number().int(), reason }), output: recordView, kind: 'mutation', access: SCHOOL_STAFF }),
  'records.repair': route({
    input: z.object({ recordId: z.number().int(), reason, effectiveOn: isoDate }),
    output: recordView,
    kind: 'mutation',
    access: ['school_admin'],
  }),
  'objections.raise': route({ input: z.object({ recordId: z.number().int(), reason, evidence: evidenceInput }), output: recordView, kind: 'mutation', access: ['teacher'] }),
  'objections.decide': route({
    input: z.object({ objectionId: z.number().int(), decision: z.enum(['upheld', 'rejected']), reason }),
    output: recordView,
    kind: 'mutation',
    access: ['school_admin'],
  }),
  /** The records under objection: still to decide (open), decided, or both, newest objection first. */
  'objections.list': route({ input: z.object({ state: z.enum(OBJECTION_STATES).default('open') }), output: z.array(recordView), kind: 'query', access: ['school_admin', 'auditor'] }),
  'objections.export': route({
    input: z.object({ state: z.enum(OBJECTION_STATES).default('open'), ...listExport }),
    output: fileOut,
    kind: 'action',
    access: ['school_admin', 'auditor'],
    async: true,
  }),
  'creditFile.teacher': route({
    input: z.object({ teacherId: z.number().int().optional() }),
    output: z.object({
      teacher: teacherView,
      grade: gradeView,
      records: z.array(recordView),
      /** The bureau's list entries in force naming this teacher, as its last status to the school said (asOf). */
      lists: z.array(z.object({ list: z.enum(LIST_KINDS), startOn: z.string(), endOn: z.string(), reason: z.string(), asOf: z.string() })),
    }),
    kind: 'query',
    access: TEACHER_FILE_READERS,
  }),
  /** A mutation because every read of a student's file is written to the audit log. */
  'creditFile.student': route({
    input: z.object({ studentId: z.number().int() }),
    output: z.object({ student: studentView, grade: gradeView, records: z.array(recordView) }),
    kind: 'mutation',
    access: SCHOOL_STAFF,
  }),
  'evidence.get': route({ input: z.object({ recordId: z.number().int(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }), output: fileOut, kind: 'query', access: TEACHER_FILE_READERS }),
} as const;
