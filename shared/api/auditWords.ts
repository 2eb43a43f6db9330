// An audit entry in words (pure; the audit page and the audit log's export both use it): what was
// done ("修改教师信息", not teachers.update), and what changed as before → after, with every field
// by its name and every value as people write it.
import { bytesText, dateText, dateTimeText } from '../format/dates';
import { term, VOCABULARY } from '../vocabulary';
import { FIELD_NAMES, type Lang } from './messages';
import { BUNDLE_VERDICTS } from './syncWords';

const ACTIONS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    'setup.init': '初始设置', 'setup.demo': '生成演示数据', 'auth.login': '登录', 'auth.logout': '退出登录', 'auth.recover': '用恢复密钥重设密码',
    'auth.changePassword': '修改密码', 'users.create': '新建账户', 'users.resetPassword': '重设密码', 'users.setActive': '启用或停用账户',
    'users.createForTeachers': '为教师开通账户', 'settings.update': '修改设置', 'backup.run': '备份', 'backup.download': '下载备份', 'backup.restore': '从备份恢复',
    'recovery.restore': '出错后从备份恢复', 'teachers.create': '新增教师', 'teachers.update': '修改教师信息', 'teachers.setStatus': '停用或启用教师',
    'teachers.export': '导出教师名册', 'classes.create': '新建班级', 'students.create': '新增学生', 'students.update': '修改学生信息',
    'students.setStatus': '停用或启用学生', 'students.export': '导出学生数据', 'records.create': '新增信用记录', 'records.amend': '更正信用记录',
    'records.revoke': '撤销信用记录', 'records.repair': '信用修复', 'records.export': '导出信用记录', 'objections.raise': '提出异议',
    'objections.decide': '处理异议', 'objections.export': '导出异议登记', 'creditFile.student': '查看学生档案', 'creditFile.teacher': '查看教师档案', 'schoolTeachers.file': '查阅教师信用档案', 'catalogue.publish': '发布目录',
    'import.commit': '导入数据', 'import.exportProblems': '导出导入问题清单', 'reports.generate': '出具信用报告', 'reports.confirm': '教师签字确认报告', 'reports.confirmPaper': '登记纸质确认',
    'reports.export': '导出报告登记', 'sync.enrol': '登记交换单位', 'sync.export': '导出数据包', 'sync.import': '导入数据包', 'sync.exportDownload': '下载数据包', 'sync.keys': '生成交换密钥',
    'sync.exportAgeIdentity': '导出解密私钥', 'audit.export': '导出审计日志', 'institutions.create': '新增机构', 'institutions.update': '修改机构信息',
    'institutions.setStatus': '停用或启用机构', 'institutions.addRecord': '新增机构信用记录', 'practitioners.create': '新增从业人员',
    'practitioners.update': '修改从业人员信息', 'practitioners.setStatus': '停用或启用从业人员', 'practitioners.addRecord': '新增从业人员信用记录',
    'annualReports.submit': '录入年度报告', 'annualReports.correct': '更正年度报告', 'licences.create': '登记行政许可', 'licences.correct': '更正行政许可',
    'penalties.create': '登记行政处罚', 'penalties.correct': '更正行政处罚', 'doublePublicity.export': '导出双公示数据', 'grading.run': '保存评级结果',
    'lists.propose': '提出名单', 'lists.proposeByRules': '按规则提出名单', 'lists.decide': '审批名单', 'lists.publish': '公示名单', 'lists.unpublish': '撤下公示',
    'lists.end': '结束名单', 'cases.open': '负面清单立案', 'cases.issueNotice': '下达整改通知书', 'cases.transition': '负面清单案件处理',
    'decisions.createRound': '新建信用审查', 'decisions.addApplicant': '添加申请单位', 'decisions.decide': '作出审查决定', 'decisions.closeRound': '结束信用审查',
    'inspections.createPlan': '新建检查计划', 'inspections.draw': '双随机抽取', 'inspections.create': '新建检查', 'inspections.record': '登记检查结果',
    'inspections.cancel': '取消检查',
  },
  en: {
    'setup.init': 'Set up', 'setup.demo': 'Made demo data', 'auth.login': 'Logged in', 'auth.logout': 'Logged out', 'auth.recover': 'Reset a password with the recovery key',
    'auth.changePassword': 'Changed password', 'users.create': 'Created an account', 'users.resetPassword': 'Reset a password', 'users.setActive': 'Enabled or disabled an account',
    'users.createForTeachers': 'Opened teacher accounts', 'settings.update': 'Changed settings', 'backup.run': 'Backed up', 'backup.download': 'Downloaded a backup', 'backup.restore': 'Restored a backup',
    'recovery.restore': 'Restored a backup after an error', 'teachers.create': 'Added a teacher', 'teachers.update': 'Changed a teacher', 'teachers.setStatus': 'Deactivated or activated a teacher',
    'teachers.export': 'Exported the teacher register', 'classes.create': 'Created a class', 'students.create': 'Added a student', 'students.update': 'Changed a student',
    'students.setStatus': 'Deactivated or activated a student', 'students.export': 'Exported student data', 'records.create': 'Added a credit record', 'records.amend': 'Amended a credit record',
    'records.revoke': 'Revoked a credit record', 'records.repair': 'Credit repair', 'records.export': 'Exported credit records', 'objections.raise': 'Raised an objection',
    'objections.decide': 'Decided an objection', 'objections.export': 'Exported objections', 'creditFile.student': 'Opened a student file', 'creditFile.teacher': 'Opened a teacher file', 'schoolTeachers.file': "Opened a teacher's credit file", 'catalogue.publish': 'Published the catalogue',
    'import.commit': 'Imported data', 'import.exportProblems': 'Exported an import\'s problems', 'reports.generate': 'Issued a credit report', 'reports.confirm': 'Teacher confirmed a report', 'reports.confirmPaper': 'Recorded a paper confirmation',
    'reports.export': 'Exported the report register', 'sync.enrol': 'Enrolled a partner', 'sync.export': 'Exported bundles', 'sync.import': 'Imported a bundle', 'sync.exportDownload': 'Downloaded bundles', 'sync.keys': 'Made exchange keys',
    'sync.exportAgeIdentity': 'Exported the decryption key', 'audit.export': 'Exported the audit log', 'institutions.create': 'Added an institution', 'institutions.update': 'Changed an institution',
    'institutions.setStatus': 'Deactivated or activated an institution', 'institutions.addRecord': 'Added an institution record', 'practitioners.create': 'Added a practitioner',
    'practitioners.update': 'Changed a practitioner', 'practitioners.setStatus': 'Deactivated or activated a practitioner', 'practitioners.addRecord': 'Added a practitioner record',
    'annualReports.submit': 'Entered an annual report', 'annualReports.correct': 'Corrected an annual report', 'licences.create': 'Recorded a licence', 'licences.correct': 'Corrected a licence',
    'penalties.create': 'Recorded a penalty', 'penalties.correct': 'Corrected a penalty', 'doublePublicity.export': 'Exported double-publicity data', 'grading.run': 'Kept a grading run',
    'lists.propose': 'Proposed a list entry', 'lists.proposeByRules': 'Proposed list entries by the rules', 'lists.decide': 'Decided a list entry', 'lists.publish': 'Published a list entry',
    'lists.unpublish': 'Withdrew a publication', 'lists.end': 'Ended a list entry', 'cases.open': 'Opened a negative-list case', 'cases.issueNotice': 'Issued a rectification notice',
    'cases.transition': 'Moved a negative-list case', 'decisions.createRound': 'Created a credit review', 'decisions.addApplicant': 'Added an applicant', 'decisions.decide': 'Decided an applicant',
    'decisions.closeRound': 'Closed a credit review', 'inspections.createPlan': 'Created an inspection plan', 'inspections.draw': 'Made a double-random draw', 'inspections.create': 'Created an inspection',
    'inspections.record': 'Recorded an inspection result', 'inspections.cancel': 'Cancelled an inspection',
  },
};

