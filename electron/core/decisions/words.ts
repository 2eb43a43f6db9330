// The words a restriction refusal carries (core): SUBJECT_RESTRICTED's params are worded here in
// Chinese (`action`, `reason`) and English (`actionEn`, `reasonEn`); formatError picks the language.
import { LIST_NAMES } from '../../../shared/api/gradingMessages';
import type { ReviewView } from '../../../shared/api/routes/decisions';
import type { DecisionKind } from '../../../shared/domain/restrictions';

const ACTION: Record<'zh' | 'en', Record<DecisionKind, string>> = {
  zh: { funding: '获得专项资金或补助', honour: '参加评优评先或获得荣誉', evaluation: '参加评估评价' },
  en: { funding: 'receive special funds or subsidies', honour: 'compete for or receive honours', evaluation: 'take part in evaluations' },
};

/** The params of SUBJECT_RESTRICTED for a refused review: who, what they cannot do, and why. */
export function restrictedParams(review: ReviewView): { subject: string; action: string; reason: string; actionEn: string; reasonEn: string } {
  const refusing = review.reasons.filter((r) => r.effect === 'refuse');
  const zh = refusing.map((r) => (r.source === 'list' ? `已列入${LIST_NAMES['zh-CN'][r.list]}` : `信用等级为 ${r.grade} 级`));
  const en = refusing.map((r) => (r.source === 'list' ? `on the ${LIST_NAMES.en[r.list]}` : `credit grade ${r.grade}`));
  return { subject: review.name, action: ACTION.zh[review.action], reason: zh.join('；'), actionEn: ACTION.en[review.action], reasonEn: en.join('; ') };
}
