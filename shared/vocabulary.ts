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
  institutionKind: { public_school: '公办学校', private_school: '民办学校', training: '培训机构' },
  institutionStatus: { active: '正常', suspended: '暂停办学', closed: '已终止' },
  grade: { A: 'A 守信', B: 'B 基本守信', C: 'C 失信', D: 'D 严重失信' },
  listKind: { red: '红名单', black: '黑名单', white: '白名单', key_supervision: '重点监管名单', key_monitoring: '重点监控对象' },
  listState: { proposed: '待审核', approved: '已批准', rejected: '已驳回', ended: '已结束' },
  caseState: {
    open: '已立案',
    notice_issued: '已下达整改通知',
    closed: '按期整改结案',
    key_supervision: '重点监管',
    key_monitoring: '重点监控对象',
    lifted: '已解除',
    withdrawn: '已撤销立案',
  },
  caseEvent: {
    open: '立案',
    issueNotice: '下达整改通知',
    confirmRectified: '确认按期整改',
    markOverdue: '认定逾期未整改',
    recordPenalty: '记录教育行政处罚',
    recordSeriousPenalty: '记录严重行政处罚',
    recordJudgmentDebtor: '记录失信被执行人',
    lift: '解除监管',
    withdraw: '撤销立案',
  },
  roundKind: { funding: '专项资金、补助', honour: '评优评先', evaluation: '评估评价' },
  verdict: { allowed: '可以批准', flagged: '须审慎', refused: '不得批准' },
  effect: { refuse: '不得获得', lower: '取消或降低评估等级', flag: '须审慎审查' },
  outcome: { granted: '批准', declined: '不予批准', pending: '待决定' },
  planKind: { routine: '日常检查', spot: '专项抽查', double_random: '双随机抽查' },
  inspectionState: { planned: '待检查', done: '已完成', cancelled: '已取消' },
  inspectionResult: { pass: '未发现问题', problems: '发现问题，责令整改', serious: '发现严重问题' },
  conclusion: { qualified: '合格', basically: '基本合格', unqualified: '不合格' },
  licenceCategory: { ordinary: '普通', franchise: '特许', recognition: '认可', approval: '核准', registration: '登记', other: '其他' },
  penaltyCategory: { warning: '警告', criticism: '通报批评', fine: '罚款', confiscation: '没收违法所得、没收非法财物', stopEnrolment: '责令停止招生', licenceRevoked: '吊销办学许可证' },
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
  institutionKind: { public_school: 'Public school', private_school: 'Private school', training: 'Training institution' },
  institutionStatus: { active: 'Active', suspended: 'Suspended', closed: 'Closed' },
  grade: { A: 'A trustworthy', B: 'B mostly trustworthy', C: 'C untrustworthy', D: 'D seriously untrustworthy' },
  listKind: { red: 'Red list', black: 'Black list', white: 'White list', key_supervision: 'Key supervision', key_monitoring: 'Key monitoring' },
  listState: { proposed: 'Proposed', approved: 'Approved', rejected: 'Rejected', ended: 'Ended' },
  caseState: {
    open: 'Opened',
    notice_issued: 'Notice issued',
    closed: 'Rectified, closed',
    key_supervision: 'Key supervision',
    key_monitoring: 'Key monitoring',
    lifted: 'Lifted',
    withdrawn: 'Withdrawn',
  },
  caseEvent: {
    open: 'Case opened',
    issueNotice: 'Issue notice',
    confirmRectified: 'Confirm rectified',
    markOverdue: 'Mark overdue',
    recordPenalty: 'Record a penalty',
    recordSeriousPenalty: 'Record a serious penalty',
    recordJudgmentDebtor: 'Record judgment debtor',
    lift: 'Lift',
    withdraw: 'Withdraw case',
  },
  roundKind: { funding: 'Special funds, subsidies', honour: 'Honours', evaluation: 'Evaluation' },
  verdict: { allowed: 'May be granted', flagged: 'Flagged', refused: 'Refused' },
  effect: { refuse: 'Not to be granted', lower: 'Evaluation grade cancelled or lowered', flag: 'Review carefully' },
  outcome: { granted: 'Granted', declined: 'Declined', pending: 'Pending' },
  planKind: { routine: 'Routine', spot: 'Spot check', double_random: 'Double-random spot check' },
  inspectionState: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
  inspectionResult: { pass: 'No problem found', problems: 'Problems found, rectification ordered', serious: 'Serious problems found' },
  conclusion: { qualified: 'Qualified', basically: 'Basically qualified', unqualified: 'Unqualified' },
  licenceCategory: { ordinary: 'Ordinary', franchise: 'Franchise', recognition: 'Recognition', approval: 'Approval', registration: 'Registration', other: 'Other' },
  penaltyCategory: { warning: 'Warning', criticism: 'Circulated criticism', fine: 'Fine', confiscation: 'Confiscation', stopEnrolment: 'Enrolment stopped', licenceRevoked: 'Licence revoked' },
  disclosure: 'disclosure period',
};

export const VOCABULARY: Record<Lang, Vocabulary> = { 'zh-CN': zhCN, en };

type Group = { [G in keyof Vocabulary]: Vocabulary[G] extends string ? never : G }[keyof Vocabulary];

/** One term: term('zh-CN', 'recordStatus', 'expired') is 已过公示期. An unknown key is itself. */
export function term<G extends Group>(lang: Lang, group: G, key: string): string {
  const words = VOCABULARY[lang][group] as Record<string, string>;
  return words[key] ?? key;
}