/** The kinds of subject in words, for an entry whose subject has no name to show. */
const KINDS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    teacher: '教师', schoolTeacher: '教师', student: '学生', user: '账户', class: '班级', institution: '机构', practitioner: '从业人员', case: '负面清单案件', listEntry: '名单',
    decisionRound: '信用审查', decisionApplicant: '申请单位', 'inspection-plan': '检查计划', inspection: '检查', draw: '双随机抽取', grading_run: '评级结果',
    catalogue: '目录', partner: '交换单位', bundle: '数据包', import: '导入', installation: '本机', database: '数据', settings: '设置', backup: '备份',
    objections: '异议登记', 'records:teacher': '教师信用记录', 'records:student': '学生信用记录', 'import:teachers': '教师名册导入', 'import:students': '学生名册导入',
    'import:records': '信用记录导入', users: '账户', teachers: '教师名册', reports: '信用报告', records: '信用记录', lists: '名单', audit: '审计日志', doublePublicity: '双公示数据', students: '学生',
  },
  en: {
    teacher: 'Teacher', schoolTeacher: 'Teacher', student: 'Student', user: 'Account', class: 'Class', institution: 'Institution', practitioner: 'Practitioner', case: 'Negative-list case', listEntry: 'List entry',
    decisionRound: 'Credit review', decisionApplicant: 'Applicant', 'inspection-plan': 'Inspection plan', inspection: 'Inspection', draw: 'Draw', grading_run: 'Grading run',
    catalogue: 'Catalogue', partner: 'Partner', bundle: 'Bundle', import: 'Import', installation: 'This installation', database: 'Data', settings: 'Settings', backup: 'Backup',
    objections: 'Objections', 'records:teacher': "Teachers' credit records", 'records:student': "Students' credit records", 'import:teachers': 'Import of the teacher roster',
    'import:students': 'Import of the student roster', 'import:records': 'Import of credit records', users: 'Accounts', teachers: 'Teacher register', reports: 'Credit reports', records: 'Credit records', lists: 'Lists', audit: 'Audit log', doublePublicity: 'Double-publicity data', students: 'Students',
  },
};

