// What an education administrative penalty on a private school sets going (core), in the
// transaction that records it (plan measure 2: a penalised school goes under key supervision).
// With a case open, the case moves on (recordPenalty → key supervision, its entry approved with
// the case) when an administrator records the penalty; otherwise — no case open, or an inspector
// recording it — key supervision is proposed for an administrator to decide, by rule
// v2/key-supervision-penalty, unless the school already waits for or holds it.
import { AppError } from '../../../shared/api/errors';
import type { Installation } from '../app/installation';
import { today as todayOf } from '../clock';
import { insertEntry } from '../lists/entries';
import { pendingOrCurrent } from '../lists/query';
import { applyMove, checkMove, type Actor } from './workflow';

export const PENALTY_RULE = 'v2/key-supervision-penalty';

export type PenaltyFollowUp =
  | { kind: 'caseMoved'; caseId: number; caseNumber: string; listEntryId: number | null }
  | { kind: 'proposed'; listEntryId: number }
  | { kind: 'alreadyListed'; listEntryId: number };

export function followPenalty(inst: Installation, s: Actor, institutionId: number, penalty: { docNo: string; decidedOn: string }): PenaltyFollowUp | null {
  const raw = inst.open().raw;
  const school = raw.prepare('SELECT name, kind FROM institutions WHERE id = ?').get(institutionId) as { name: string; kind: string } | undefined;
  if (!school || school.kind !== 'private_school') return null;
  const why = `行政处罚 ${penalty.docNo}（${penalty.decidedOn}）`;
  const open = raw.prepare("SELECT id, number FROM negative_cases WHERE institution_id = ? AND state IN ('open', 'notice_issued') ORDER BY id DESC LIMIT 1").get(institutionId) as
    | { id: number; number: string }
    | undefined;
  if (open && s.role === 'bureau_admin') {
    const move = { event: 'recordPenalty' as const, reason: why, occurredOn: penalty.decidedOn };
    try {
      const moved = applyMove(inst, s, checkMove(inst, s, open.id, move, 'penalties.create'), move);
      return { kind: 'caseMoved', caseId: open.id, caseNumber: open.number, listEntryId: moved.listEntryId };
    } catch (e) {
      // A penalty decided before the case's last step cannot move it: it is proposed instead.
      if (!(e instanceof AppError) || e.code !== 'INVALID_TRANSITION') throw e;
    }
  }
  const today = todayOf(inst);
  const held = pendingOrCurrent(raw, 'institution', String(institutionId), ['key_supervision'], today)[0];
  if (held) return { kind: 'alreadyListed', listEntryId: held.id };
  const listEntryId = insertEntry(inst, {
    list: 'key_supervision',
    subjectKind: 'institution',
    subjectKey: String(institutionId),
    subjectName: school.name,
    origin: 'rule',
    rule: PENALTY_RULE,
    caseId: null,
    reason: `受到教育行政处罚（${why}）：按负面清单管理应列入重点监管名单`,
    startOn: today,
    endOn: null,
    by: s.userId,
    approved: null,
  });
  return { kind: 'proposed', listEntryId };
}
