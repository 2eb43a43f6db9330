// Words of the command line (CLI process): usage, labels and the CLI's own errors, zh-CN and en.
// Errors from the core are worded by shared/api/messages.ts, the same words the UI shows.
import type { Lang } from '../../shared/api/messages';

const zh = {
  missingOption: '缺少必需的选项 {{flag}}。用 --help 查看用法。',
  badChoice: '{{flag}} 应为 {{choices}}，而不是“{{value}}”。',
  unknownOption: '未知选项 {{flag}}。用 --help 查看用法。',
  missingValue: '选项 {{flag}} 缺少值。',
  unexpectedArg: '多余的参数“{{value}}”。用 --help 查看用法。',
  badArgs: '参数有误：{{detail}}',
  unknownCommand: '未知命令“{{value}}”。可用命令：init、demo、doctor、stats、import、verify-report、report batch、keys、bundle、grade、draw。',
  verifyStatus: '{{file}}：{{status}}',
  cardWritten: '身份卡已写入 {{file}}。指纹：{{fingerprint}}（请与对方在纸面或电话中核对）',
  enrolled: '已登记 {{name}}（{{uscc}}），指纹 {{fingerprint}}',
  alreadyEnrolled: '{{name}}（{{uscc}}）已登记过，指纹 {{fingerprint}}，未作改动',
  identityWritten: 'age 私钥已写入 {{file}}（仅本人可读）。请妥善保管：凭它可解密发给本局的全部数据包。',
  bundleNew: '新数据包 {{file}}（序号 {{seq}}，{{size}}）',
  bundleAgain: '重新写出对方尚未确认的数据包 {{file}}（序号 {{seq}}）',
  bundleNothing: '没有要发送的数据包。',
  bundleApplied: '{{file}}：已导入（来自 {{sender}}，序号 {{seq}}）',
  bundleDuplicate: '{{file}}：已导入过，未作改动（来自 {{sender}}，序号 {{seq}}）',
  inspectVerdict: '{{file}}：{{verdict}}',
  inspectManifest: '发送方 {{sender}} → 接收方 {{recipient}}，序号 {{seq}}，生成于 {{created}}，内容 {{counts}}',
  verifyReport: '报告编号 {{number}}，教师 {{teacher}}',
  verifyConfirmation: '确认人 {{signer}}，时间 {{at}}，公钥指纹 {{fingerprint}}',
  batchProgress: '正在生成报告：{{done}} / {{total}}',
  batchDone: '已保存 {{n}} 份 {{year}} 年度教师信用报告到 {{folder}}',
  batchCancelled: '已取消：生成了 {{done}} / {{total}} 份报告，已生成的报告完整有效。',
  batchFailed: '批量生成在第 {{done}} / {{total}} 份时失败：{{detail}}',
  emptyPassword: '没有读到密码（{{where}}的第一行为空）。',
  passwordMismatch: '两次输入的密码不一致。',
  passwordCancelled: '已取消输入密码。',
  unreadablePasswordFile: '无法读取密码文件 {{file}}：{{detail}}',
  stdin: '标准输入',
  promptPassword: '密码：',
  promptPasswordAgain: '再次输入密码：',
  internal: '内部错误：{{detail}}',
  created: '已创建{{mode}}安装：{{name}}（{{uscc}}），数据目录 {{dir}}',
  createdDemo: '已创建{{mode}}演示数据，数据目录 {{dir}}',
  adminIs: '管理员用户名：{{user}}',
  modeSchool: '学校',
  modeBureau: '教育局',
  recoveryKey: '恢复密钥：',
  recoveryWarning:
    '重要：恢复密钥只显示这一次，不会保存在任何地方。请立即打印或抄写，并锁在安全的地方。所有密码都忘记时，只有它能打开数据；没有它，数据将永远无法读取。',
  doctorAllOk: '全部 {{n}} 项检查通过。',
  doctorFailed: 'doctor：{{n}} 项检查未通过。',
  checkIntegrity: '数据库完整性（integrity_check）',
  checkForeignKeys: '外键（foreign_key_check）',
  checkAuditChain: '审计链',
  checkSchemaVersion: '数据版本',
  integrityProblems: '发现 {{n}} 处问题：{{first}}',
  fkViolations: '{{n}} 行引用了不存在的记录，例如 {{table}} 第 {{rowid}} 行 → {{parent}}',
  auditOk: '{{n}} 条记录，链完整',
  auditBroken: '在 seq {{seq}} 处断开（{{reason}}）；此前 {{n}} 条完好',
  schemaOk: '{{found}}（本程序支持 {{supported}}）',
  schemaBad: '文件为 {{found}}，本程序应为 {{supported}}',
  checkError: '无法完成检查：{{detail}}',
  statsTitle: '{{name}} — 数量统计',
  countSchools: '学校',
  countTeachers: '教师',
  countStudents: '学生',
  countClasses: '班级',
  countInstitutions: '机构',
  countUsers: '账户',
  countAuditEntries: '审计记录',
  countRecords: '信用记录',
  unreadableFile: '无法读取文件 {{file}}：{{detail}}',
  fileTooBig: '文件 {{file}} 超过 {{max}} MB，无法导入；请分成几个文件。',
  importIgnored: '注意：以下列不认识，已忽略：{{columns}}',
  importMore: '……另有 {{n}} 处错误未列出。',
  importDone: '已导入 {{file}}（{{rows}} 行）：新增 {{inserted}}，更新 {{updated}}，未变 {{unchanged}}。',
};

