// Error words in both languages, shared by the renderer (through i18next) and the CLI.
import type { ApiError, ErrorCode } from './errors';
import type { UsccProblem } from '../domain/uscc';
import type { IdNumberProblem } from '../domain/idNumber';

export type Lang = 'zh-CN' | 'en';

export const errorMessages: Record<Lang, Record<ErrorCode, string>> = {
  'zh-CN': {
    INVALID_INPUT: '输入有误，请检查标出的项目。',
    INVALID_USCC: '统一社会信用代码有误：{{what}}',
    INVALID_ID_NUMBER: '身份证号有误：{{what}}',
    RECORD_NOT_CHANGEABLE: '这条记录已被更正、撤销或修复，不能再改动；请对最新的记录操作。',
    EVIDENCE_REQUIRED: '此目录事项必须附证明材料（PDF 或图片）。',
    IMPORT_JOB_GONE: '导入预览已过期或已取消，请重新选择文件。',
    IMPORT_HAS_PROBLEMS: '文件中有 {{count}} 处错误，未导入任何数据。请改正后重新导入。',
    BAD_FILE: '无法读取文件：{{what}}',
    UNAUTHENTICATED: '登录已失效，请重新登录。',
    FORBIDDEN: '您的角色无权进行此操作（{{route}}）。',
    NOT_FOUND: '找不到该项目。',
    CONFLICT: '与现有数据冲突：{{what}}',
    BAD_CREDENTIALS: '用户名或密码不正确。再失败 {{left}} 次账户将被锁定 15 分钟。',
    WRONG_PASSWORD: '密码不正确，没有签名。再输错 {{left}} 次，账户将被锁定 15 分钟。',
    SIGNING_KEY_MISSING: '您的签名密钥尚未生成：请退出后用本人密码重新登录一次，再确认报告。',
    REPORT_NOT_CONFIRMABLE: '这份报告已确认或已被新的记录取代，不能再确认；请生成新的报告。',
    LOCKED_OUT: '密码错误次数过多，账户已锁定，请 {{minutes}} 分钟后再试。',
    ACCOUNT_DISABLED: '该账户已停用，请联系管理员。',
    MUST_CHANGE_PASSWORD: '请先把管理员设置的初始密码改为只有您自己知道的密码，再进行其他操作。',
    TEACHER_HAS_ACCOUNT: '{{teacher}}已有账户“{{username}}”：一位教师只能有一个账户。忘记密码时请在账户管理中重设密码。',
    TOO_MANY_ROWS: '要打印的列表有 {{count}} 条，超过 {{max}} 条：请缩小筛选范围后再打印，或导出 Excel（不限条数）。',
    IN_USE: '此数据文件夹正被另一个教体信用程序使用（另一个窗口、网页方式或命令行）。请先关闭那个程序再试；数据未改动。',
    RESTORE_NEEDS_LOGIN: '数据可以正常打开：请由在职的管理员登录后，在“设置 → 备份”中恢复。',
    NOT_INITIALIZED: '本机尚未完成初始设置。',
    ALREADY_INITIALIZED: '本机已完成初始设置，不能再次初始化。',
    DB_LOCKED: '数据已加密锁定，请先登录。',
    CORRUPT: '数据文件已损坏或无法读取。没有删除任何文件。',
    KEY_UNAVAILABLE: '找不到本机数据的密钥文件（educredit.keys.json），数据无法打开。请从备份中找回该文件；没有删除任何文件。',
    NEWER_VERSION: '此数据由更新版本的 EduCredit 创建（数据版本 {{found}}，本程序支持到 {{supported}}）。请升级程序；数据未被改动。',
    DISK_FULL: '磁盘空间已满，本次更改没有保存。请释放空间后重试。',
    WRONG_RECOVERY_KEY: '恢复密钥不正确，请核对打印的恢复密钥页。',
    WEAK_PASSWORD: '密码至少需要 8 个字符，不能与用户名相同，不能全是同一个字符，也不能是最常见的密码。',
    UNKNOWN_ROUTE: '未知的操作：{{route}}',
    CARD_INVALID: '身份卡无效：{{what}}',
    SAME_NAME_IN_REGISTRY: '机构名录中已有同名单位“{{name}}”（统一社会信用代码 {{uscc}}）：请确认是同一单位还是另一个单位。',
    NOT_ENROLLED: '尚未登记交换对象：请先导入对方的身份卡。',
    BUNDLE_UNREADABLE: '无法解密数据包：文件已损坏、被截断，或不是发给本单位的。数据未改动。',
    BUNDLE_MALFORMED: '数据包格式错误：{{what}}。数据未改动。',
    BUNDLE_NEWER_FORMAT: '数据包由更新版本的 EduCredit 生成（格式 {{found}}，本程序支持 {{supported}}）。请升级程序；数据未改动。',
    BUNDLE_UNKNOWN_SENDER: '数据包的发送单位（{{sender}}）未登记或其密钥不符。数据未改动。',
    BUNDLE_BAD_SIGNATURE: '数据包签名无效，可能被篡改。数据未改动。',
    BUNDLE_WRONG_RECIPIENT: '数据包是发给 {{recipient}} 的，不是本单位。数据未改动。',
    BUNDLE_REPLAY: '数据包 {{sender}} 第 {{sequence}} 号与已导入的同号数据包内容不同，拒绝重放。数据未改动。',
    BUNDLE_GAP: '数据包 {{sender}} 第 {{sequence}} 号之前缺少第 {{expected}} 号，请先导入缺少的数据包。数据未改动。',
    INVALID_TRANSITION: '当前状态下不能进行该操作：{{what}}。数据未改动。',
    SUBJECT_RESTRICTED: '{{subject}}受信用限制，不能{{action}}：{{reason}}',
    DRAW_TOO_FEW_TARGETS: '可抽取的检查对象只有 {{available}} 个，少于要抽取的 {{wanted}} 个。',
    DRAW_TOO_FEW_INSPECTORS: '可抽取的检查人员只有 {{available}} 名，少于要抽取的 {{wanted}} 名。',
    INTERNAL: '程序内部错误，操作已撤销，数据未改动。',
  },
  en: {
    INVALID_INPUT: 'Some input is not valid; check the marked fields.',
    INVALID_USCC: 'Unified social credit code is wrong: {{what}}',
    INVALID_ID_NUMBER: 'ID number is wrong: {{what}}',
    RECORD_NOT_CHANGEABLE: 'This record was already amended, revoked or repaired and cannot change again; act on the newest record.',
    EVIDENCE_REQUIRED: 'This catalogue item needs evidence (a PDF or an image).',
    IMPORT_JOB_GONE: 'The import preview has expired or was cancelled; choose the file again.',
    IMPORT_HAS_PROBLEMS: 'The file has {{count}} problems; nothing was imported. Correct them and import again.',
    BAD_FILE: 'The file cannot be read: {{what}}',
    UNAUTHENTICATED: 'Your session has ended; please log in again.',
    FORBIDDEN: 'Your role may not do this ({{route}}).',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'Conflicts with existing data: {{what}}',
    BAD_CREDENTIALS: 'Wrong user name or password. After {{left}} more failures the account is locked for 15 minutes.',
    WRONG_PASSWORD: 'Wrong password: nothing was signed. {{left}} more wrong tries lock the account for 15 minutes.',
    SIGNING_KEY_MISSING: 'Your signing key has not been made yet: log out, log in again with your own password, then confirm.',
    REPORT_NOT_CONFIRMABLE: 'This report is already confirmed or superseded by later records; make a new report.',
    LOCKED_OUT: 'Too many wrong passwords: the account is locked. Try again in {{minutes}} minutes.',
    ACCOUNT_DISABLED: 'This account is disabled; ask an administrator.',
    MUST_CHANGE_PASSWORD: 'First change the initial password an administrator set to one only you know; then carry on.',
    TEACHER_HAS_ACCOUNT: '{{teacher}} already has the account "{{username}}": a teacher has one account only. If the password is forgotten, reset it under Accounts.',
    TOO_MANY_ROWS: 'The list to print has {{count}} rows, more than {{max}}: narrow the filter and print again, or export to Excel (no limit).',
    IN_USE: 'This data folder is in use by another EduCredit program (another window, the web host or the command line). Close it and try again; nothing was changed.',
    RESTORE_NEEDS_LOGIN: 'The data opens normally: an active administrator logs in and restores from Settings → Backups.',
    NOT_INITIALIZED: 'This installation has not been set up yet.',
    ALREADY_INITIALIZED: 'This installation is already set up and cannot be set up again.',
    DB_LOCKED: 'The data is encrypted and locked; log in first.',
    CORRUPT: 'The data file is damaged or unreadable. No file has been deleted.',
    KEY_UNAVAILABLE: 'The key file of this data (educredit.keys.json) is missing, so the data cannot be opened. Bring the file back from a copy; no file has been deleted.',
    NEWER_VERSION: 'This data was made by a newer EduCredit (data version {{found}}, this program supports up to {{supported}}). Upgrade the program; the data was not touched.',
    DISK_FULL: 'The disk is full; this change was not saved. Free some space and try again.',
    WRONG_RECOVERY_KEY: 'The recovery key is wrong; check the printed recovery sheet.',
    WEAK_PASSWORD: 'A password needs at least 8 characters and cannot be the user name, one character repeated, or one of the commonest passwords.',
    UNKNOWN_ROUTE: 'Unknown operation: {{route}}',
    CARD_INVALID: 'The identity card is not valid: {{what}}',
    SAME_NAME_IN_REGISTRY: 'The registry already holds “{{name}}” (USCC {{uscc}}): say whether it is the same body or another one.',
    NOT_ENROLLED: 'No exchange partner is enrolled yet: import their identity card first.',
    BUNDLE_UNREADABLE: 'The bundle cannot be decrypted: it is damaged, truncated or not addressed to this installation. Nothing was changed.',
    BUNDLE_MALFORMED: 'The bundle is malformed: {{what}}. Nothing was changed.',
    BUNDLE_NEWER_FORMAT: 'The bundle was made by a newer EduCredit (format {{found}}, this program reads {{supported}}). Upgrade; nothing was changed.',
    BUNDLE_UNKNOWN_SENDER: 'The bundle\'s sender ({{sender}}) is not enrolled or its key does not match. Nothing was changed.',
    BUNDLE_BAD_SIGNATURE: 'The bundle\'s signature is not valid: it may have been tampered with. Nothing was changed.',
    BUNDLE_WRONG_RECIPIENT: 'The bundle is addressed to {{recipient}}, not to this installation. Nothing was changed.',
    BUNDLE_REPLAY: 'Bundle {{sequence}} from {{sender}} differs from the one already imported with that number: replay refused. Nothing was changed.',
    BUNDLE_GAP: 'Bundle {{sequence}} from {{sender}} comes after a missing bundle {{expected}}: import that one first. Nothing was changed.',
    INVALID_TRANSITION: 'Not possible in the current state: {{what}}. Nothing was changed.',
    SUBJECT_RESTRICTED: '{{subject}} is under credit restrictions and cannot {{action}}: {{reason}}',
    DRAW_TOO_FEW_TARGETS: 'Only {{available}} targets can be drawn, fewer than the {{wanted}} asked for.',
    DRAW_TOO_FEW_INSPECTORS: 'Only {{available}} inspectors can be drawn, fewer than the {{wanted}} asked for.',
    INTERNAL: 'Internal error: the operation was rolled back and no data changed.',
  },
};

