// The private-school negative-list workflow and its rectification notices (bureau mode): cases
// move through the state machine of shared/domain/negativeList.ts, one transaction, one audit
// entry and one case_events row per move.
import { z } from 'zod';
import { CASE_EVENTS, CASE_STATES, type CaseEvent } from '../../domain/negativeList';
import type { Role } from '../../domain/roles';
import { fileOut, isoDate, line, prose, route } from '../route';
import { listEntryView } from './lists';

const READERS: readonly Role[] = ['bureau_admin', 'bureau_inspector', 'auditor'];
const STAFF: readonly Role[] = ['bureau_admin', 'bureau_inspector'];

export const caseView = z.object({
  id: z.number().int(),
  number: z.string(),
  institutionId: z.number().int(),
  institutionName: z.string(),
  institutionUscc: z.string(),
  matter: z.string(),
  facts: z.string(),
  openedOn: z.string(),
  state: z.enum(CASE_STATES),
  /** A notice waits past its deadline (today's date on the bureau's clock). */
  overdue: z.boolean(),
  notice: z
    .object({
      number: z.string(),
      requirements: z.string(),
      issuedOn: z.string(),
      deadline: z.string(),
      /** The issued PDF in the evidence store; null for a demo notice, made inside the setup transaction where no PDF can render. */
      sha256: z.string().nullable(),
    })
    .nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type CaseView = z.infer<typeof caseView>;

export const caseEventView = z.object({
  id: z.number().int(),
  /** 'open' for the case's opening, else an event of the machine. */
  event: z.enum(['open', ...CASE_EVENTS]),
  fromState: z.enum(CASE_STATES).nullable(),
  toState: z.enum(CASE_STATES),
  occurredOn: z.string(),
  reason: z.string(),
  listEntryId: z.number().int().nullable(),
  by: z.string(),
  at: z.string(),
});
export type CaseEventView = z.infer<typeof caseEventView>;

export const caseDetail = caseView.extend({ events: z.array(caseEventView), entries: z.array(listEntryView) });
export type CaseDetail = z.infer<typeof caseDetail>;

/** Events fired through cases.transition: a notice is issued through cases.issueNotice, which makes its PDF. */
export const TRANSITION_EVENTS = ['confirmRectified', 'markOverdue', 'recordPenalty', 'recordSeriousPenalty', 'recordJudgmentDebtor', 'lift', 'withdraw'] as const satisfies readonly CaseEvent[];

export const caseRoutes = {
  'cases.list': route({
    input: z.object({ state: z.enum(CASE_STATES).optional(), institutionId: z.number().int().optional(), overdue: z.boolean().optional() }),
    output: z.array(caseView),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'cases.get': route({ input: z.object({ id: z.number().int() }), output: caseDetail, kind: 'query', access: READERS, mode: 'bureau' }),
  /** The private schools a case can be opened against, with how many of their cases are not yet ended. */
  'cases.schools': route({
    input: z.object({}),
    output: z.array(z.object({ id: z.number().int(), name: z.string(), uscc: z.string(), status: z.string(), activeCases: z.number().int() })),
    kind: 'query',
    access: READERS,
    mode: 'bureau',
  }),
  'cases.open': route({
    input: z.object({ institutionId: z.number().int(), matter: line(2, 200), facts: prose(2, 2000), openedOn: isoDate }),
    output: caseView,
    kind: 'mutation',
    access: STAFF,
    mode: 'bureau',
  }),
  /** Numbers the notice, renders its PDF, stores it with the evidence, and moves the case on. */
  'cases.issueNotice': route({
    input: z.object({ caseId: z.number().int(), requirements: prose(2, 2000), issuedOn: isoDate, deadline: isoDate }),
    output: z.object({ case: caseView, pdf: fileOut }),
    kind: 'action',
    access: STAFF,
    mode: 'bureau',
    async: true,
  }),
  /** The issued notice's PDF as stored; a demo notice without a stored file is rendered from the case's fields. */
  'cases.notice': route({ input: z.object({ caseId: z.number().int() }), output: fileOut, kind: 'query', access: READERS, mode: 'bureau', async: true }),
  'cases.transition': route({
    input: z.object({
      caseId: z.number().int(),
      event: z.enum(TRANSITION_EVENTS),
      reason: prose(2, 1000),
      occurredOn: isoDate,
      /** The end of the list entry the move starts, when not the default of shared/domain/negativeList.ts. */
      endOn: isoDate.optional(),
    }),
    output: caseDetail,
    kind: 'mutation',
    access: STAFF,
    mode: 'bureau',
  }),
} as const;