export type TextKey = keyof typeof zh;

const en: Record<TextKey, string> = {
  missingOption: 'Missing required option {{flag}}. See --help.',
  badChoice: '{{flag}} must be {{choices}}, not "{{value}}".',
  unknownOption: 'Unknown option {{flag}}. See --help.',
  missingValue: 'Option {{flag}} needs a value.',
  unexpectedArg: 'Unexpected argument "{{value}}". See --help.',
  badArgs: 'Bad arguments: {{detail}}',
  unknownCommand: 'Unknown command "{{value}}". Commands: init, demo, doctor, stats, import, verify-report, report batch, keys, bundle, grade, draw.',
  verifyStatus: '{{file}}: {{status}}',
  cardWritten: 'Identity card written to {{file}}. Fingerprint: {{fingerprint}} (compare it with the other side on paper or by phone)',
  enrolled: 'Enrolled {{name}} ({{uscc}}), fingerprint {{fingerprint}}',
  alreadyEnrolled: '{{name}} ({{uscc}}) was already enrolled, fingerprint {{fingerprint}}; nothing changed',
  identityWritten: 'The age secret key was written to {{file}} (readable by you only). Keep it safe: it decrypts every bundle sent to this bureau.',
  bundleNew: 'New bundle {{file}} (sequence {{seq}}, {{size}})',
  bundleAgain: 'Wrote again the unacknowledged bundle {{file}} (sequence {{seq}})',
  bundleNothing: 'No bundle to send.',
  bundleApplied: '{{file}}: imported (from {{sender}}, sequence {{seq}})',
  bundleDuplicate: '{{file}}: already imported, nothing changed (from {{sender}}, sequence {{seq}})',
  inspectVerdict: '{{file}}: {{verdict}}',
  inspectManifest: 'sender {{sender}} → recipient {{recipient}}, sequence {{seq}}, made {{created}}, content {{counts}}',
  verifyReport: 'report {{number}}, teacher {{teacher}}',
  verifyConfirmation: 'confirmed by {{signer}} at {{at}}, key fingerprint {{fingerprint}}',
  batchProgress: 'Making reports: {{done}} / {{total}}',
  batchDone: 'Saved {{n}} teacher credit reports for {{year}} in {{folder}}',
  batchCancelled: 'Cancelled: {{done}} of {{total}} reports made; those are whole and valid.',
  batchFailed: 'The batch failed at report {{done}} of {{total}}: {{detail}}',
  emptyPassword: 'No password was read (the first line of {{where}} is empty).',
  passwordMismatch: 'The two passwords do not match.',
  passwordCancelled: 'Password entry cancelled.',
  unreadablePasswordFile: 'Cannot read the password file {{file}}: {{detail}}',
  stdin: 'standard input',
  promptPassword: 'Password: ',
  promptPasswordAgain: 'Password again: ',
  internal: 'Internal error: {{detail}}',
  created: 'Created a {{mode}} installation: {{name}} ({{uscc}}), data folder {{dir}}',
  createdDemo: 'Created {{mode}} demo data in {{dir}}',
  adminIs: 'Administrator user name: {{user}}',
  modeSchool: 'school',
  modeBureau: 'bureau',
  recoveryKey: 'Recovery key:',
  recoveryWarning:
    'IMPORTANT: the recovery key is shown this once and is not stored anywhere. Print it or write it down now and lock it away. If every password is forgotten it is the only way into the data; without it the data can never be read again.',
  doctorAllOk: 'All {{n}} checks passed.',
  doctorFailed: 'doctor: {{n}} checks failed.',
  checkIntegrity: 'Database integrity (integrity_check)',
  checkForeignKeys: 'Foreign keys (foreign_key_check)',
  checkAuditChain: 'Audit chain',
  checkSchemaVersion: 'Data version',
  integrityProblems: '{{n}} problems found: {{first}}',
  fkViolations: '{{n}} rows point at missing rows, e.g. {{table}} row {{rowid}} → {{parent}}',
  auditOk: '{{n}} entries, chain intact',
  auditBroken: 'broken at seq {{seq}} ({{reason}}); the {{n}} entries before it hold',
  schemaOk: '{{found}} (this program supports {{supported}})',
  schemaBad: 'the file has {{found}}, this program needs {{supported}}',
  checkError: 'the check could not run: {{detail}}',
  statsTitle: '{{name}} — counts',
  countSchools: 'Schools',
  countTeachers: 'Teachers',
  countStudents: 'Students',
  countClasses: 'Classes',
  countInstitutions: 'Institutions',
  countUsers: 'Accounts',
  countAuditEntries: 'Audit entries',
  countRecords: 'Credit records',
  unreadableFile: 'Cannot read the file {{file}}: {{detail}}',
  fileTooBig: 'The file {{file}} is larger than {{max}} MB and cannot be imported; split it into several files.',
  importIgnored: 'Note: these columns are not known and were ignored: {{columns}}',
  importMore: '… and {{n}} more problems not listed.',
  importDone: 'Imported {{file}} ({{rows}} rows): {{inserted}} added, {{updated}} updated, {{unchanged}} unchanged.',
};