export function describeUsccProblem(p: UsccProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  switch (p.reason) {
    case 'empty':
      return zh ? '不能为空' : 'it is empty';
    case 'length':
      return zh ? `应为 18 位，实际 ${p.length} 位` : `it must have 18 characters, not ${p.length}`;
    case 'char':
      return zh
        ? `第 ${p.position} 位“${p.char}”不是允许的字符（不使用 I、O、S、V、Z）`
        : `character ${p.position} "${p.char}" is not allowed (I, O, S, V and Z are never used)`;
    case 'orgCheck':
      return zh
        ? `第 17 位（组织机构代码校验码）应为“${p.expected}”，实际为“${p.got}”`
        : `character 17 (the organisation code check character) should be "${p.expected}", not "${p.got}"`;
    case 'check':
      return zh
        ? `第 18 位校验码应为“${p.expected}”，实际为“${p.got}”`
        : `character 18 (the check character) should be "${p.expected}", not "${p.got}"`;
  }
}

export function describeIdProblem(p: IdNumberProblem, lang: Lang): string {
  const zh = lang === 'zh-CN';
  const g = (x: 'male' | 'female'): string => (zh ? (x === 'male' ? '男' : '女') : x);
  switch (p.reason) {
    case 'empty':
      return zh ? '不能为空' : 'it is empty';
    case 'length':
      return zh ? `应为 18 位，实际 ${p.length} 位` : `it must have 18 characters, not ${p.length}`;
    case 'char':
      return zh ? `第 ${p.position} 位“${p.char}”不是数字` : `character ${p.position} "${p.char}" is not a digit`;
    case 'date':
      return zh ? `出生日期 ${p.date} 不是有效日期` : `the birth date ${p.date} is not a real date`;
    case 'check':
      return zh ? `第 18 位校验码应为“${p.expected}”，实际为“${p.got}”` : `character 18 (the check character) should be "${p.expected}", not "${p.got}"`;
    case 'gender':
      return zh ? `号码显示性别为${g(p.encoded)}，与填写的${g(p.stated)}不符` : `the number encodes ${g(p.encoded)}, but ${g(p.stated)} was given`;
  }
}

