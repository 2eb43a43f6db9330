// The negative-list state machine (shared/domain/negativeList.ts): every state × event, the date
// rules at the deadline's edges, who may fire what, and each move's effects on lists and records.
import { describe, expect, it } from 'vitest';
import {
  CASE_EVENTS,
  CASE_LIST_MONTHS,
  CASE_STATES,
  FINAL_STATES,
  allowedEvents,
  documentNumber,
  endAfterMonths,
  isOverdue,
  mayFire,
  refusalZh,
  serialOf,
  transition,
  type CaseEvent,
  type CaseState,
} from '../../shared/domain/negativeList';

const DEADLINE = '2026-12-31';
/** A day on which every date rule passes for the event (before the deadline, except for markOverdue). */
function factsFor(event: CaseEvent): { today: string; deadline: string } {
  return { today: event === 'markOverdue' ? '2027-01-01' : '2026-12-01', deadline: DEADLINE };
}

/** The whole machine, written out: anything not here is refused with notAllowedInState. */
const EXPECTED: Record<CaseState, Partial<Record<CaseEvent, CaseState>>> = {
  open: { issueNotice: 'notice_issued', recordPenalty: 'key_supervision', recordSeriousPenalty: 'key_monitoring', recordJudgmentDebtor: 'key_monitoring', withdraw: 'withdrawn' },
  notice_issued: { confirmRectified: 'closed', markOverdue: 'key_supervision', recordPenalty: 'key_supervision', recordSeriousPenalty: 'key_monitoring', recordJudgmentDebtor: 'key_monitoring' },
  key_supervision: { recordSeriousPenalty: 'key_monitoring', recordJudgmentDebtor: 'key_monitoring', lift: 'lifted' },
  key_monitoring: { lift: 'lifted' },
  closed: {},
  lifted: {},
  withdrawn: {},
};

describe('transition', () => {
  for (const state of CASE_STATES) {
    for (const event of CASE_EVENTS) {
      const to = EXPECTED[state][event];
      it(`${state} --${event}--> ${to ?? 'refused'}`, () => {
        const r = transition(state, event, factsFor(event));
        if (to) expect(r).toMatchObject({ ok: true, to });
        else expect(r).toEqual({ ok: false, refusal: 'notAllowedInState' });
      });
    }
  }

  it('lists exactly the allowed events of each state for the buttons, and none in a final state', () => {
    for (const state of CASE_STATES) expect(allowedEvents(state).sort()).toEqual((Object.keys(EXPECTED[state]) as CaseEvent[]).sort());
    for (const state of FINAL_STATES) expect(allowedEvents(state)).toEqual([]);
  });

  it('confirms rectification on or before the deadline, never after', () => {
    expect(transition('notice_issued', 'confirmRectified', { today: DEADLINE, deadline: DEADLINE })).toMatchObject({ ok: true, to: 'closed' });
    expect(transition('notice_issued', 'confirmRectified', { today: '2027-01-01', deadline: DEADLINE })).toEqual({ ok: false, refusal: 'afterDeadline' });
  });

  it('marks a notice overdue only after the deadline day', () => {
    expect(transition('notice_issued', 'markOverdue', { today: DEADLINE, deadline: DEADLINE })).toEqual({ ok: false, refusal: 'deadlineNotPassed' });
    expect(transition('notice_issued', 'markOverdue', { today: '2026-11-25', deadline: DEADLINE })).toEqual({ ok: false, refusal: 'deadlineNotPassed' });
    expect(transition('notice_issued', 'markOverdue', { today: '2027-01-01', deadline: DEADLINE })).toMatchObject({ ok: true, to: 'key_supervision' });
  });

  it('issues a notice whose deadline is on or after its day, and needs a deadline', () => {
    expect(transition('open', 'issueNotice', { today: '2026-11-25', deadline: '2026-11-25' })).toMatchObject({ ok: true, to: 'notice_issued' });
    expect(transition('open', 'issueNotice', { today: '2026-11-25', deadline: '2026-11-24' })).toEqual({ ok: false, refusal: 'deadlineBeforeIssue' });
    expect(transition('open', 'issueNotice', { today: '2026-11-25', deadline: null })).toEqual({ ok: false, refusal: 'noDeadline' });
    expect(transition('notice_issued', 'confirmRectified', { today: '2026-11-25', deadline: null })).toEqual({ ok: false, refusal: 'noDeadline' });
  });

  it('checks the state before the dates: a wrong state is refused whatever the day', () => {
    expect(transition('closed', 'markOverdue', { today: '2027-01-01', deadline: DEADLINE })).toEqual({ ok: false, refusal: 'notAllowedInState' });
    expect(transition('open', 'confirmRectified', { today: '2026-11-25', deadline: null })).toEqual({ ok: false, refusal: 'notAllowedInState' });
  });
});