const TEXT: Record<Lang, Record<TextKey, string>> = { 'zh-CN': zh, en };

export function t(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return TEXT[lang][key].replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** Both languages at once: whoever runs --help may not know which --lang to ask for. */
export const USAGE = `edu-credit — 教体信用命令行工具 / EduCredit command line

用法 / Usage:
  edu-credit init   --data-dir DIR --mode school|bureau --name NAME --uscc CODE --admin USER
                    [--admin-name DISPLAY] [--password-file FILE] [--json]
  edu-credit demo   --data-dir DIR --scale school|bureau [--password-file FILE] [--json]
  edu-credit doctor --data-dir DIR --user USER [--password-file FILE] [--json]
  edu-credit stats  --data-dir DIR --user USER [--password-file FILE] [--json]
  edu-credit import --data-dir DIR --user USER [--password-file FILE] --kind teachers|students|records
                    [--json] FILE
  edu-credit verify-report --data-dir DIR --user USER [--password-file FILE] [--json] FILE.pdf
  edu-credit report batch  --data-dir DIR --user USER [--password-file FILE] --year YYYY --out FOLDER
  edu-credit keys export-card|export-age-identity --data-dir DIR --user USER [--password-file FILE] --out FILE
  edu-credit keys enrol      --data-dir DIR --user USER [--password-file FILE] CARDFILE
  edu-credit bundle export   --data-dir DIR --user USER [--password-file FILE] --out FOLDER
  edu-credit bundle import|inspect --data-dir DIR --user USER [--password-file FILE] FILE...
  edu-credit grade  --data-dir DIR --user USER [--password-file FILE] [--json]
  edu-credit draw   --data-dir DIR --user USER [--password-file FILE] --seed N --count K [--inspectors M] [--json]

命令 / Commands:
  init    新建学校或教育局的安装，并打印恢复密钥（只显示一次，请打印保存）
          set up a new school or bureau installation and print its recovery key (shown once: print it)
  demo    新建带演示数据的安装，管理员用户名为 admin
          set up a new installation with demo data; the administrator is "admin"
  doctor  检查数据库完整性、外键、审计链和数据版本（管理员或审计员）
          check database integrity, foreign keys, the audit chain and the data version (admins, auditor)
  stats   打印教师、学生、机构、审计记录等数量；--json 输出一个 JSON 对象
          print the counts (teachers, students, institutions, audit entries, …); --json prints one JSON object
  import  导入 .xlsx 或 .csv（UTF-8 或 GBK）的教师、学生名单或信用记录；有任何错误行时逐行列出
          （第 N 行 [列]: 原因），不写入任何数据并以 1 退出；再次导入同一文件不改变任何数据
          import teachers, students or credit records from .xlsx or .csv (UTF-8 or GBK); when any row is
          bad, list each (row, column, reason), write nothing and exit 1; importing a file again changes nothing
  verify-report  核验教师信用报告 PDF：已确认（退出码 0）、未确认或已被取代（3）、篡改或不是本系统的报告（1），并说明原因
          verify a teacher credit report PDF: confirmed (exit 0), unconfirmed or superseded (3), tampered or not an EduCredit report (1), with the reason
  keys    导出本机身份卡 / 登记对方身份卡 / （教体局）导出 age 私钥
          export this installation's identity card / enrol the other side's card / (bureau) export the age secret key
  bundle  导出数据包到文件夹 / 按序号导入数据包（重复导入无影响，被拒绝时退出码非 0）/ 查看数据包而不导入
          export bundles to a folder / import bundles in sequence order (a duplicate is a no-op; a rejected one exits non-zero) / inspect without applying
  grade   （教体局）按现行信用分级规则为全部主体评级，打印各类主体各等级的数量
          (bureau) grade every subject under the current rules and print the counts by kind and grade
  draw    （教体局）“双随机”抽取检查对象和检查人员，按等级加权；同一种子、同一数据抽取结果相同
          (bureau) "double random" draw of targets and inspectors, weighted by grade; the same seed on the same data draws the same
  report batch   为全部在职教师生成某年度的信用报告，每人一个 PDF；Ctrl-C 可在两份报告之间安全取消
          make every active teacher's report of a year, one PDF each; Ctrl-C cancels safely between two reports

选项 / Options:
  --password-file FILE  从文件的第一行读取密码；省略或为 - 时从标准输入读取。密码从不写在命令行上。
                        read the password from the first line of FILE; absent or "-": from standard input.
                        Passwords are never given on the command line.
  --json                输出机器可读的 JSON / print machine-readable JSON
  --lang zh-CN|en       消息语言，默认 zh-CN，也可用环境变量 EDUCREDIT_LANG
                        message language, default zh-CN; or set EDUCREDIT_LANG
  -h, --help            显示本帮助 / show this help
  EDUCREDIT_DEBUG=1     出现内部错误时在标准错误输出打印内部日志 / print the internal log on an internal error

退出码 / Exit codes: 0 成功 / success · 1 失败 / failure · 2 用法错误 / usage error
`;