function fill(template: string, params: Record<string, string | number> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params?.[k] ?? ''));
}

/** Words for the contract's own message keys (shared/api/contract.ts); zod's own are localised by zod. */
const issueMessages: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    min8: '至少 8 个字符',
    passwordUsername: '密码不能与用户名相同',
    passwordSame: '密码不能全是同一个字符',
    passwordCommon: '这是最常见的密码之一，很容易被猜到，请换一个',
    passwordUnchanged: '新密码不能与原密码相同',
    required: '必须填写',
    absolutePath: '请从列表中选择备份，或填写备份文件的完整路径（如 D:\\备份\\educredit-….backup.db）',
    username: '2–32 位字母、数字、下划线、点或连字符',
    date: '不是有效日期',
    dateInFuture: '不能晚于今天',
    beforeRecord: '不能早于记录发生日期',
    endBeforeStart: '结束日期不能早于开始日期',
    noListEntry: '此操作不列入名单，不能填写结束日期',
    catalogueOutdated: '该事项已不在现行目录中，请按新版目录选择',
    pointsSign: '守信事项分值不能为负，失信事项分值不能为正',
    beforeToday: '不能早于今天',
    beforePlanPeriod: '不能早于检查计划的开始日期',
    duplicate: '不能重复选择',
    notInspector: '不是在职的检查人员',
    acknowledgeFlags: '批准前须确认已看过信用提示',
    requestKind: '申请内容应与本轮的类别相符',
    levelLowered: '该对象的评估等级须降低：请选择低于申请等级的评估等级，或不予批准',
    levelCancelled: '该对象的评估等级须取消或降低，申请等级已是合格，只能不予批准',
    levelNotLowered: '只有须降低评估等级的对象才能另定等级',
    forbiddenChar: '不能含有控制字符、文字方向控制符（如 U+202E）、零宽字符或其他看不见的字符',
    positiveRecord: '这是一条守信记录，不需要提出异议',
    usernameTaken: '这个用户名已有人使用，请换一个',
    absoluteFolder: '请选择文件夹，或填写从盘符开始的完整路径（如 E:\\教体信用 或 /media/usb）',
  },
  en: {
    min8: 'at least 8 characters',
    passwordUsername: 'the password cannot be the user name',
    passwordSame: 'the password cannot be one character repeated',
    passwordCommon: 'this is one of the commonest passwords and easy to guess; choose another',
    passwordUnchanged: 'the new password must differ from the old one',
    required: 'required',
    absolutePath: 'choose a backup from the list, or give the backup file\'s full path (such as D:\\Backups\\educredit-….backup.db)',
    username: '2–32 letters, digits, underscores, dots or hyphens',
    date: 'not a real date',
    dateInFuture: 'cannot be later than today',
    beforeRecord: 'cannot be before the record happened',
    endBeforeStart: 'the end cannot be before the start',
    noListEntry: 'this step puts no one on a list, so it takes no end date',
    catalogueOutdated: 'this item is no longer in the current catalogue; choose from the new one',
    pointsSign: 'a positive item cannot take points off, nor a negative one add them',
    beforeToday: 'cannot be before today',
    beforePlanPeriod: 'cannot be before the plan\'s period starts',
    duplicate: 'chosen twice',
    notInspector: 'not an active inspector',
    acknowledgeFlags: 'confirm you have read the credit warnings before granting',
    requestKind: 'the request must be of the round\'s kind',
    levelLowered: 'this applicant\'s evaluation must be lowered: choose a level below the one asked for, or decline',
    levelCancelled: 'this applicant\'s evaluation must be cancelled or lowered, and it asks for qualified already: it can only be declined',
    levelNotLowered: 'a level is set only where the credit lowers the evaluation',
    forbiddenChar: 'must not contain control, bidirectional (such as U+202E), zero-width or other invisible characters',
    positiveRecord: 'this record is in the teacher\'s favour: there is nothing to object to',
    usernameTaken: 'this user name is taken; choose another',
    absoluteFolder: 'choose a folder, or give its whole path from the drive (such as E:\\EduCredit or /media/usb)',
  },
};

