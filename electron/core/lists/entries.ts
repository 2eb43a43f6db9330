// Writing list entries (core): propose, decide, publish, end. Each function runs inside its
// caller's transaction; the route handler or the case transition declares the one audit entry.
import { readSettings } from '../settings/service';
import { AppError } from '../../../shared/api/errors';
import type { ListEntryView } from '../../../shared/api/routes/lists';
import { LIST_NAMES } from '../../../shared/api/gradingMessages';
import { BARS_HONOURS, DISPLACED_BY_BLACK, LIST_MONTHS } from '../../../shared/domain/listRules';
import { endAfterMonths } from '../../../shared/domain/negativeList';
import type { ListKind, ListOrigin, SupervisedKind } from '../../../shared/domain/supervision';
import type { Installation } from '../app/installation';
import { today as todayOf } from '../clock';
import { getEntry, pendingOrCurrent } from './query';

export interface NewEntry {
  list: ListKind;
  subjectKind: SupervisedKind;
  subjectKey: string;
  subjectName: string;
  origin: ListOrigin;
  rule: string | null;
  caseId: number | null;
  reason: string;
  startOn: string;
  endOn: string | null;
  by: number;
  /** A case's entry is approved as it is made: the case's move was the administrator's decision. */
  approved: { reason: string } | null;
}

/** Inserts an entry and returns its id. */
export function insertEntry(inst: Installation, e: NewEntry): number {
  const end = e.endOn ?? endAfterMonths(e.startOn, LIST_MONTHS[e.list]);
  if (end < e.startOn) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'endOn', message: 'endBeforeStart' }]);
  const now = inst.clock.now().toISOString();
  return Number(
    inst
      .open()
      .raw.prepare(
        `INSERT INTO list_entries (list, subject_kind, subject_key, subject_name, origin, rule, case_id, reason, proposed_by, proposed_at, state, decided_by, decided_at, decision_reason, start_on, end_on)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.list,
        e.subjectKind,
        e.subjectKey,
        e.subjectName,
        e.origin,
        e.rule,
        e.caseId,
        e.reason,
        e.by,
        now,
        e.approved ? 'approved' : 'proposed',
        e.approved ? e.by : null,
        e.approved ? now : null,
        e.approved?.reason ?? null,
        e.startOn,
        end,
      ).lastInsertRowid,
  );
}

/** Ends an approved entry before (or on) its planned end; it stays in the history as ended. */
export function endEntry(inst: Installation, id: number, reason: string): void {
  inst.open().raw.prepare(`UPDATE list_entries SET state = 'ended', ended_at = ?, end_reason = ? WHERE id = ? AND state = 'approved'`).run(inst.clock.now().toISOString(), reason, id);
}

function refuse(what: string, whatEn: string, code: string): never {
  throw new AppError('INVALID_TRANSITION', { what, whatEn, code });
}

/** A proposal by hand: refused when the same subject already waits for or holds that list. */
export function assertNotDuplicate(inst: Installation, subjectKind: SupervisedKind, subjectKey: string, list: ListKind): void {
  const same = pendingOrCurrent(inst.open().raw, subjectKind, subjectKey, [list], todayOf(inst));
  if (same.length > 0) {
    throw new AppError('CONFLICT', {
      what: `该对象已有待审核或有效的同类名单条目（#${same[0]!.id}）`,
      whatEn: `the subject already has an entry on this list, waiting or in force (#${same[0]!.id})`,
      code: 'duplicate',
      entryId: same[0]!.id,
    });
  }
}

/**
 * Approve or reject a proposed entry. Black wins over red and white (shared/domain/listRules.ts):
 * approving black ends the subject's red and white entries; approving red or white while the
 * subject is on the black list or is a key monitoring object (no honours for either) is refused
 * with CONFLICT.
 */
/** Four eyes (settings.fourEyes): the proposer may not approve where another administrator could. */
function mustBeAnother(inst: Installation, id: number, by: number): boolean {
  if (!readSettings(inst).fourEyes) return false;
  const raw = inst.open().raw;
  const proposer = raw.prepare('SELECT proposed_by FROM list_entries WHERE id = ?').pluck().get(id) as number;
  const admins = raw.prepare("SELECT count(*) FROM users WHERE role = 'bureau_admin' AND active = 1").pluck().get() as number;
  return proposer === by && admins >= 2;
}