/** Field names the audit log has beyond those of the forms. */
const AUDIT_FIELDS: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    created: '填写了', changed: '修改了', fields: '涉及', withheld: '内容不向此角色显示，涉及', record: '记录编号', item: '目录事项', active: '启用',
    status: '状态', passwordReset: '重设密码', passwordChanged: '修改密码', format: '格式', rows: '条数', filter: '筛选条件', fileName: '文件名',
    inserted: '新增', updated: '更新', unchanged: '无变化', classesCreated: '新建班级', number: '编号', report: '报告', amends: '更正记录', revokes: '撤销记录',
    repair: '修复', objection: '异议', decision: '决定', list: '名单', published: '公示', exported: '导出条数', sha256: '文件摘要', admin: '管理员',
    mode: '模式', demo: '演示数据', snapshotHash: '报告摘要', pdf: 'PDF', newSigningKey: '新签名密钥', from: '原为', to: '改为', evidence: '证明材料',
    proposed: '提出', considered: '审查对象数', rulesVersion: '规则版本', username: '用户名', user: '账户', teacher: '教师', keptAside: '原数据另存为',
    handwriting: '手写签名', scan: '扫描件', sequence: '序号', recipient: '接收单位', sender: '发送单位', verdict: '结果',
    bytes: '大小', read: '查阅', teachers: '教师', students: '学生', classes: '班级', records: '记录', institutions: '机构', public_school: '公办学校',
    private_school: '民办学校', training: '培训机构', cases: '负面清单案件', listEntries: '名单条目', rounds: '信用审查', applicants: '申请单位',
    inspectors: '检查人员', inspectionPlans: '检查计划', inspections: '检查', institution: '机构', practitioner: '从业人员', target: '对象',
    acknowledgeFlags: '已确认看过信用提示', address: '地址', ageIdentityExported: '导出 age 身份', amountYuan: '金额（元）', annualReport: '年度报告',
    applicantId: '申请单位', asOf: '计算日期', authority: '决定机关', authorityUscc: '决定机关统一社会信用代码', basis: '处罚依据', categories: '处罚类别',
    category: '许可类别', certName: '许可证书名称', certNo: '许可编号', code: '目录编码', complaints: '投诉（件）', conclusion: '审核结论',
    confiscatedWan: '没收金额（万元）', content: '内容', count: '抽取数量', counts: '各等级数量', deadline: '整改期限', decidedOn: '决定日期',
    docName: '决定文书名称', docNo: '决定文书号', effect: '影响', endedLists: '结束的名单', event: '操作', facts: '事实', feesHeldYuan: '预收费资金余额（元）',
    fineWan: '罚款金额（万元）', grid: '网格', grids: '网格', id: '编号', incomeYuan: '年度收入（元）', inspectionIds: '检查编号', inspectorIds: '检查人员',
    inspectorPool: '检查人员库人数', inspectorsPerTarget: '每个对象的检查人员数', institutionId: '机构', issuedOn: '下达日期', items: '事项数', kinds: '类型',
    learners: '在训（在校）学员', legalRep: '法定代表人', licence: '行政许可', licenceNo: '办学许可证号', licenceValidUntil: '许可证有效期至', licences: '行政许可',
    listEntry: '名单条目', lists: '名单', matter: '事项', ms: '用时（毫秒）', notice: '整改通知', opened: '立案', openedOn: '开立日期', operator: '操作人',
    outcome: '决定', penalties: '行政处罚', penalty: '行政处罚', periodFrom: '期间自', periodTo: '期间至', planId: '检查计划', poolSize: '可抽取对象数',
    post: '岗位', publicUntil: '公示截止期', qualification: '资格证书', qualifiedTeachers: '其中具备教师资格', reasons: '审查理由', request: '申请', review: '信用审查',
    revokedLicence: '暂扣或吊销证照名称及编号', roundId: '审查批次', rule: '规则', score: '信用分', seed: '随机种子', source: '依据', staff: '教职工', state: '状态',
    statement: '真实性声明', subjectKind: '对象类别', submittedOn: '报送日期', supersedes: '更正的原条目', targets: '抽中对象', total: '合计', township: '乡镇（街道）',
    registry: '机构名录', entry: '单位编号', how: '方式', accounts: '开通的账户', fourEyes: '提名人不得自行批准名单', followUp: '随之', caseId: '案件编号', caseNumber: '立案编号', listEntryId: '名单条目编号', q: '搜索词', infoClass: '信息类别',
    validFrom: '有效期自', validUntil: '有效期至', violationType: '违法行为类型', A: 'A 级', B: 'B 级', C: 'C 级', D: 'D 级',
  },
  en: {
    created: 'Filled in', changed: 'Changed', fields: 'Concerns', withheld: 'Not shown to this role; concerns', record: 'Record no.', item: 'Catalogue item', active: 'Enabled',
    status: 'Status', passwordReset: 'Password reset', passwordChanged: 'Password changed', format: 'Format', rows: 'Rows', filter: 'Filter', fileName: 'File name',
    inserted: 'Added', updated: 'Updated', unchanged: 'Unchanged', classesCreated: 'Classes created', number: 'Number', report: 'Report', amends: 'Amends', revokes: 'Revokes',
    repair: 'Repair', objection: 'Objection', decision: 'Decision', list: 'List', published: 'Published', exported: 'Rows exported', sha256: 'File hash', admin: 'Administrator',
    mode: 'Mode', demo: 'Demo data', snapshotHash: 'Report hash', pdf: 'PDF', newSigningKey: 'New signing key', from: 'Was', to: 'Now', evidence: 'Evidence',
    proposed: 'Proposed', considered: 'Subjects reviewed', rulesVersion: 'Rules version', username: 'User name', user: 'Account', teacher: 'Teacher', keptAside: 'Old data kept as',
    handwriting: 'Handwritten signature', scan: 'Scan', sequence: 'Sequence', recipient: 'Recipient', sender: 'Sender', verdict: 'Result',
    bytes: 'Size', read: 'Read', teachers: 'Teachers', students: 'Students', classes: 'Classes', records: 'Records', institutions: 'Institutions', public_school: 'Public schools',
    private_school: 'Private schools', training: 'Training institutions', cases: 'Negative-list cases', listEntries: 'List entries', rounds: 'Credit reviews', applicants: 'Applicants',
    inspectors: 'Inspectors', inspectionPlans: 'Inspection plans', inspections: 'Inspections', institution: 'Institution', practitioner: 'Practitioner', target: 'Subject',
    acknowledgeFlags: 'Credit flags acknowledged', address: 'Address', ageIdentityExported: 'age identity exported', amountYuan: 'Amount (yuan)', annualReport: 'Annual report',
    applicantId: 'Applicant', asOf: 'As of', authority: 'Deciding authority', authorityUscc: 'Authority USCC', basis: 'Legal basis', categories: 'Penalty categories',
    category: 'Licence category', certName: 'Certificate name', certNo: 'Licence number', code: 'Catalogue code', complaints: 'Complaints', conclusion: 'Conclusion',
    confiscatedWan: 'Confiscated (10k yuan)', content: 'Content', count: 'Number drawn', counts: 'By grade', deadline: 'Deadline', decidedOn: 'Decided on',
    docName: 'Decision document name', docNo: 'Decision number', effect: 'Effect', endedLists: 'Lists ended', event: 'Step', facts: 'Facts', feesHeldYuan: 'Prepaid fees held (yuan)',
    fineWan: 'Fine (10k yuan)', grid: 'Grid', grids: 'Grids', id: 'No.', incomeYuan: 'Income (yuan)', inspectionIds: 'Inspections', inspectorIds: 'Inspectors',
    inspectorPool: 'Inspectors in the pool', inspectorsPerTarget: 'Inspectors per subject', institutionId: 'Institution', issuedOn: 'Issued on', items: 'Items', kinds: 'Kinds',
    learners: 'Learners', legalRep: 'Legal representative', licence: 'Licence', licenceNo: 'Licence number', licenceValidUntil: 'Licence valid until', licences: 'Licences',
    listEntry: 'List entry', lists: 'Lists', matter: 'Matter', ms: 'Time (ms)', notice: 'Rectification notice', opened: 'Case opened', openedOn: 'Opened on', operator: 'By',
    outcome: 'Decision', penalties: 'Penalties', penalty: 'Penalty', periodFrom: 'Period from', periodTo: 'Period to', planId: 'Inspection plan', poolSize: 'Subjects in the pool',
    post: 'Post', publicUntil: 'Published until', qualification: 'Qualification', qualifiedTeachers: 'of them qualified teachers', reasons: 'Review reasons', request: 'Request', review: 'Credit review',
    revokedLicence: 'Licence suspended or revoked', roundId: 'Round', rule: 'Rule', score: 'Score', seed: 'Random seed', source: 'Based on', staff: 'Staff', state: 'State',
    statement: 'Statement', subjectKind: 'Subject kind', submittedOn: 'Submitted on', supersedes: 'Corrects', targets: 'Subjects drawn', total: 'Total', township: 'Township',
    registry: 'Registry', entry: 'Entry no.', how: 'How', accounts: 'Accounts opened', fourEyes: 'Proposer may not approve', followUp: 'Which led to', caseId: 'Case no.', caseNumber: 'Case number', listEntryId: 'List entry no.', q: 'Search', infoClass: 'Information class',
    validFrom: 'Valid from', validUntil: 'Valid until', violationType: 'Type of violation', A: 'Grade A', B: 'Grade B', C: 'Grade C', D: 'Grade D',
  },
};

