// The app's one vocabulary (pure): the words for statuses, kinds and classes in both languages, so
// the screens, the PDFs, the exported workbooks and the CLI call one thing by one name (公示期
// everywhere, 在职 for teachers and 在校 for students). The renderer's language files take these
// groups as they are; the core words its documents with them.
import type { Lang } from './api/messages';

const zhCN = {
  recordStatus: {
    active: '有效',
    disputed: '异议中',
    amended: '已更正',
    revoked: '已撤销',
    repaired: '已修复',
    released: '已解除',
    expired: '已过公示期',
    revocation: '撤销记录',
  },
  recordKind: { original: '原始记录', amendment: '更正记录', revocation: '撤销记录' },
  infoClass: { government: '政务信用信息', enforcement: '行政执法信用信息', education: '教育信用信息' },
  /** The short form, for a table column. */
  infoClassShort: { government: '政务', enforcement: '行政执法', education: '教育' },
  polarity: { positive: '守信', negative: '失信' },
  gender: { male: '男', female: '女' },
  teacherStatus: { active: '在职', inactive: '已停用' },
  studentStatus: { active: '在校', inactive: '已停用' },
  reportStatus: { unconfirmed: '未确认', confirmed: '已确认', superseded: '已被取代' },
  confirmationKind: { signature: '教师电子签名', paper: '纸质签字' },
  objectionDecision: { pending: '待处理', upheld: '异议成立', rejected: '异议不成立' },
  role: {
    school_admin: '学校管理员',
    records_clerk: '德育/教务干事',
    teacher: '教师',
    bureau_admin: '教体局信用管理员',
    bureau_inspector: '执法/督导人员',
    auditor: '审计（只读）',
  },
  subjectKind: { teacher: '教师', student: '学生', public_school: '公办学校', private_school: '民办学校', training: '培训机构', practitioner: '从业人员' },
  /** The period a record stays public and counts. */
  disclosure: '公示期',
};

export type Vocabulary = { [G in keyof typeof zhCN]: (typeof zhCN)[G] extends string ? string : { [K in keyof (typeof zhCN)[G]]: string } };

const en: Vocabulary = {
  recordStatus: {
    active: 'Active',
    disputed: 'Disputed',
    amended: 'Amended',
    revoked: 'Revoked',
    repaired: 'Repaired',
    released: 'Released',
    expired: 'Expired',
    revocation: 'Revocation',
  },
  recordKind: { original: 'Original record', amendment: 'Amendment', revocation: 'Revocation' },
  infoClass: { government: 'Government affairs', enforcement: 'Law enforcement', education: 'Education' },
  infoClassShort: { government: 'Government', enforcement: 'Enforcement', education: 'Education' },
  polarity: { positive: 'Positive', negative: 'Negative' },
  gender: { male: 'Male', female: 'Female' },
  teacherStatus: { active: 'Employed', inactive: 'Deactivated' },
  studentStatus: { active: 'Enrolled', inactive: 'Deactivated' },
  reportStatus: { unconfirmed: 'Unconfirmed', confirmed: 'Confirmed', superseded: 'Superseded' },
  confirmationKind: { signature: 'Teacher\'s electronic signature', paper: 'Signed on paper' },
  objectionDecision: { pending: 'Pending', upheld: 'Upheld', rejected: 'Rejected' },
  role: {
    school_admin: 'School administrator',
    records_clerk: 'Records clerk',
    teacher: 'Teacher',
    bureau_admin: 'Bureau credit administrator',
    bureau_inspector: 'Inspector',
    auditor: 'Auditor (read only)',
  },
  subjectKind: { teacher: 'Teachers', student: 'Students', public_school: 'Public schools', private_school: 'Private schools', training: 'Training institutions', practitioner: 'Practitioners' },
  disclosure: 'disclosure period',
};

export const VOCABULARY: Record<Lang, Vocabulary> = { 'zh-CN': zhCN, en };

type Group = { [G in keyof Vocabulary]: Vocabulary[G] extends string ? never : G }[keyof Vocabulary];

/** One term: term('zh-CN', 'recordStatus', 'expired') is 已过公示期. An unknown key is itself. */
export function term<G extends Group>(lang: Lang, group: G, key: string): string {
  const words = VOCABULARY[lang][group] as Record<string, string>;
  return words[key] ?? key;
}