export function decideEntry(inst: Installation, by: number, id: number, decision: 'approve' | 'reject', reason: string): { entry: ListEntryView; ended: number[] } {
  const raw = inst.open().raw;
  const today = todayOf(inst);
  const e = getEntry(raw, id, today);
  if (e.state !== 'proposed') refuse(`名单条目已${e.state === 'approved' ? '批准' : e.state === 'rejected' ? '驳回' : '结束'}，不能再审核`, `the entry is already ${e.state}; it cannot be decided again`, 'notProposed');
  const ended: number[] = [];
  if (decision === 'approve') {
    if (mustBeAnother(inst, id, by)) refuse('提名人不能批准自己的提名：本局有两名及以上信用管理员，须由另一名管理员审核批准', 'the one who proposed an entry cannot approve it: with two administrators or more, another one approves', 'fourEyes');
    if (e.endOn < today) refuse(`名单条目的截止日期 ${e.endOn} 已过，不能批准`, `the entry ended on ${e.endOn}; it cannot be approved`, 'expired');
    if (DISPLACED_BY_BLACK.includes(e.list)) {
      const bar = pendingOrCurrent(raw, e.subjectKind, e.subjectKey, BARS_HONOURS, today).find((b) => b.state === 'approved');
      if (bar) {
        throw new AppError('CONFLICT', {
          what: `${e.subjectName}已列入${LIST_NAMES['zh-CN'][bar.list]}（#${bar.id}），不能列入${LIST_NAMES['zh-CN'][e.list]}`,
          whatEn: `${e.subjectName} is on the ${LIST_NAMES.en[bar.list]} (#${bar.id}) and cannot go on the ${LIST_NAMES.en[e.list]}`,
          code: bar.list === 'black' ? 'onBlackList' : 'onKeyMonitoring',
          entryId: bar.id,
        });
      }
    }
    if (e.list === 'black') {
      for (const d of pendingOrCurrent(raw, e.subjectKind, e.subjectKey, DISPLACED_BY_BLACK, today).filter((x) => x.state === 'approved')) {
        endEntry(inst, d.id, `列入黑名单（#${id}）`);
        ended.push(d.id);
      }
    }
  }
  raw
    .prepare('UPDATE list_entries SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ? WHERE id = ?')
    .run(decision === 'approve' ? 'approved' : 'rejected', by, inst.clock.now().toISOString(), reason, id);
  return { entry: getEntry(raw, id, today), ended };
}

export function setPublished(inst: Installation, id: number, published: boolean): ListEntryView {
  const raw = inst.open().raw;
  const today = todayOf(inst);
  const e = getEntry(raw, id, today);
  if (published && e.state !== 'approved') refuse('只有已批准的名单条目可以公示', 'only an approved entry can be published', 'notApproved');
  if (e.published === published) refuse(published ? '名单条目已公示' : '名单条目未公示', published ? 'the entry is already published' : 'the entry is not published', published ? 'alreadyPublished' : 'notPublished');
  raw.prepare('UPDATE list_entries SET published = ?, published_at = ? WHERE id = ?').run(published ? 1 : 0, published ? inst.clock.now().toISOString() : null, id);
  return getEntry(raw, id, today);
}

/** Ends an entry early by hand. A case's entry follows its case: it ends when the case moves on or is lifted. */
export function endEarly(inst: Installation, id: number, reason: string): ListEntryView {
  const raw = inst.open().raw;
  const today = todayOf(inst);
  const e = getEntry(raw, id, today);
  if (e.state !== 'approved') refuse('只有已批准的名单条目可以提前结束', 'only an approved entry can be ended early', 'notApproved');
  if (e.origin === 'case') refuse(`该条目由负面清单案件 ${e.caseNumber ?? ''} 产生，请在案件中解除`, `the entry follows negative-list case ${e.caseNumber ?? ''}; lift it in the case`, 'caseEntry');
  endEntry(inst, id, reason);
  return getEntry(raw, id, today);
}