export function actionText(route: string, lang: Lang): string {
  return ACTIONS[lang][route] ?? route;
}

export function subjectKindText(kind: string, lang: Lang): string {
  return KINDS[lang][kind] ?? kind;
}

/** The reference's kind and row id: "teacher:12" → teacher, "12"; "users" → users, null. */
export function splitSubject(subject: string): { kind: string; id: string | null } {
  const at = subject.indexOf(':');
  return at < 0 ? { kind: subject, id: null } : { kind: subject.slice(0, at), id: subject.slice(at + 1) };
}

/** "于文旭（教师）", or "学生 #12" for a subject without a name to show. */
export function subjectText(e: { subject: string; subjectName: string | null }, lang: Lang): string {
  // A whole reference with words of its own: records:teacher is 教师信用记录, not 信用记录 #teacher.
  const whole = KINDS[lang][e.subject];
  if (whole && !e.subjectName) return whole;
  const { kind, id } = splitSubject(e.subject);
  const kindWords = subjectKindText(kind, lang);
  if (e.subjectName) return lang === 'en' ? `${e.subjectName} (${kindWords})` : `${e.subjectName}（${kindWords}）`;
  return id === null ? kindWords : `${kindWords} #${id}`;
}

/** Every action the log may hold, for a filter's choices. */
export function actionRoutes(): string[] {
  return Object.keys(ACTIONS['zh-CN']);
}

