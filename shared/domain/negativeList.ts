// 民办学校负面清单 (plan measure 2): the state machine of a private school's negative-list case,
// who may move it, and what each move does to the school's lists and credit file. Pure: the core
// runs it inside each transition's transaction, the renderer asks it which buttons to show.
//
//   open (立案) ──issueNotice──▶ notice_issued (已下达整改通知) ──confirmRectified (≤ deadline)──▶ closed
//     │  ╲withdraw▶ withdrawn        │ markOverdue (> deadline) / recordPenalty
//     │ recordPenalty                ▼
//     └──────────────────────▶ key_supervision (重点监管) ──recordSeriousPenalty / recordJudgmentDebtor──▶ key_monitoring (重点监控对象)
//   open and notice_issued reach key_monitoring directly on a serious penalty or a judgment debtor;
//   lift (解除) ends key_supervision or key_monitoring.
import dayjs from 'dayjs';
import type { Role } from './roles';
import type { ListKind } from './supervision';
import { VOCABULARY } from '../vocabulary';

export const CASE_STATES = ['open', 'notice_issued', 'closed', 'key_supervision', 'key_monitoring', 'lifted', 'withdrawn'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_EVENTS = ['issueNotice', 'confirmRectified', 'markOverdue', 'recordPenalty', 'recordSeriousPenalty', 'recordJudgmentDebtor', 'lift', 'withdraw'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

/** States a case never leaves. */
export const FINAL_STATES: readonly CaseState[] = ['closed', 'lifted', 'withdrawn'];

/** The edges of the machine: from each state, the state each allowed event leads to. */
const EDGES: Record<CaseState, Partial<Record<CaseEvent, CaseState>>> = {
  open: { issueNotice: 'notice_issued', recordPenalty: 'key_supervision', recordSeriousPenalty: 'key_monitoring', recordJudgmentDebtor: 'key_monitoring', withdraw: 'withdrawn' },
  notice_issued: {
    confirmRectified: 'closed',
    markOverdue: 'key_supervision',
    recordPenalty: 'key_supervision',
    recordSeriousPenalty: 'key_monitoring',
    recordJudgmentDebtor: 'key_monitoring',
  },
  key_supervision: { recordSeriousPenalty: 'key_monitoring', recordJudgmentDebtor: 'key_monitoring', lift: 'lifted' },
  key_monitoring: { lift: 'lifted' },
  closed: {},
  lifted: {},
  withdrawn: {},
};

/**
 * Inspectors open cases, issue notices and confirm rectification (the plan's 执法/督导 work);
 * everything that puts a school on a list, lifts it or withdraws a case is the administrator's.
 */
const INSPECTOR_EVENTS: readonly CaseEvent[] = ['issueNotice', 'confirmRectified'];
export const OPENERS: readonly Role[] = ['bureau_admin', 'bureau_inspector'];

export function mayFire(role: Role, event: CaseEvent): boolean {
  if (role === 'bureau_admin') return true;
  return role === 'bureau_inspector' && INSPECTOR_EVENTS.includes(event);
}

/** The events a case in this state accepts, before any date is checked (the UI's buttons). */
export function allowedEvents(state: CaseState, role?: Role): CaseEvent[] {
  const events = CASE_EVENTS.filter((e) => EDGES[state][e] !== undefined);
  return role ? events.filter((e) => mayFire(role, e)) : events;
}

export interface TransitionFacts {
  /** The day the event happened (never after the real today: the core checks that). */
  today: string;
  /** The notice's deadline; for issueNotice, the deadline being set. */
  deadline: string | null;
}

/** Why a transition is refused, as a code the UI words itself. */
export type Refusal = 'notAllowedInState' | 'afterDeadline' | 'deadlineNotPassed' | 'deadlineBeforeIssue' | 'noDeadline';

export interface Effects {
  /** The list a case entry is started on, approved, from the event's day. */
  startList: Extract<ListKind, 'key_supervision' | 'key_monitoring'> | null;
  /** The lists whose entries made by this case end. */
  endLists: Extract<ListKind, 'key_supervision' | 'key_monitoring'>[];
  /** A record put in the school's credit file (catalogue item code). */
  record: 'I-N02' | 'I-N03' | null;
  /** The case's own I-N01 record is revoked: an unfounded case must not count against the school. */
  revokeOpeningRecord: boolean;
}

export type TransitionResult = { ok: true; to: CaseState; effects: Effects } | { ok: false; refusal: Refusal };

const NONE: Effects = { startList: null, endLists: [], record: null, revokeOpeningRecord: false };

const EFFECTS: Partial<Record<CaseEvent, Partial<Effects>>> = {
  markOverdue: { startList: 'key_supervision', record: 'I-N03' },
  recordPenalty: { startList: 'key_supervision' },
  recordSeriousPenalty: { startList: 'key_monitoring', endLists: ['key_supervision'] },
  recordJudgmentDebtor: { startList: 'key_monitoring', endLists: ['key_supervision'], record: 'I-N02' },
  lift: { endLists: ['key_supervision', 'key_monitoring'] },
  withdraw: { revokeOpeningRecord: true },
};

/** The record a case puts in the school's file when it is opened. */
export const OPENING_RECORD = 'I-N01';

export function transition(state: CaseState, event: CaseEvent, facts: TransitionFacts): TransitionResult {
  const to = EDGES[state][event];
  if (!to) return { ok: false, refusal: 'notAllowedInState' };
  if (event === 'issueNotice' || event === 'confirmRectified' || event === 'markOverdue') {
    if (!facts.deadline) return { ok: false, refusal: 'noDeadline' };
    if (event === 'issueNotice' && facts.deadline < facts.today) return { ok: false, refusal: 'deadlineBeforeIssue' };
    if (event === 'confirmRectified' && facts.today > facts.deadline) return { ok: false, refusal: 'afterDeadline' };
    if (event === 'markOverdue' && facts.today <= facts.deadline) return { ok: false, refusal: 'deadlineNotPassed' };
  }
  return { ok: true, to, effects: { ...NONE, ...EFFECTS[event] } };
}

/** How long a case's list entry runs by default, in months (the administrator may set another end). */
export const CASE_LIST_MONTHS: Record<Effects['endLists'][number], number> = { key_supervision: 12, key_monitoring: 36 };

/**
 * The last day of an entry that starts on `start` and runs `months` months, both ends included: the
 * day before the same day `months` later; when that month has no such day (31 August + 6 months,
 * 29 February + 12), its last day, as the Civil Code counts periods in months (art. 203).
 */
export function endAfterMonths(start: string, months: number): string {
  const s = dayjs(start);
  const same = s.add(months, 'month');
  // dayjs clamps a missing day to the month's last: that last day already ends the period.
  return (same.date() === s.date() ? same.subtract(1, 'day') : same).format('YYYY-MM-DD');
}

/** A case that waits for rectification past its deadline: shown as overdue until someone acts. */
export function isOverdue(c: { state: CaseState; noticeDeadline: string | null }, today: string): boolean {
  return c.state === 'notice_issued' && c.noticeDeadline !== null && c.noticeDeadline < today;
}

/** 舞教体立案〔2026〕1号 and 舞教体整改〔2026〕3号: numbered per year, as the bureau's documents are. */
export const CASE_NUMBER_PREFIX = '舞教体立案';
export const NOTICE_NUMBER_PREFIX = '舞教体整改';

export function documentNumber(prefix: string, year: number, serial: number): string {
  return `${prefix}〔${year}〕${serial}号`;
}

/** The serial of a number made by documentNumber, or null for anything else. */
export function serialOf(prefix: string, year: number, number: string): number | null {
  const head = `${prefix}〔${year}〕`;
  if (!number.startsWith(head) || !number.endsWith('号')) return null;
  const n = Number(number.slice(head.length, -1));
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The core's words for a refusal: the error's `what`, in zh-CN, from the one vocabulary the UI shows too. */
export const EVENT_ZH: Record<CaseEvent, string> = VOCABULARY['zh-CN'].caseEvent;
export const STATE_ZH: Record<CaseState, string> = VOCABULARY['zh-CN'].caseState;

export function refusalZh(refusal: Refusal, state: CaseState, event: CaseEvent, deadline: string | null): string {
  switch (refusal) {
    case 'notAllowedInState':
      return `案件处于“${STATE_ZH[state]}”状态，不能${EVENT_ZH[event]}`;
    case 'afterDeadline':
      return `整改期限 ${deadline ?? ''} 已过，不能确认按期整改`;
    case 'deadlineNotPassed':
      return `整改期限 ${deadline ?? ''} 尚未届满，不能认定逾期`;
    case 'deadlineBeforeIssue':
      return `整改期限 ${deadline ?? ''} 早于下达日期`;
    case 'noDeadline':
      return '案件尚无整改期限';
  }
}

const EVENT_EN: Record<CaseEvent, string> = {
  issueNotice: 'issue a rectification notice',
  confirmRectified: 'confirm rectification in time',
  markOverdue: 'mark it overdue',
  recordPenalty: 'record an education administrative penalty',
  recordSeriousPenalty: 'record a serious administrative penalty',
  recordJudgmentDebtor: 'record a judgment debtor',
  lift: 'lift supervision',
  withdraw: 'withdraw the case',
};

const STATE_EN: Record<CaseState, string> = {
  open: 'opened',
  notice_issued: 'notice issued',
  closed: 'rectified and closed',
  key_supervision: 'key supervision',
  key_monitoring: 'key monitoring object',
  lifted: 'lifted',
  withdrawn: 'withdrawn',
};

/** The same refusal in English, for formatError's `whatEn`. */
export function refusalEn(refusal: Refusal, state: CaseState, event: CaseEvent, deadline: string | null): string {
  switch (refusal) {
    case 'notAllowedInState':
      return `the case is “${STATE_EN[state]}”: it cannot ${EVENT_EN[event]}`;
    case 'afterDeadline':
      return `the deadline ${deadline ?? ''} has passed: rectification in time cannot be confirmed`;
    case 'deadlineNotPassed':
      return `the deadline ${deadline ?? ''} has not passed: the case cannot be marked overdue`;
    case 'deadlineBeforeIssue':
      return `the deadline ${deadline ?? ''} is before the notice's date`;
    case 'noDeadline':
      return 'the case has no deadline yet';
  }
}
