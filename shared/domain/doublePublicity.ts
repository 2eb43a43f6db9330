// 双公示: the national field lists of 行政许可 (licences) and 行政处罚 (penalties) as the bureau
// records and exports them (docs/DOUBLE-PUBLICITY.md names every field and the source). The common
// fields are columns of enforcement_decisions; the rest of a decision's fields are checked here and
// kept as JSON. The export writes the columns in the national order below. Pure.
import { z } from 'zod';

/** A calendar date (YYYY-MM-DD) that is a real day. */
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date' })
  // zod runs a refinement even after the regex failed: parse first, as new Date('…').toISOString() throws on nonsense.
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'date' });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default('');

export const DECISION_KINDS = ['licence', 'penalty'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** 许可类别 of the standard: 普通、特许、认可、核准、登记、其他. */
export const LICENCE_CATEGORIES = ['ordinary', 'franchise', 'recognition', 'approval', 'registration', 'other'] as const;
export type LicenceCategory = (typeof LICENCE_CATEGORIES)[number];
export const LICENCE_CATEGORY_ZH: Record<LicenceCategory, string> = {
  ordinary: '普通',
  franchise: '特许',
  recognition: '认可',
  approval: '核准',
  registration: '登记',
  other: '其他',
};

/**
 * 处罚类别 an education bureau imposes on a school or training institution (行政处罚法 art. 9,
 * 民办教育促进法 art. 62), from the lightest. A decision may impose several (并处).
 */
export const PENALTY_CATEGORIES = ['warning', 'criticism', 'fine', 'confiscation', 'stopEnrolment', 'licenceRevoked'] as const;
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];
export const PENALTY_CATEGORY_ZH: Record<PenaltyCategory, string> = {
  warning: '警告',
  criticism: '通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  stopEnrolment: '责令停止招生',
  licenceRevoked: '吊销办学许可证',
};

/** The catalogue item a penalty puts in the credit file: the heaviest category decides. */
const PENALTY_ITEM: Record<PenaltyCategory, 'I-PN1' | 'I-PN2' | 'I-PN3'> = {
  warning: 'I-PN1',
  criticism: 'I-PN1',
  fine: 'I-PN2',
  confiscation: 'I-PN2',
  stopEnrolment: 'I-PN3',
  licenceRevoked: 'I-PN3',
};

export function penaltyItemCode(categories: readonly PenaltyCategory[]): 'I-PN1' | 'I-PN2' | 'I-PN3' {
  const codes = categories.map((c) => PENALTY_ITEM[c]);
  return codes.includes('I-PN3') ? 'I-PN3' : codes.includes('I-PN2') ? 'I-PN2' : 'I-PN1';
}

/** The common fields, kept as columns: document number, dates, content, the deciding authority. */
export const decisionCommon = z.object({
  /** 行政许可决定文书号 / 行政处罚决定书文号 */
  docNo: text(128),
  /** 许可决定日期 / 处罚决定日期 */
  decidedOn: day,
  /** 许可内容 / 处罚内容 */
  content: text(2000),
  /** 许可机关 / 处罚机关 */
  authority: text(200),
  /** 许可机关统一社会信用代码 / 处罚机关统一社会信用代码 (checked against GB 32100 by the core) */
  authorityUscc: z.string().trim().min(1).max(18),
});

/** The licence's own fields (JSON), beside its validity (有效期自, 有效期至: columns). */
export const licenceFields = z.object({
  /** 行政许可决定文书名称 */
  docName: text(200),
  /** 许可类别 */
  category: z.enum(LICENCE_CATEGORIES),
  /** 许可证书名称 */
  certName: text(100),
  /** 许可编号: the 办学许可证 number, which the registry shows. Optional in the standard, required here. */
  certNo: text(64),
  /** 备注 */
  note: optionalText(500),
});
export type LicenceFields = z.output<typeof licenceFields>;

