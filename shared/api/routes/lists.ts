// Red, black and white lists, the key supervision list and the key monitoring objects (bureau mode).
// An entry is proposed (by hand, by the rules of shared/domain/listRules.ts, or by a negative-list
// case), approved or rejected by an administrator with a reason, runs from its start to its end day,
// may be published, and may be ended early. Every change is audited.
import { z } from 'zod';
import type { Role } from '../../domain/roles';
import { INSTITUTION_KINDS, LIST_KINDS, LIST_ORIGINS, LIST_STATES, SUPERVISED_KINDS } from '../../domain/supervision';
import { isoDate, prose, route } from '../route';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const PROPOSERS: readonly Role[] = ['bureau_admin', 'bureau_inspector'];
const ADMIN: readonly Role[] = ['bureau_admin'];

const reason = prose(2, 1000);
const entryId = z.object({ id: z.number().int() });

export const listEntryView = z.object({
  id: z.number().int(),
  list: z.enum(LIST_KINDS),
  subjectKind: z.enum(SUPERVISED_KINDS),
  subjectKey: z.string(),
  subjectName: z.string(),
  origin: z.enum(LIST_ORIGINS),
  rule: z.string().nullable(),
  caseId: z.number().int().nullable(),
  caseNumber: z.string().nullable(),
  reason: z.string(),
  proposedBy: z.string(),
  proposedAt: z.string(),
  state: z.enum(LIST_STATES),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  startOn: z.string(),
  endOn: z.string(),
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  /** Approved and today between its start and end day. */
  inForce: z.boolean(),
});
export type ListEntryView = z.infer<typeof listEntryView>;

/** What the bureau's website column shows: no key, no id, no reviewer, only the public facts. */
export const publishedEntry = z.object({
  list: z.enum(LIST_KINDS),
  subjectKind: z.enum(SUPERVISED_KINDS),
  name: z.string(),
  /** The institution's USCC; for a person, their institution's. */
  uscc: z.string().nullable(),
  /** For a person: the institution they work at. */
  organisation: z.string().nullable(),
  reason: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  publishedAt: z.string(),
});
export type PublishedEntry = z.infer<typeof publishedEntry>;

export const listSubject = z.object({ kind: z.enum(SUPERVISED_KINDS), key: z.string(), name: z.string(), detail: z.string() });
export type ListSubject = z.infer<typeof listSubject>;

export const listRuleView = z.object({
  version: z.number().int(),
  effectiveFrom: z.string(),
  rules: z.array(z.object({ id: z.string(), list: z.enum(LIST_KINDS), kinds: z.array(z.enum(INSTITUTION_KINDS)), reasonZh: z.string(), reasonEn: z.string() })),
});

export const listRoutes = {
  'lists.list': route({
    input: z.object({
      list: z.enum(LIST_KINDS).optional(),
      state: z.enum(LIST_STATES).optional(),
      subjectKind: z.enum(SUPERVISED_KINDS).optional(),
      /** Only entries in force today (true) or not in force today (false). */
      inForce: z.boolean().optional(),
      published: z.boolean().optional(),
      caseId: z.number().int().optional(),
    }),
    output: z.array(listEntryView),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  /** Subjects to propose by hand: institutions, practitioners, or teachers received from schools. */
  'lists.subjects': route({
    input: z.object({ kind: z.enum(SUPERVISED_KINDS), q: z.string().trim().max(50).default('') }),
    output: z.array(listSubject),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'lists.propose': route({
    input: z.object({
      subjectKind: z.enum(SUPERVISED_KINDS),
      subjectKey: z.string().trim().min(1).max(100),
      list: z.enum(LIST_KINDS),
      reason,
      startOn: isoDate,
      /** By default LIST_MONTHS of shared/domain/listRules.ts from the start. */
      endOn: isoDate.optional(),
    }),
    output: listEntryView,
    kind: 'mutation',
    access: PROPOSERS,
    mode: 'bureau',
  }),
  'lists.rules': route({ input: z.object({}), output: listRuleView, kind: 'query', access: READERS, mode: 'bureau' }),
  /** Runs the current list rules over today's grades; proposes only what is not already proposed or in force. */
  'lists.proposeByRules': route({
    input: z.object({}),
    output: z.object({ rulesVersion: z.number().int(), considered: z.number().int(), proposed: z.array(listEntryView) }),
    kind: 'mutation',
    access: PROPOSERS,
    mode: 'bureau',
  }),
  'lists.decide': route({
    input: z.object({ id: z.number().int(), decision: z.enum(['approve', 'reject']), reason }),
    output: z.object({ entry: listEntryView, ended: z.array(listEntryView) }),
    kind: 'mutation',
    access: ADMIN,
    mode: 'bureau',
  }),
  'lists.publish': route({ input: entryId, output: listEntryView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'lists.unpublish': route({ input: entryId, output: listEntryView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'lists.end': route({ input: z.object({ id: z.number().int(), reason }), output: listEntryView, kind: 'mutation', access: ADMIN, mode: 'bureau' }),
  'lists.published': route({ input: z.object({}), output: z.array(publishedEntry), kind: 'query', access: READERS, mode: 'bureau' }),
} as const;
