// The zh-CN words a refusal carries (core): SUBJECT_RESTRICTED's params are worded here, since the
// message template (shared/api/messages.ts) takes them as they are, in either language.
import type { ReviewView } from '../../../shared/api/routes/decisions';
import type { DecisionKind } from '../../../shared/domain/restrictions';
import type { ListKind } from '../../../shared/domain/supervision';

const ACTION_ZH: Record<DecisionKind, string> = {
  funding: '获得专项资金或补助',
  honour: '参加评优评先或获得荣誉',
  evaluation: '参加评估评价',
};

const KIND_ZH: Record<DecisionKind, string> = { funding: '专项资金', honour: '评优评先', evaluation: '评估评价' };

/** Why a request does not fit its round, for INVALID_INPUT. */
export function requestMismatch(kind: DecisionKind): string {
  return `本轮是${KIND_ZH[kind]}，申请内容应与之相符`;
}

const LIST_ZH: Record<ListKind, string> = {
  red: '红名单',
  black: '黑名单',
  white: '白名单',
  key_supervision: '重点监管名单',
  key_monitoring: '重点监控对象',
};

/** The params of SUBJECT_RESTRICTED for a refused review: who, what they cannot do, and why. */
export function restrictedParams(review: ReviewView): { subject: string; action: string; reason: string } {
  const why = review.reasons
    .filter((r) => r.effect === 'refuse')
    .map((r) => (r.source === 'list' ? `已列入${LIST_ZH[r.list]}` : `信用等级为 ${r.grade} 级`));
  return { subject: review.name, action: ACTION_ZH[review.action], reason: why.join('；') };
}