export const licenceInput = decisionCommon.extend({
  /** 有效期自 */
  validFrom: day,
  /** 有效期至 (2099-12-31 means 长期) */
  validUntil: day,
  fields: licenceFields,
});

/** Amounts are in 万元, as the standard has them, with at most six decimals (one yuan is 0.0001). */
const wan = z.number().min(0).max(1_000_000).nullable().default(null);

export const penaltyFields = z
  .object({
    /** 违法行为类型 */
    violationType: text(200),
    /** 违法事实 */
    facts: text(4000),
    /** 处罚依据 */
    basis: text(2000),
    /** 处罚类别 */
    categories: z.array(z.enum(PENALTY_CATEGORIES)).min(1).max(PENALTY_CATEGORIES.length),
    /** 罚款金额（万元）: required when the categories include a fine. */
    fineWan: wan,
    /** 没收违法所得、没收非法财物的金额（万元）: required with confiscation. */
    confiscatedWan: wan,
    /** 暂扣或吊销证照名称及编号: required when a licence is revoked. */
    revokedLicence: optionalText(200),
    /** 公示截止期 */
    publicUntil: day.nullable().default(null),
    /** 备注 */
    note: optionalText(500),
  })
  .superRefine((f, ctx) => {
    if (new Set(f.categories).size !== f.categories.length) ctx.addIssue({ code: 'custom', path: ['categories'], message: 'duplicate' });
    if (f.categories.includes('fine') && !(f.fineWan && f.fineWan > 0)) ctx.addIssue({ code: 'custom', path: ['fineWan'], message: 'fineRequired' });
    if (f.categories.includes('confiscation') && !(f.confiscatedWan && f.confiscatedWan > 0)) {
      ctx.addIssue({ code: 'custom', path: ['confiscatedWan'], message: 'confiscationRequired' });
    }
    if (f.categories.includes('licenceRevoked') && !f.revokedLicence) ctx.addIssue({ code: 'custom', path: ['revokedLicence'], message: 'revokedLicenceRequired' });
  });
export type PenaltyFields = z.output<typeof penaltyFields>;

export const penaltyInput = decisionCommon.extend({
  /** 处罚有效期: the last day the penalty has effect. */
  validUntil: day,
  fields: penaltyFields,
});

/** 行政相对人类别 of every subject here: schools and institutions are organisations. */
export const SUBJECT_CATEGORY_ZH = '法人及非法人组织';

/** 组织机构代码 (GB 11714) sits inside a USCC, characters 9–17: 8 characters, a hyphen, the check character. */
export function orgCodeOf(uscc: string): string {
  return uscc.length === 18 ? `${uscc.slice(8, 16)}-${uscc.slice(16, 17)}` : '';
}

export type FieldNeed = 'required' | 'conditional' | 'optional';

/** One column of the national layout: its Chinese name, its code in the exchange format, and whether it must be filled. */
export interface PublicityColumn {
  code: string;
  zh: string;
  need: FieldNeed;
}

const col = (code: string, zh: string, need: FieldNeed): PublicityColumn => ({ code, zh, need });

