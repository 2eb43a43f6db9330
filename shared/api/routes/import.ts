// Import routes: templates, a preview that lists every bad row, then an all-or-nothing commit.
// Parsing a big file takes seconds, so preview runs as a job the UI can watch and cancel.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { fileData, fileOut, listExport, route } from '../route';

const IMPORTERS: readonly Role[] = ['school_admin', 'records_clerk'];
export const IMPORT_KINDS = ['teachers', 'students', 'records'] as const;
const importKind = z.enum(IMPORT_KINDS);

/** One bad cell or row: the row number as the spreadsheet shows it, the column header, why. */
export const importProblem = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importPreview = z.object({
  jobId: z.string(),
  kind: importKind,
  rows: z.number().int(),
  toInsert: z.number().int(),
  toUpdate: z.number().int(),
  unchanged: z.number().int(),
  problems: z.array(importProblem),
  /** Problems beyond the listed ones (the list stops at 1,000). */
  moreProblems: z.number().int(),
  ignoredColumns: z.array(z.string()),
  encoding: z.string().nullable(),
});
export type ImportPreview = z.infer<typeof importPreview>;

export const importRoutes = {
  'import.template': route({ input: z.object({ kind: importKind }), output: fileOut, kind: 'query', access: IMPORTERS, async: true }),
  'import.preview': route({
    // The client may name the job, so it can ask for progress while the preview is still running.
    input: fileData.extend({ kind: importKind, jobId: z.string().uuid().optional() }),
    output: importPreview,
    kind: 'action',
    access: IMPORTERS,
    async: true,
  }),
  'import.progress': route({
    input: z.object({ jobId: z.string() }),
    output: z.object({ phase: z.enum(['reading', 'checking', 'ready', 'cancelled', 'failed']), done: z.number().int(), total: z.number().int() }),
    kind: 'query',
    access: IMPORTERS,
  }),
  /** Every problem of a checked file, as a workbook or a PDF, to correct the file from. Audited. */
  'import.exportProblems': route({ input: z.object({ jobId: z.string(), ...listExport }), output: fileOut, kind: 'action', access: IMPORTERS, async: true }),
  'import.cancel': route({ input: z.object({ jobId: z.string() }), output: z.object({}), kind: 'action', access: IMPORTERS }),
  'import.commit': route({
    input: z.object({ jobId: z.string() }),
    output: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    kind: 'mutation',
    access: IMPORTERS,
  }),
} as const;
