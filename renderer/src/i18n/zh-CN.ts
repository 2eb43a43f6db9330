// Simplified Chinese: the first language of the UI.
export const zhCN = {
  app: { name: '教体信用', fullName: 'EduCredit 教体信用', mode: { school: '学校端', bureau: '教体局端' } },
  common: {
    save: '保存', cancel: '取消', confirm: '确认', close: '关闭', next: '下一步', back: '上一步', loading: '正在加载…',
    refresh: '刷新', copyError: '复制错误信息', copied: '已复制', yes: '是', no: '否', search: '查询', reset: '重置',
    total: '共 {{count}} 条', prev: '上一页', nextPage: '下一页', page: '第 {{page}} / {{pages}} 页', saved: '已保存',
  },
  nav: { dashboard: '工作台', users: '账户管理', audit: '审计日志', settings: '设置与备份', logout: '退出登录', language: 'English' },
  roles: {
    school_admin: '学校管理员', records_clerk: '德育/教务干事', teacher: '教师', bureau_admin: '教体局信用管理员',
    bureau_inspector: '执法/督导人员', auditor: '审计（只读）',
  },
  setup: {
    title: '欢迎使用 EduCredit 教体信用', subtitle: '首次使用，请完成初始设置。数据只保存在本机，并加密存放。',
    newInstall: '新建', newInstallHint: '为本校或本局建立新的信用档案库', demo: '打开演示数据', demoHint: '生成一所示范学校或一个教体局的模拟数据，用于培训和试用',
    stepMode: '使用单位', stepOrg: '单位信息', stepAdmin: '管理员', stepKey: '恢复密钥',
    modeSchool: '学校', modeSchoolHint: '记录本校教师和学生的信用信息，生成教师信用报告，向教体局报送数据包',
    modeBureau: '教体局', modeBureauHint: '接收学校数据包，管理民办学校和培训机构，开展信用分级分类监管',
    orgName: '单位名称', orgNamePlaceholder: '例如：舞钢市第一初级中学', uscc: '统一社会信用代码', usccHint: '18 位，见单位法人证书',
    usccOk: '校验通过',
    adminUser: '管理员用户名', adminName: '管理员姓名', password: '密码', password2: '再次输入密码', passwordMismatch: '两次输入的密码不一致',
    passwordHint: '至少 8 个字符。忘记密码只能用恢复密钥找回。',
    demoScale: '演示规模', demoSchool: '示范学校（132 名教师、约 2,150 名学生）', demoBureau: '教体局（约 70 所学校和机构）',
    demoPasswordHint: '演示账户 admin、clerk、auditor、T0001（学校）或 admin、inspector、auditor（教体局）都使用这个密码。',
    create: '完成设置', creating: '正在加密建库…',
    keyTitle: '请立即打印或抄写恢复密钥', keyWarning: '恢复密钥只显示这一次。所有密码都忘记时，只有它能打开本机数据；丢失恢复密钥且忘记密码，数据将无法找回。请打印后锁入档案柜，不要保存在这台电脑上。',
    print: '打印恢复密钥页', keyConfirm: '我已打印或抄写并妥善保存恢复密钥', toLogin: '进入登录',
    sheetTitle: 'EduCredit 恢复密钥', sheetOrg: '单位', sheetDate: '生成日期', sheetKeep: '请将本页锁入档案柜保存。凭此密钥可在忘记密码时重设管理员密码。',
  },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录', idleLocked: '因长时间未操作，已自动锁定，请重新登录。',
    forgot: '忘记密码？使用恢复密钥', recoverTitle: '使用恢复密钥重设密码', recoveryKey: '恢复密钥', recoveryKeyHint: '32 位，可不输入连字符',
    newPassword: '新密码', recoverSubmit: '重设密码', recovered: '密码已重设，请用新密码登录。', backToLogin: '返回登录', loggedOut: '已退出登录。',
  },
  dashboard: {
    title: '工作台', welcome: '{{name}}，您好', counts: '数据概况', teachers: '教师', students: '学生', classes: '班级',
    institutions: '学校与机构', users: '账户', auditEntries: '审计记录', lastBackup: '最近备份', never: '尚未备份',
    auditOk: '审计链完整', auditBroken: '审计链已损坏，请到审计日志中校验', changePassword: '您的密码由管理员重设，请先修改密码。',
  },
  users: {
    title: '账户管理', create: '新建账户', username: '用户名', displayName: '姓名', role: '角色', status: '状态',
    active: '启用', inactive: '已停用', resetPassword: '重设密码', disable: '停用', enable: '启用', initialPassword: '初始密码',
    newPassword: '新密码', resetDone: '密码已重设，该用户下次登录需修改密码。', mustChange: '需改密码', actions: '操作',
  },
  audit: {
    title: '审计日志', actor: '操作人', subject: '对象', from: '起始日期', to: '截止日期', verify: '校验审计链',
    verifyOk: '审计链完整：已校验 {{count}} 条记录。', verifyBroken: '审计链在第 {{seq}} 条记录处断开：{{reason}}',
    seq: '序号', at: '时间', route: '操作', diff: '内容', hash: '哈希',
  },
  routes: {
    'setup.init': '初始设置', 'setup.demo': '生成演示数据', 'auth.login': '登录', 'auth.logout': '退出登录', 'auth.recover': '用恢复密钥重设密码',
    'auth.changePassword': '修改密码', 'users.create': '新建账户', 'users.resetPassword': '重设密码', 'users.setActive': '启用/停用账户',
    'settings.update': '修改设置', 'backup.run': '备份', 'backup.restore': '从备份恢复', 'recovery.restore': '出错后从备份恢复',
  },
  settings: {
    title: '设置与备份', language: '界面语言', backupDir: '备份文件夹', backupKeep: '保留备份份数', idleLock: '无操作自动锁定（分钟）',
    backups: '备份', runBackup: '立即备份', backupDone: '备份完成', restore: '恢复', restoreConfirm: '确定用这个备份替换当前数据吗？当前数据会先另存，不会删除。恢复后需要重新登录。',
    restored: '已恢复。原数据另存为：{{file}}', file: '文件', size: '大小', createdAt: '时间', noBackups: '还没有备份。每天首次使用时会自动备份。',
    changePassword: '修改我的密码', oldPassword: '原密码', newPassword: '新密码', passwordChanged: '密码已修改',
  },
  error: {
    title: '无法打开数据', diskFullTitle: '磁盘空间已满', diskFullBack: '已释放空间，返回继续', corrupt: '数据文件已损坏或无法读取。程序没有删除或修改任何文件。',
    newer: '这份数据由更新版本的 EduCredit 创建，本程序无法安全打开。请安装新版本；数据未被改动。',
    diskFull: '磁盘空间已满。刚才的更改没有保存，已有数据完好。请删除不需要的文件后重试。',
    whatNow: '可以这样做：', copyHint: '复制错误信息发给技术支持', restoreHint: '用最近的备份恢复（需要管理员用户名和密码）',
    backupFile: '备份文件', restoreNow: '用此备份恢复', restored: '已从备份恢复，请重新登录。原文件另存为：{{file}}',
  },
} as const;
