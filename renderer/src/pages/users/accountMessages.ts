// The words of teacher accounts made many at once (runs in the DOM, loaded by i18n/index.ts under
// the top-level key `teacherAccounts`), zh-CN first and English second.
const zhCN = {
  openAll: '为教师开通账户',
  openAllN: '为教师开通账户（{{n}} 位未开通）',
  openSelected: '为所选教师开通账户（{{n}}）',
  openOne: '开通账户',
  title: '开通教师账户',
  introAll: '将为 {{n}} 位尚无账户的在职教师各开通一个教师账户：用户名为工号，初始密码随机生成。',
  introAll_zero: '所有在职教师都已有账户。',
  introSome: '将为所选的 {{n}} 位教师开通教师账户：用户名为工号，初始密码随机生成。已有账户或已离职的教师会被跳过。',
  slipsHint: '初始密码只打印在“教师账户通知单”上（每页 8 张，沿虚线剪开，当面发给教师），本机不保存。通知单只在此时生成：关闭后不能再次下载，遗失时请为该教师重设密码。教师首次登录必须设置自己的密码。',
  submit: '开通并下载通知单',
  done: '已开通 {{n}} 个教师账户，账户通知单已下载。',
  noneMade: '没有开通新的账户。',
  skippedHasAccount: '{{name}}已有账户 {{username}}，已跳过',
  skippedInactive: '{{name}}已离职，已跳过',
  downloadAgain: '再次下载通知单',
  close: '关闭',
  account: '账户',
  noAccount: '未开通',
  filterAccount: '账户',
  filterNone: '未开通账户',
  filterHas: '已开通账户',
  select: '选择',
  oneDone: '已为{{name}}开通账户 {{username}}，账户通知单已下载。',
};

type Messages = { [K in keyof typeof zhCN]: string };

const en: Messages = {
  openAll: 'Open accounts for teachers',
  openAllN: 'Open accounts for teachers ({{n}} without one)',
  openSelected: 'Open accounts for the selected ({{n}})',
  openOne: 'Open account',
  title: 'Open teacher accounts',
  introAll: 'Each of the {{n}} active teachers without an account gets a teacher account: the user name is the staff number, the initial password is random.',
  introAll_zero: 'Every active teacher has an account already.',
  introSome: 'The {{n}} selected teachers get teacher accounts: the user name is the staff number, the initial password is random. Teachers who have an account or have left are skipped.',
  slipsHint: 'The initial passwords are printed only on the account slips (eight to a page: cut along the dashed lines and hand each to its teacher); this computer does not keep them. The slips are made now only: once closed they cannot be downloaded again, and a lost slip means resetting that teacher\'s password. At the first login each teacher sets a password of their own.',
  submit: 'Open and download the slips',
  done: '{{n}} teacher accounts opened; the account slips were downloaded.',
  noneMade: 'No new account was opened.',
  skippedHasAccount: '{{name}} already has the account {{username}}: skipped',
  skippedInactive: '{{name}} has left: skipped',
  downloadAgain: 'Download the slips again',
  close: 'Close',
  account: 'Account',
  noAccount: 'none',
  filterAccount: 'Account',
  filterNone: 'No account yet',
  filterHas: 'Has an account',
  select: 'Select',
  oneDone: 'Account {{username}} opened for {{name}}; the account slip was downloaded.',
};

export const teacherAccountMessages = { 'zh-CN': zhCN, en };
