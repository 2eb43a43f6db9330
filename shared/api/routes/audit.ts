// Audit log routes: read it (filtered by operator, person, action and local days), verify its
// chain, and take it away as a workbook or a PDF. A student's personal part of an entry goes only
// to those who may see students; everyone else reads that a change happened, by whom and when.
import { z } from 'zod';
import { ADMINS, type Role } from '../../domain/roles';
import { fileOut, isoDate, listExport, route } from '../route';

const READERS: readonly Role[] = [...ADMINS, 'auditor'];

export const auditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  /** The operator's display name, where the account still exists. */
  actorName: z.string().nullable(),
  route: z.string(),
  subject: z.string(),
  /** What the subject is called now (a teacher's name, a case's number); a student's only for those who may see students. */
  subjectName: z.string().nullable(),
  diff: z.string(),
  hash: z.string(),
  /** The private part of an entry about a student, for those who may see students; null otherwise. */
  detail: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

const auditFilter = {
  /** An operator by user name or display name (part of either). */
  operator: z.string().trim().max(50).optional(),
  /** A person or body the entries are about, by name (part of it). */
  person: z.string().trim().max(50).optional(),
  /** Exactly one subject reference ("teacher:1"), or every subject of a kind ("teacher"). */
  subject: z.string().max(100).optional(),
  /** Exactly one account's user name. */
  actor: z.string().max(50).optional(),
  route: z.string().max(60).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

export const auditRoutes = {
  'audit.list': route({
    input: z.object({ ...auditFilter, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.object({ total: z.number().int(), entries: z.array(auditEntry) }),
    kind: 'query',
    access: READERS,
  }),
  'audit.verify': route({
    input: z.object({}),
    output: z.object({ ok: z.boolean(), checked: z.number().int(), firstBrokenSeq: z.number().int().nullable(), reason: z.string().nullable() }),
    kind: 'query',
    access: READERS,
  }),
  /** The entries as filtered, in words, as a workbook or a PDF. Audited itself. */
  'audit.export': route({ input: z.object({ ...auditFilter, ...listExport }), output: fileOut, kind: 'action', access: READERS, async: true }),
};