/** 行政许可 columns in the national order. */
export const LICENCE_COLUMNS: readonly PublicityColumn[] = [
  col('XK_XDR_MC', '行政相对人名称', 'required'),
  col('XK_XDR_LB', '行政相对人类别', 'required'),
  col('XK_XDR_SHXYM', '行政相对人代码_1(统一社会信用代码)', 'conditional'),
  col('XK_XDR_GSZC', '行政相对人代码_2(工商注册号)', 'optional'),
  col('XK_XDR_ZZJG', '行政相对人代码_3(组织机构代码)', 'optional'),
  col('XK_XDR_SWDJ', '行政相对人代码_4(税务登记号)', 'optional'),
  col('XK_XDR_SYDW', '行政相对人代码_5(事业单位证书号)', 'optional'),
  col('XK_XDR_SHZZ', '行政相对人代码_6(社会组织登记证号)', 'optional'),
  col('XK_FRDB', '法定代表人', 'conditional'),
  col('XK_FR_ZJLX', '法定代表人证件类型', 'optional'),
  col('XK_FR_ZJHM', '法定代表人证件号码', 'optional'),
  col('XK_XDR_ZJLX', '证件类型', 'conditional'),
  col('XK_XDR_ZJHM', '证件号码', 'conditional'),
  col('XK_XKWS', '行政许可决定文书名称', 'required'),
  col('XK_WSH', '行政许可决定文书号', 'required'),
  col('XK_XKLB', '许可类别', 'required'),
  col('XK_XKZS', '许可证书名称', 'optional'),
  col('XK_XKBH', '许可编号', 'optional'),
  col('XK_NR', '许可内容', 'required'),
  col('XK_JDRQ', '许可决定日期', 'required'),
  col('XK_YXQZ', '有效期自', 'required'),
  col('XK_YXQZI', '有效期至', 'required'),
  col('XK_XKJG', '许可机关', 'required'),
  col('XK_XKJGDM', '许可机关统一社会信用代码', 'required'),
  col('XK_ZT', '当前状态', 'required'),
  col('XK_LYDW', '数据来源单位', 'required'),
  col('XK_LYDWDM', '数据来源单位统一社会信用代码', 'required'),
  col('BZ', '备注', 'optional'),
];

/** 行政处罚 columns in the national order. */
export const PENALTY_COLUMNS: readonly PublicityColumn[] = [
  col('CF_XDR_MC', '行政相对人名称', 'required'),
  col('CF_XDR_LB', '行政相对人类别', 'required'),
  col('CF_XDR_SHXYM', '行政相对人代码_1(统一社会信用代码)', 'conditional'),
  col('CF_XDR_GSZC', '行政相对人代码_2(工商注册号)', 'optional'),
  col('CF_XDR_ZZJG', '行政相对人代码_3(组织机构代码)', 'optional'),
  col('CF_XDR_SWDJ', '行政相对人代码_4(税务登记号)', 'optional'),
  col('CF_XDR_SYDW', '行政相对人代码_5(事业单位证书号)', 'optional'),
  col('CF_XDR_SHZZ', '行政相对人代码_6(社会组织登记证号)', 'optional'),
  col('CF_FRDB', '法定代表人', 'conditional'),
  col('CF_FR_ZJLX', '法定代表人证件类型', 'optional'),
  col('CF_FR_ZJHM', '法定代表人证件号码', 'optional'),
  col('CF_XDR_ZJLX', '证件类型', 'conditional'),
  col('CF_XDR_ZJHM', '证件号码', 'conditional'),
  col('CF_WSH', '行政处罚决定书文号', 'required'),
  col('CF_WFXW', '违法行为类型', 'required'),
  col('CF_SY', '违法事实', 'required'),
  col('CF_YJ', '处罚依据', 'required'),
  col('CF_CFLB', '处罚类别', 'required'),
  col('CF_NR', '处罚内容', 'required'),
  col('CF_NR_FK', '罚款金额（万元）', 'conditional'),
  col('CF_NR_WFFF', '没收违法所得、没收非法财物的金额（万元）', 'conditional'),
  col('CF_NR_ZKDX', '暂扣或吊销证照名称及编号', 'conditional'),
  col('CF_JDRQ', '处罚决定日期', 'required'),
  col('CF_YXQ', '处罚有效期', 'required'),
  col('CF_GSJZQ', '公示截止期', 'optional'),
  col('CF_CFJG', '处罚机关', 'required'),
  col('CF_CFJGDM', '处罚机关统一社会信用代码', 'required'),
  col('CF_SJLY', '数据来源单位', 'required'),
  col('CF_SJLYDM', '数据来源单位统一社会信用代码', 'required'),
  col('BZ', '备注', 'optional'),
];
