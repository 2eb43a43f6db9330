// Words for grades and for the steps of a grade's explanation, in both languages: the UI shows them,
// the CLI prints them. Pure: a step is a message key and its values (shared/domain/grading.ts).
import type { Grade, RecordStatus } from '../domain/creditRules';
import { CURRENT_RULES, rulesOf, type GradeStep } from '../domain/grading';
import type { ListKind, SupervisedKind } from '../domain/supervision';
import type { Lang } from './messages';
import { term } from '../vocabulary';

export const GRADE_NAMES: Record<Lang, Record<Grade, string>> = {
  'zh-CN': { A: '守信', B: '基本守信', C: '失信', D: '严重失信' },
  en: { A: 'Trustworthy', B: 'Basically trustworthy', C: 'Untrustworthy', D: 'Seriously untrustworthy' },
};

export const LIST_NAMES: Record<Lang, Record<ListKind, string>> = {
  'zh-CN': { red: '红名单', black: '黑名单', white: '白名单', key_supervision: '重点监管名单', key_monitoring: '重点监控对象' },
  en: { red: 'red list', black: 'black list', white: 'white list', key_supervision: 'key supervision list', key_monitoring: 'key monitoring objects' },
};

export const SUBJECT_KIND_NAMES: Record<Lang, Record<SupervisedKind, string>> = {
  'zh-CN': { institution: '机构', practitioner: '从业人员', teacher: '教师' },
  en: { institution: 'Institutions', practitioner: 'Practitioners', teacher: 'Teachers' },
};

/** "A 守信" / "A (Trustworthy)". */
export function gradeLabel(grade: Grade, lang: Lang): string {
  return lang === 'en' ? `${grade} (${GRADE_NAMES.en[grade]})` : `${grade} ${GRADE_NAMES['zh-CN'][grade]}`;
}

export function statusName(status: RecordStatus, lang: Lang): string {
  return lang === 'en' ? term(lang, 'recordStatus', status).toLowerCase() : term(lang, 'recordStatus', status);
}

/** "I-PN2 行政处罚（罚款）" when the name is known, else the code alone. */
export function itemLabel(code: string, itemNames?: ReadonlyMap<string, string>): string {
  const name = itemNames?.get(code);
  return name ? `${code} ${name}` : code;
}

/**
 * What a step says, without its points (the UI puts those in a column of their own, beside the
 * grade a deciding step gives). `rulesVersion` names the rules the grade was made under.
 */
export function stepText(step: GradeStep, lang: Lang, itemNames?: ReadonlyMap<string, string>, rulesVersion: number = CURRENT_RULES.version): string {
  const zh = lang === 'zh-CN';
  switch (step.key) {
    case 'base':
      return zh ? '基础分' : 'Base score';
    case 'record': {
      const item = itemLabel(step.code, itemNames);
      if (step.counted) return zh ? `记录 #${step.recordId} ${item}（${statusName(step.status, lang)}，计分）` : `Record #${step.recordId} ${item} (${statusName(step.status, lang)}, counts)`;
      return zh
        ? `记录 #${step.recordId} ${item}：${statusName(step.status, lang)}，不计分`
        : `Record #${step.recordId} ${item}: ${statusName(step.status, lang)}, does not count`;
    }
    case 'threshold':
      return zh ? `得分 ${step.score} 分，不低于 ${step.min} 分，评为 ${step.grade} 级` : `Score ${step.score} is at least ${step.min}: grade ${step.grade}`;
    case 'belowAll':
      return zh ? `得分 ${step.score} 分，低于 ${step.min} 分，评为 D 级` : `Score ${step.score} is below ${step.min}: grade D`;
    case 'severe': {
      const ids = step.recordIds.map((id) => `#${id}`).join(zh ? '、' : ', ');
      const limit = Math.abs((rulesOf(rulesVersion) ?? CURRENT_RULES).severePoints);
      return zh
        ? `严重失信：记录 ${ids} 单条扣分达 ${limit} 分及以上，无论得分多少均为 D 级`
        : `Serious breach: record ${ids} takes ${limit} points or more on its own, so the grade is D whatever the score`;
    }
    case 'listCap':
      return zh ? `列入${LIST_NAMES[lang][step.list]}，等级最高为 ${step.cap} 级` : `On the ${LIST_NAMES[lang][step.list]}: graded no better than ${step.cap}`;
  }
}

/** The points a step adds to the score, or null for a step that decides the grade instead. */
export function stepPoints(step: GradeStep): number | null {
  if (step.key === 'base' || step.key === 'record') return step.points;
  return null;
}

/** Headings of an explanation table. */
export const EXPLANATION_WORDS: Record<Lang, { step: string; points: string; total: string; rules: string }> = {
  'zh-CN': { step: '评分步骤', points: '分值', total: '合计', rules: '评分规则第 {v} 版' },
  en: { step: 'Step', points: 'Points', total: 'Total', rules: 'Rules version {v}' },
};
