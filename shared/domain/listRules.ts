// The rules that propose red, black and white list entries from institutions' grades (plan
// measures 1 and 3), and how the lists relate. Pure and versioned like the grading rules: a new
// version is appended, never edited, and each proposal names the rule (`v1/black-d`) it came from.
// A rule only proposes: a bureau administrator approves or rejects every entry with a reason.
import dayjs from 'dayjs';
import type { Polarity } from './catalogue';
import type { Grade } from './creditRules';
import type { InstitutionKind, ListKind } from './supervision';

/** What a rule reads of one institution: its grade today and its counting records. */
export interface RuleSubject {
  kind: InstitutionKind;
  grade: Grade;
  /** Its counting records (active or disputed): catalogue code and polarity. */
  counting: readonly { code: string; polarity: Polarity }[];
  /** Days of its penalty records (I-PN1/2/3) not revoked, whatever their status. */
  penaltyDays: readonly string[];
}

export interface ListRule {
  id: string;
  list: Extract<ListKind, 'red' | 'black' | 'white' | 'key_supervision'>;
  kinds: readonly InstitutionKind[];
  /** The reason the proposal carries, in zh-CN (a list's reason is a public text at the bureau). */
  reasonZh: string;
  reasonEn: string;
  applies(s: RuleSubject, today: string): boolean;
}

export interface ListRuleSet {
  version: number;
  effectiveFrom: string;
  rules: readonly ListRule[];
}

const COMMENDATIONS = ['I-C01', 'I-C02'];
const PENALTY_YEARS = 3;

const V1: ListRuleSet = {
  version: 1,
  effectiveFrom: '2026-01-01',
  rules: [
    {
      id: 'v1/black-d',
      list: 'black',
      kinds: ['public_school', 'private_school', 'training'],
      reasonZh: '信用等级为 D（严重失信）',
      reasonEn: 'Graded D (seriously untrustworthy)',
      applies: (s) => s.grade === 'D',
    },
    {
      id: 'v1/red-a-commended',
      list: 'red',
      kinds: ['public_school', 'private_school', 'training'],
      reasonZh: '信用等级为 A，有仍在公示期内的表彰或荣誉，无计分的失信记录',
      reasonEn: 'Graded A, with a commendation or honour in force and no counting negative record',
      applies: (s) => s.grade === 'A' && s.counting.some((r) => COMMENDATIONS.includes(r.code)) && s.counting.every((r) => r.polarity !== 'negative'),
    },
    {
      id: 'v1/white-training-a',
      list: 'white',
      kinds: ['training'],
      reasonZh: `培训机构信用等级为 A，近 ${PENALTY_YEARS} 年无行政处罚`,
      reasonEn: `Training institution graded A with no administrative penalty in ${PENALTY_YEARS} years`,
      applies: (s, today) => {
        const since = dayjs(today).subtract(PENALTY_YEARS, 'year').format('YYYY-MM-DD');
        return s.grade === 'A' && s.penaltyDays.every((d) => d < since);
      },
    },
  ],
};

/** How far back a penalty on a private school puts it up for key supervision. */
export const PENALTY_SUPERVISION_MONTHS = 12;

/**
 * Version 2 (plan measure 2): a private school that received an education administrative penalty
 * goes on the key supervision list — proposed here, decided by an administrator. A penalty
 * recorded while the school has a case open moves the case instead (cases/penaltyLink.ts).
 */
const V2: ListRuleSet = {
  version: 2,
  effectiveFrom: '2026-12-01',
  rules: [
    ...V1.rules,
    {
      id: 'v2/key-supervision-penalty',
      list: 'key_supervision',
      kinds: ['private_school'],
      reasonZh: `民办学校近 ${PENALTY_SUPERVISION_MONTHS} 个月内受到教育行政处罚，按负面清单管理应列入重点监管名单`,
      reasonEn: `Private school given an education administrative penalty in the last ${PENALTY_SUPERVISION_MONTHS} months: key supervision under the negative list`,
      applies: (s, today) => {
        const since = dayjs(today).subtract(PENALTY_SUPERVISION_MONTHS, 'month').format('YYYY-MM-DD');
        return s.penaltyDays.some((d) => d >= since && d <= today);
      },
    },
  ],
};

export const LIST_RULE_SETS: readonly ListRuleSet[] = [V1, V2];
export const CURRENT_LIST_RULES: ListRuleSet = LIST_RULE_SETS[LIST_RULE_SETS.length - 1]!;

export const PENALTY_CODES: readonly string[] = ['I-PN1', 'I-PN2', 'I-PN3'];

/** How long an entry runs by default, in months, from its start (an administrator may set another end). */
export const LIST_MONTHS: Record<ListKind, number> = { red: 12, white: 12, black: 36, key_supervision: 12, key_monitoring: 36 };

/**
 * Lists that cannot stand together: a subject on the black list is on no red or white list.
 * Approving a black entry ends the subject's red and white entries (the later, worse fact wins);
 * approving a red or white entry while a black one is in force is refused.
 */
export const DISPLACED_BY_BLACK: readonly ListKind[] = ['red', 'white'];

/** Lists whose subjects may not be honoured: a red or white entry for them is refused. */
export const BARS_HONOURS: readonly ListKind[] = ['black', 'key_monitoring'];

/** The rules that propose `subject` onto a list today. */
export function proposalsFor(s: RuleSubject, today: string, set: ListRuleSet = CURRENT_LIST_RULES): ListRule[] {
  return set.rules.filter((r) => r.kinds.includes(s.kind) && r.applies(s, today));
}
