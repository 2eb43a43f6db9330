// The words of the teachers' files at the bureau, zh-CN first and English second (loaded by i18n/index.ts under `schoolTeachers`).
const zhCN = {
  nav: '教师档案',
  title: '教师信用档案',
  intro: '各学校通过数据包报送的教师信用档案：记录、异议、信用修复、信用等级和信用报告。只读；每次打开档案都记入审计日志。',
  search: '姓名、工号或学校',
  gradeFilter: '信用等级',
  total: '共 {{n}} 人',
  empty: '没有符合条件的教师。学校报送数据包后，其教师档案显示在这里。',
  col: { name: '姓名', school: '学校', staffNo: '工号', subject: '任教学科', status: '状态', grade: '信用等级', lists: '名单' },
  file: {
    title: '教师信用档案',
    readOnly: '只读：档案由学校维护，本局只查看。本次查看已记入审计日志。',
    school: '学校', staffNo: '工号', subject: '任教学科', jobTitle: '职称', hireDate: '入职日期', status: '状态', lists: '名单', noLists: '未列入名单',
    received: '最近一次收到该校数据：{{at}}', neverReceived: '尚未收到该校数据包',
    records: '信用记录（{{n}} 条）', noRecords: '没有信用记录。', grade: '信用等级及计算过程',
    revoked: '此记录已撤销，不再显示其内容。', amends: '更正记录 #{{id}}', unknownItem: '本局目录中没有此事项',
    occurredOn: '发生日期', expiresOn: '公示期至', points: '分值',
    objection: '异议：{{reason}}（{{at}} 提出）', objectionOpen: '待学校处理', objectionUpheld: '异议成立：{{reason}}', objectionRejected: '异议不成立：{{reason}}',
    repair: '信用修复：{{reason}}（{{on}} 起）', release: '处分解除：{{reason}}（{{on}} 起）',
    reports: '信用报告（{{n}} 份）', noReports: '学校尚未出具信用报告。', reportLine: '{{year}} 年度 · {{number}} · {{grade}} {{score}} 分',
    confirmedSignature: '教师已电子签名确认（{{at}}）', confirmedPaper: '教师已纸质签字确认（{{at}}）', unconfirmed: '教师尚未确认',
    open: '打开信用档案',
  },
  tab: '教师',
  schoolNotEnrolled: '该校尚未与本局交换身份卡，或尚未报送数据包，这里还没有它的教师档案。',
};

type Messages = typeof zhCN;

const en: Messages = {
  nav: 'Teacher files',
  title: "Teachers' credit files",
  intro: "Teachers' credit files as the schools sent them in bundles: records, objections, repairs, grades and credit reports. Read only; every opening of a file is written to the audit log.",
  search: 'Name, staff no. or school',
  gradeFilter: 'Grade',
  total: '{{n}} teachers',
  empty: 'No teacher matches. Once a school sends a bundle, its teachers appear here.',
  col: { name: 'Name', school: 'School', staffNo: 'Staff no.', subject: 'Subject', status: 'Status', grade: 'Grade', lists: 'Lists' },
  file: {
    title: "Teacher's credit file",
    readOnly: 'Read only: the school keeps this file; the bureau reads it. This reading has been written to the audit log.',
    school: 'School', staffNo: 'Staff no.', subject: 'Subject', jobTitle: 'Title', hireDate: 'Hired on', status: 'Status', lists: 'Lists', noLists: 'On no list',
    received: 'Last data from this school: {{at}}', neverReceived: 'No bundle from this school yet',
    records: 'Credit records ({{n}})', noRecords: 'No credit records.', grade: 'Grade and how it was reached',
    revoked: 'This record was revoked; what it said is not shown.', amends: 'amends #{{id}}', unknownItem: "not in the bureau's catalogue",
    occurredOn: 'Date', expiresOn: 'Public until', points: 'Points',
    objection: 'Objection: {{reason}} (raised {{at}})', objectionOpen: 'awaiting the school', objectionUpheld: 'Upheld: {{reason}}', objectionRejected: 'Rejected: {{reason}}',
    repair: 'Credit repaired: {{reason}} (from {{on}})', release: 'Sanction released: {{reason}} (from {{on}})',
    reports: 'Credit reports ({{n}})', noReports: 'The school has issued no credit report yet.', reportLine: '{{year}} · {{number}} · {{grade}} {{score}}',
    confirmedSignature: 'Confirmed by the teacher with an electronic signature ({{at}})', confirmedPaper: 'Confirmed by the teacher on paper ({{at}})', unconfirmed: 'Not yet confirmed by the teacher',
    open: 'Open credit file',
  },
  tab: 'Teachers',
  schoolNotEnrolled: 'This school has not exchanged identity cards with the bureau or sent a bundle yet: no teacher files for it here.',
};

export const schoolTeacherMessages = { 'zh-CN': zhCN, en };