const MODE_WORDS: Record<Lang, Record<'school' | 'bureau', string>> = { 'zh-CN': { school: '学校', bureau: '教体局' }, en: { school: 'School', bureau: 'Education bureau' } };

/** A diff key's words, or undefined for a key no one has named yet (tests require none). */
export function auditFieldName(key: string, lang: Lang): string | undefined {
  return AUDIT_FIELDS[lang][key] ?? FIELD_NAMES[lang][key];
}

function fieldText(key: string, lang: Lang): string {
  return auditFieldName(key, lang) ?? key;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isFromTo(v: Json): v is { from: Json; to: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'from' in v && 'to' in v && Object.keys(v).length === 2;
}

const OBJECTION_FILTER: Record<Lang, Record<string, string>> = {
  'zh-CN': { open: '待处理', decided: '已处理', all: '全部' },
  en: { open: 'Open', decided: 'Decided', all: 'All' },
};

/** The words for the codes a key's values are (kind: training → 培训机构), from the one vocabulary. */
function valueWords(key: string, lang: Lang): Record<string, string> | undefined {
  const w = VOCABULARY[lang];
  switch (key) {
    case 'kind':
    case 'kinds':
      return { ...w.institutionKind, ...w.planKind, ...w.roundKind, ...w.confirmationKind, ...PENALTY_FOLLOW_UP[lang], ...IMPORT_KINDS[lang] };
    case 'subjectKind':
      return w.subjectKind;
    case 'state':
      return { ...w.listState, ...w.caseState, ...w.inspectionState };
    case 'event':
      return w.caseEvent;
    case 'list':
    case 'lists':
    case 'endedLists':
      return w.listKind;
    case 'verdict':
      return { ...BUNDLE_VERDICTS[lang], ...w.verdict };
    case 'effect':
      return w.effect;
    case 'outcome':
      return w.outcome;
    case 'decision':
      return w.objectionDecision;
    case 'result':
      return w.inspectionResult;
    case 'conclusion':
      return w.conclusion;
    case 'category':
      return w.licenceCategory;
    case 'categories':
      return w.penaltyCategory;
    case 'grade':
      return w.grade;
    case 'how':
      return lang === 'en'
        ? { existing: 'the entry of its USCC', created: 'a new entry', linked: 'linked to an entry of the same name, its USCC corrected' }
        : { existing: '沿用同一代码的单位', created: '新建单位', linked: '关联到同名单位并更正其代码' };
    case 'source':
      return lang === 'en' ? { grade: 'Credit grade', list: 'List' } : { grade: '信用等级', list: '名单' };
    default:
      return undefined;
  }
}

/** Keys whose value is a pair [before, after] rather than a list. */
const PAIRS = new Set(['state', 'published']);

/** What an import brought in. */
const IMPORT_KINDS: Record<Lang, Record<string, string>> = {
  'zh-CN': { teachers: '教师名册', students: '学生名册', records: '信用记录' },
  en: { teachers: 'Teacher roster', students: 'Student roster', records: 'Credit records' },
};

/** What a penalty on a private school led to (cases/penaltyLink.ts). */
const PENALTY_FOLLOW_UP: Record<Lang, Record<string, string>> = {
  'zh-CN': { caseMoved: '负面清单案件转入重点监管', proposed: '提名列入重点监管名单', alreadyListed: '已在重点监管名单上' },
  en: { caseMoved: 'the negative-list case moved to key supervision', proposed: 'key supervision proposed', alreadyListed: 'already under key supervision' },
};

const NONE: Record<Lang, string> = { 'zh-CN': '无', en: 'none' };

/** How a value is said: in which language, under which route (a filter's status is a teacher's 在职 or a record's 有效). */
interface Say {
  lang: Lang;
  route: string;
}

/** The statuses a list export's filter names, by the list. */
function filterStatus(route: string, lang: Lang): Record<string, string> | undefined {
  if (route === 'teachers.export') return VOCABULARY[lang].teacherStatus;
  if (route === 'students.export') return VOCABULARY[lang].studentStatus;
  if (route === 'reports.export') return VOCABULARY[lang].reportStatus;
  return undefined;
}

/** A value as people write it: a hash shortened, a day or an instant in words, an enum by its name. */
function valueText(key: string, v: Json, say: Say, parent?: string): string {
  const { lang } = say;
  if (v === null) return '—';
  if (typeof v === 'boolean') return lang === 'en' ? (v ? 'yes' : 'no') : v ? '是' : '否';
  if (typeof v === 'number') return key === 'bytes' ? bytesText(v) : String(v);
  if (v === '') return lang === 'en' ? '(empty)' : '（空）';
  if (typeof v === 'string') {
    if (/^[0-9a-f]{64}$/.test(v)) return `${v.slice(0, 12)}…`;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return dateText(v, lang);
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return dateTimeText(v, lang);
    if (key === 'gender') return term(lang, 'gender', v);
    if (key === 'role') return term(lang, 'role', v);
    if (key === 'format') return v === 'xlsx' ? 'Excel' : v.toUpperCase();
    if (key === 'mode' && (v === 'school' || v === 'bureau')) return MODE_WORDS[lang][v];
    if (key === 'read' && v === 'creditFile') return lang === 'en' ? 'Credit file' : '信用档案';
    if (parent === 'filter' && key === 'state') return OBJECTION_FILTER[lang][v] ?? v;
    if (parent === 'filter' && key === 'status') {
      const own = filterStatus(say.route, lang)?.[v];
      if (own) return own;
    }
    const words = valueWords(key, lang)?.[v];
    if (words) return words;
    if (/^(institution|practitioner|teacher|student):\d+$/.test(v)) return subjectText({ subject: v, subjectName: null }, lang);
    if (key === 'status' && v in VOCABULARY[lang].recordStatus) return term(lang, 'recordStatus', v);
    return v;
  }
  if (Array.isArray(v)) {
    if (v.length === 0) return NONE[lang];
    if (PAIRS.has(key) && v.length === 2) return `${valueText(key, v[0]!, say)} → ${valueText(key, v[1]!, say)}`;
    if (key === 'accounts') return v.map((a) => (typeof a === 'object' && a !== null && !Array.isArray(a) ? accountText(a, lang) : valueText(key, a, say))).join(lang === 'en' ? ', ' : '、');
    return v.map((x) => valueText(key, x, say)).join(lang === 'en' ? ', ' : '、');
  }
  if (isFromTo(v)) return `${valueText(key, v.from, say)} → ${valueText(key, v.to, say)}`;
  const parts = Object.entries(v).filter(([k]) => k !== 'private');
  // An empty filter is the whole list.
  if (parts.length === 0) return key === 'filter' ? (lang === 'en' ? 'none (the whole list)' : '无（全部）') : '—';
  return parts.map(([k, x]) => `${fieldText(k, lang)} ${valueText(k, x, say, key)}`).join(lang === 'en' ? '; ' : '；');
}

/** 于文旭（T0001）: an account opened for a teacher. */
function accountText(a: { [k: string]: Json }, lang: Lang): string {
  const name = typeof a.name === 'string' ? a.name : '';
  const username = typeof a.username === 'string' ? a.username : '';
  return lang === 'en' ? `${name} (${username})` : `${name}（${username}）`;
}

/**
 * What an entry's diff (or its private part) says, one line per field: "姓名：张三 → 张四",
 * "修改了：姓名、职称", "目录事项：T-P05". Hashes that only vouch for a private part are left out.
 * `route` is the entry's: the same code can mean different things on different lists.
 */
export function changeLines(json: string | null, lang: Lang, route = ''): string[] {
  if (json === null) return [];
  let v: Json;
  try {
    v = JSON.parse(json) as Json;
  } catch {
    return [json];
  }
  const say: Say = { lang, route };
  if (v === null) return [];
  if (typeof v !== 'object' || Array.isArray(v)) return [valueText('', v, say)];
  const colon = lang === 'en' ? ': ' : '：';
  const lines: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === 'private') continue;
    if (isFromTo(x)) lines.push(`${fieldText(k, lang)}${colon}${valueText(k, x.from, say)} → ${valueText(k, x.to, say)}`);
    else if ((k === 'changed' || k === 'created' || k === 'fields' || k === 'withheld') && Array.isArray(x)) {
      lines.push(`${fieldText(k, lang)}${colon}${x.length === 0 ? NONE[lang] : x.map((f) => fieldText(String(f), lang)).join(lang === 'en' ? ', ' : '、')}`);
    } else if (k === 'changed' && typeof x === 'object' && x !== null && !Array.isArray(x)) lines.push(...changeLines(JSON.stringify(x), lang, route));
    else lines.push(`${fieldText(k, lang)}${colon}${valueText(k, x, say)}`);
  }
  return lines;
}