describe('effects', () => {
  const effects = (state: CaseState, event: CaseEvent): unknown => {
    const r = transition(state, event, factsFor(event));
    if (!r.ok) throw new Error(r.refusal);
    return r.effects;
  };
  const none = { startList: null, endLists: [], record: null, revokeOpeningRecord: false };

  it('overdue: key supervision and an I-N03 record', () => {
    expect(effects('notice_issued', 'markOverdue')).toEqual({ ...none, startList: 'key_supervision', record: 'I-N03' });
  });
  it('a penalty: key supervision, no record of its own (the penalty decision makes that)', () => {
    expect(effects('open', 'recordPenalty')).toEqual({ ...none, startList: 'key_supervision' });
    expect(effects('notice_issued', 'recordPenalty')).toEqual({ ...none, startList: 'key_supervision' });
  });
  it('a serious penalty or a judgment debtor: key monitoring, ending key supervision; the debtor adds I-N02', () => {
    for (const from of ['open', 'notice_issued', 'key_supervision'] as const) {
      expect(effects(from, 'recordSeriousPenalty')).toEqual({ ...none, startList: 'key_monitoring', endLists: ['key_supervision'] });
      expect(effects(from, 'recordJudgmentDebtor')).toEqual({ ...none, startList: 'key_monitoring', endLists: ['key_supervision'], record: 'I-N02' });
    }
  });
  it('lift ends both lists; withdraw revokes the opening record; notice and rectification touch no list', () => {
    expect(effects('key_supervision', 'lift')).toEqual({ ...none, endLists: ['key_supervision', 'key_monitoring'] });
    expect(effects('key_monitoring', 'lift')).toEqual({ ...none, endLists: ['key_supervision', 'key_monitoring'] });
    expect(effects('open', 'withdraw')).toEqual({ ...none, revokeOpeningRecord: true });
    expect(effects('open', 'issueNotice')).toEqual(none);
    expect(effects('notice_issued', 'confirmRectified')).toEqual(none);
  });
  it('runs key supervision 12 months and key monitoring 36 by default, both ends included', () => {
    expect(CASE_LIST_MONTHS).toEqual({ key_supervision: 12, key_monitoring: 36 });
    expect(endAfterMonths('2026-11-25', 12)).toBe('2027-11-24');
    expect(endAfterMonths('2026-11-25', 36)).toBe('2029-11-24');
    // No 29 February in 2029, no 31 February ever: the month's last day ends the period.
    expect(endAfterMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(endAfterMonths('2025-08-31', 6)).toBe('2026-02-28');
    expect(endAfterMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(endAfterMonths('2026-01-30', 1)).toBe('2026-02-28');
    expect(endAfterMonths('2026-02-28', 1)).toBe('2026-03-27');
  });
});

describe('roles', () => {
  it('lets the inspector issue notices and confirm rectification only; the administrator everything; the auditor nothing', () => {
    for (const e of CASE_EVENTS) {
      expect(mayFire('bureau_admin', e), e).toBe(true);
      expect(mayFire('bureau_inspector', e), e).toBe(e === 'issueNotice' || e === 'confirmRectified');
      expect(mayFire('auditor', e), e).toBe(false);
      expect(mayFire('school_admin', e), e).toBe(false);
    }
    expect(allowedEvents('notice_issued', 'bureau_inspector')).toEqual(['confirmRectified']);
    expect(allowedEvents('key_supervision', 'bureau_inspector')).toEqual([]);
    expect(allowedEvents('key_supervision', 'bureau_admin')).toEqual(['recordSeriousPenalty', 'recordJudgmentDebtor', 'lift']);
  });
});

describe('numbers, overdue and words', () => {
  it('numbers documents per year and reads the serial back', () => {
    expect(documentNumber('舞教体整改', 2026, 3)).toBe('舞教体整改〔2026〕3号');
    expect(serialOf('舞教体整改', 2026, '舞教体整改〔2026〕12号')).toBe(12);
    expect(serialOf('舞教体整改', 2027, '舞教体整改〔2026〕12号')).toBeNull();
    expect(serialOf('舞教体整改', 2026, '舞教体立案〔2026〕12号')).toBeNull();
    expect(serialOf('舞教体整改', 2026, '舞教体整改〔2026〕x号')).toBeNull();
  });

  it('is overdue only while a notice waits past its deadline', () => {
    expect(isOverdue({ state: 'notice_issued', noticeDeadline: '2026-11-24' }, '2026-11-25')).toBe(true);
    expect(isOverdue({ state: 'notice_issued', noticeDeadline: '2026-11-25' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ state: 'key_supervision', noticeDeadline: '2026-11-24' }, '2026-11-25')).toBe(false);
    expect(isOverdue({ state: 'open', noticeDeadline: null }, '2026-11-25')).toBe(false);
  });

  it('words every refusal in Chinese for the error', () => {
    expect(refusalZh('notAllowedInState', 'closed', 'lift', null)).toBe('案件处于“按期整改结案”状态，不能解除监管');
    expect(refusalZh('afterDeadline', 'notice_issued', 'confirmRectified', DEADLINE)).toContain(DEADLINE);
    expect(refusalZh('deadlineNotPassed', 'notice_issued', 'markOverdue', DEADLINE)).toContain('尚未届满');
    expect(refusalZh('deadlineBeforeIssue', 'open', 'issueNotice', DEADLINE)).toContain('早于');
    expect(refusalZh('noDeadline', 'open', 'issueNotice', null)).toBe('案件尚无整改期限');
  });
});