/** Keys that take a value after a colon: a validator's limit ("maxChars:30") or who already has a number. */
const countedIssues: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    minChars: '至少 {{n}} 个字',
    maxChars: '最多 {{n}} 个字',
    minItems: '至少选 {{n}} 项',
    maxItems: '最多 {{n}} 项',
    minNumber: '不能小于 {{n}}',
    maxNumber: '不能大于 {{n}}',
    idNumberTakenBy: '已是教师{{n}}的身份证号：同一位教师不能登记两次',
    staffNoTakenBy: '已是教师{{n}}的工号',
    studentNoTakenBy: '已是学生{{n}}的学号',
  },
  en: {
    minChars: 'at least {{n}} characters',
    maxChars: 'at most {{n}} characters',
    minItems: 'choose at least {{n}}',
    maxItems: 'at most {{n}}',
    minNumber: 'cannot be less than {{n}}',
    maxNumber: 'cannot be more than {{n}}',
    idNumberTakenBy: 'already the ID number of the teacher {{n}}: a teacher is registered once',
    staffNoTakenBy: 'already the staff number of the teacher {{n}}',
    studentNoTakenBy: 'already the student number of {{n}}',
  },
};

/** The words of the few keys every validator issue falls back to. */
const genericIssues: Record<Lang, Record<string, string>> = {
  'zh-CN': { invalid: '格式不对', choice: '请从给出的选项中选择', wholeNumber: '必须是整数' },
  en: { invalid: 'not in the expected form', choice: 'choose one of the options given', wholeNumber: 'must be a whole number' },
};

