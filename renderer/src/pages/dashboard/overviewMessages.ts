// The words of the supervision overview on the dashboard, at the bureau and at a school (runs in the
// DOM, loaded by i18n/index.ts under the top-level key `overview`).
const zhCN = {
  grades: { title: '机构信用等级', hint: '按现行分级规则实时计算', A: 'A 守信', B: 'B 基本守信', C: 'C 失信', D: 'D 严重失信' },
  kinds: { public_school: '公办学校', private_school: '民办学校', training: '培训机构' },
  lists: {
    title: '名单', inForce: '在册', proposed: '待审批 {{n}}',
    red: '红名单', black: '黑名单', white: '白名单', key_supervision: '重点监管名单', key_monitoring: '重点监控对象',
  },
  cases: {
    title: '负面清单案件',
    open: '已立案', notice_issued: '整改中', closed: '已结案', key_supervision: '重点监管', key_monitoring: '重点监控', lifted: '已解除', withdrawn: '已撤销',
    none: '暂无案件',
  },
  inspections: { title: '检查抽查', planned: '待检查', overdue: '已逾期', doneThisYear: '本年已完成' },
  lastRun: { title: '最近一次全面评级', at: '评级时间：{{at}}', none: '尚未进行全面评级（在“信用分级”页面运行）', subjects: { institution: '机构', practitioner: '从业人员', teacher: '教师' } },
  trend: { title: '近十二个月趋势', cases: '立案', penalties: '行政处罚', inspections: '完成检查', listed: '列入名单' },
  deadlines: {
    title: '本周到期事项', none: '未来七天没有到期事项，也没有逾期事项。', overdue: '已逾期', dueOn: '到期日', subject: '对象', what: '事项',
    notice: '整改期限', inspection: '检查', listEnd: '名单期满', licence: '办学许可证到期',
  },
  school: {
    title: '教体局监管状态', none: '尚未收到教体局的监管信息。教体局的数据包导入后，这里会显示本校的信用等级、名单和案件。',
    asOf: '教体局 {{date}} 的信息', grade: '本校信用等级', score: '{{score}} 分', lists: '名单', noLists: '本校及本校教师目前不在任何名单上。',
    teacher: '教师', cases: '负面清单案件', deadline: '整改期限 {{date}}',
  },
};

type Messages = typeof zhCN;

const en: Messages = {
  grades: { title: 'Institutions by credit grade', hint: 'Graded now under the current rules', A: 'A Trustworthy', B: 'B Basically trustworthy', C: 'C Untrustworthy', D: 'D Seriously untrustworthy' },
  kinds: { public_school: 'Public', private_school: 'Private', training: 'Training' },
  lists: {
    title: 'Lists', inForce: 'In force', proposed: '{{n}} to approve',
    red: 'Red list', black: 'Black list', white: 'White list', key_supervision: 'Key supervision list', key_monitoring: 'Key monitoring objects',
  },
  cases: {
    title: 'Negative-list cases',
    open: 'Opened', notice_issued: 'Rectifying', closed: 'Closed', key_supervision: 'Key supervision', key_monitoring: 'Key monitoring', lifted: 'Lifted', withdrawn: 'Withdrawn',
    none: 'No cases',
  },
  inspections: { title: 'Inspections', planned: 'Planned', overdue: 'Overdue', doneThisYear: 'Done this year' },
  lastRun: { title: 'Last full grading', at: 'Graded {{at}}', none: 'No full grading yet (run it on the Credit grading page)', subjects: { institution: 'Institutions', practitioner: 'Practitioners', teacher: 'Teachers' } },
  trend: { title: 'The last twelve months', cases: 'Cases opened', penalties: 'Penalties', inspections: 'Inspections done', listed: 'Listed' },
  deadlines: {
    title: 'Due this week', none: 'Nothing falls due in the next seven days and nothing is overdue.', overdue: 'Overdue', dueOn: 'Due', subject: 'Subject', what: 'What',
    notice: 'Rectification deadline', inspection: 'Inspection', listEnd: 'List entry ends', licence: 'Licence expires',
  },
  school: {
    title: 'Supervision status from the bureau', none: 'No word from the bureau yet. Once its bundle is imported, the school\u2019s grade, lists and cases show here.',
    asOf: 'As the bureau saw it on {{date}}', grade: 'School credit grade', score: '{{score}} points', lists: 'Lists', noLists: 'Neither the school nor its teachers are on any list.',
    teacher: 'Teacher', cases: 'Negative-list cases', deadline: 'Deadline {{date}}',
  },
};

export const overviewMessages: Record<'zh-CN' | 'en', Messages> = { 'zh-CN': zhCN, en };
