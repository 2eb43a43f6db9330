// Teacher credit report routes: make a report, read it, confirm it (the teacher's signature, or
// the paper path), and verify any report PDF.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { fileData, fileOut, line, listExport, route } from '../route';

const MAKERS: readonly Role[] = ['school_admin', 'records_clerk'];
const READERS: readonly Role[] = ['school_admin', 'records_clerk', 'auditor', 'teacher'];

export const REPORT_STATUSES = ['unconfirmed', 'confirmed', 'superseded'] as const;
/** foreign: not an EduCredit report at all (no report data in it), as against one that was changed. */
export const VERIFY_STATUSES = ['confirmed', 'unconfirmed', 'superseded', 'tampered', 'foreign'] as const;

export const reportView = z.object({
  id: z.number().int(),
  number: z.string(),
  teacherId: z.number().int(),
  teacherName: z.string(),
  year: z.number().int(),
  snapshotHash: z.string(),
  createdAt: z.string(),
  status: z.enum(REPORT_STATUSES),
  grade: z.string(),
  score: z.number().int(),
  confirmation: z
    .object({ kind: z.enum(['signature', 'paper']), confirmedAt: z.string(), signer: z.string(), keyFingerprint: z.string().nullable() })
    .nullable(),
});
export type ReportView = z.infer<typeof reportView>;

export const verification = z.object({
  status: z.enum(VERIFY_STATUSES),
  /** Why, as a message key with values, so it is worded in the reader's language. */
  reason: z.string(),
  number: z.string().nullable(),
  teacherName: z.string().nullable(),
  snapshotHash: z.string().nullable(),
  fileSha256: z.string(),
  confirmation: reportView.shape.confirmation,
});
export type Verification = z.infer<typeof verification>;

const batchView = z.object({
  jobId: z.string(),
  year: z.number().int(),
  /** Null for a batch kept for a download. */
  folder: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  /** Of `done`, the reports that were already issued with the same content: written out again, not made anew. */
  existing: z.number().int(),
  phase: z.enum(['running', 'done', 'cancelled', 'failed']),
  error: z.string().nullable(),
});

/** A drawn signature: a PNG data URL from the canvas, at most 512 KiB. */
const handwriting = z
  .string()
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
  .max(700_000);

export const reportRoutes = {
  'reports.list': route({ input: z.object({ teacherId: z.number().int().optional() }), output: z.array(reportView), kind: 'query', access: READERS }),
  /** A new report, or (`existing`) the one already issued with the same content, confirmed PDF included. */
  /** The staff's list as filtered, as a workbook or a PDF to print. Audited. */
  'reports.export': route({
    input: z.object({ teacherId: z.number().int().optional(), status: z.enum(REPORT_STATUSES).optional(), ...listExport }),
    output: fileOut,
    kind: 'action',
    access: ['school_admin', 'records_clerk', 'auditor'],
    async: true,
  }),
  'reports.generate': route({
    input: z.object({ teacherId: z.number().int() }),
    output: z.object({ report: reportView, pdf: fileOut, existing: z.boolean() }),
    kind: 'action',
    access: MAKERS,
    async: true,
  }),
  'reports.pdf': route({ input: z.object({ reportId: z.number().int() }), output: fileOut, kind: 'query', access: READERS }),
  'reports.confirm': route({
    input: z.object({ reportId: z.number().int(), password: z.string().min(1).max(200), handwriting: handwriting.optional() }),
    output: z.object({ report: reportView, pdf: fileOut }),
    kind: 'action',
    access: ['teacher'],
    async: true,
  }),
  'reports.confirmPaper': route({
    input: z.object({ reportId: z.number().int(), scan: fileData }),
    output: z.object({ report: reportView, pdf: fileOut }),
    kind: 'action',
    access: ['school_admin'],
    async: true,
  }),
  'reports.verify': route({ input: fileData, output: verification, kind: 'query', access: READERS }),
  /**
   * Every active teacher's report of a year, as a job: into a folder on this computer (the desktop
   * app's folder picker, the CLI), or, without a folder, kept for one zip download (the web host).
   */
  'reports.batchStart': route({
    input: z.object({
      year: z.number().int().min(2000).max(2100).optional(),
      folder: line(1, 500).optional(),
      /** Only these teachers; all active teachers when left out. */
      teacherIds: z.array(z.number().int()).min(1).max(5000).optional(),
    }),
    output: batchView,
    kind: 'action',
    access: MAKERS,
  }),
  'reports.batchProgress': route({ input: z.object({ jobId: z.string() }), output: batchView, kind: 'query', access: MAKERS }),
  'reports.batchCancel': route({ input: z.object({ jobId: z.string() }), output: batchView, kind: 'action', access: MAKERS }),
  /** The reports of a batch started without a folder, as one zip (once it ended, done or cancelled). */
  'reports.batchArchive': route({ input: z.object({ jobId: z.string() }), output: fileOut, kind: 'action', access: MAKERS, async: true }),
} as const;