/** True for a message that is one of our keys, so the dispatcher passes it on as it is. */
/** "maxChars:30" is the key maxChars with the value 30; the value may hold colons itself. */
function splitKey(message: string): { key: string; value: string | null } {
  const at = message.indexOf(':');
  return at < 0 ? { key: message, value: null } : { key: message.slice(0, at), value: message.slice(at + 1) };
}

/**
 * True for a message that is one of our keys ("forbiddenChar", "maxChars:30", a feature's own
 * "fineRequired"), so the dispatcher passes it on as it is. A validator's own wording is a sentence
 * with spaces; a key never has one before its value.
 */
export function isIssueKey(message: string): boolean {
  return /^[a-z][A-Za-z0-9]*$/.test(splitKey(message).key);
}

export function issueMessage(message: string, lang: Lang): string {
  const { key, value } = splitKey(message);
  const counted = countedIssues[lang][key];
  if (value !== null && counted) return counted.replace('{{n}}', value);
  return issueMessages[lang][message] ?? genericIssues[lang][message] ?? message;
}

/**
 * Params worded by the core come in Chinese as `x` and in English as `xEn` (a refusal's `what`, a
 * restriction's `action` and `reason`): English takes the `xEn` words where there are some.
 */
function englishParams(params: ApiError['params']): ApiError['params'] {
  if (!params) return params;
  const out = { ...params };
  for (const [k, v] of Object.entries(params)) if (k.endsWith('En') && k.length > 2) out[k.slice(0, -2)] = v;
  return out;
}

/**
 * The words for an input's field, by the last part of its path ("admin.password" is a password):
 * a refusal names the field as a person knows it, never by its key. A field not named here is left
 * out of the sentence rather than shown as a key.
 */
export const FIELD_NAMES: Record<Lang, Record<string, string>> = {
  'zh-CN': {
    name: '姓名', gender: '性别', idNumber: '身份证号', staffNo: '工号', subject: '任教学科', title: '职称', hireDate: '入职日期',
    studentNo: '学号', classId: '班级', guardianContact: '监护人联系方式', grade: '年级', username: '用户名', displayName: '姓名',
    password: '密码', newPassword: '新密码', oldPassword: '原密码', orgName: '单位名称', uscc: '统一社会信用代码', description: '事实描述',
    reason: '理由', occurredOn: '发生日期', itemId: '目录事项', evidence: '证明材料', effectiveOn: '生效日期', backupDir: '备份文件夹',
    backupKeep: '保留备份份数', idleLockMinutes: '自动锁定时间', bureauName: '教体局名称', recoveryKey: '恢复密钥', file: '备份文件',
    year: '年度', folder: '文件夹', note: '说明', teacherId: '教师', role: '角色', doneOn: '检查日期', kind: '类别', startOn: '开始日期', endOn: '结束日期',
    dueOn: '整改期限', subjectKey: '对象', level: '评估等级',
  },
  en: {
    name: 'Name', gender: 'Gender', idNumber: 'ID number', staffNo: 'Staff no.', subject: 'Subject', title: 'Title', hireDate: 'Hired on',
    studentNo: 'Student no.', classId: 'Class', guardianContact: 'Guardian contact', grade: 'Grade', username: 'User name', displayName: 'Name',
    password: 'Password', newPassword: 'New password', oldPassword: 'Old password', orgName: 'Organisation name', uscc: 'Unified social credit code',
    description: 'What happened', reason: 'Reason', occurredOn: 'Date', itemId: 'Catalogue item', evidence: 'Evidence', effectiveOn: 'Effective from',
    backupDir: 'Backup folder', backupKeep: 'Backups kept', idleLockMinutes: 'Idle lock', bureauName: 'Bureau name', recoveryKey: 'Recovery key',
    file: 'Backup file', year: 'Year', folder: 'Folder', note: 'Note', teacherId: 'Teacher', role: 'Role', doneOn: 'Inspected on', kind: 'Kind',
    startOn: 'Starts on', endOn: 'Ends on', dueOn: 'Due on', subjectKey: 'Subject', level: 'Evaluation level',
  },
};

/** "姓名：必须填写" / "Name: required" (or "--password-file：…" from the CLI), or the words alone for a field not named. */
export function issueText(issue: { path: string; message: string }, lang: Lang): string {
  const words = issueMessage(issue.message, lang);
  // The command line names a field by the flag a person typed (--password-file).
  const field = issue.path.startsWith('--') ? issue.path : FIELD_NAMES[lang][issue.path.split('.').at(-1) ?? ''];
  return field ? `${field}${lang === 'en' ? ': ' : '：'}${words}` : words;
}

/** One line for a person: the CLI prints it, the renderer shows it. */
export function formatError(e: ApiError, lang: Lang): string {
  const params =
    e.code === 'INVALID_USCC' && e.params
      ? { what: describeUsccProblem(e.params as unknown as UsccProblem, lang) }
      : e.code === 'INVALID_ID_NUMBER' && e.params
        ? { what: describeIdProblem(e.params as unknown as IdNumberProblem, lang) }
        : lang === 'en'
          ? englishParams(e.params)
          : e.params;
  const base = fill(errorMessages[lang][e.code], params);
  if (e.issues && e.issues.length > 0) {
    return `${base} ${e.issues.map((i) => issueText(i, lang)).join(lang === 'en' ? '; ' : '；')}`;
  }
  return base;
}
