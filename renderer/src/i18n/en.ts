// English: the second language of the UI. Same keys as zh-CN.
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  app: { name: 'EduCredit', fullName: 'EduCredit 教体信用', mode: { school: 'School', bureau: 'Bureau' } },
  common: {
    save: 'Save', cancel: 'Cancel', confirm: 'Confirm', close: 'Close', next: 'Next', back: 'Back', loading: 'Loading…',
    refresh: 'Refresh', copyError: 'Copy the error', copied: 'Copied', yes: 'Yes', no: 'No', search: 'Search', reset: 'Reset',
    total: '{{count}} in all', prev: 'Previous', nextPage: 'Next', page: 'Page {{page}} of {{pages}}', saved: 'Saved',
  },
  nav: { dashboard: 'Dashboard', users: 'Accounts', audit: 'Audit log', settings: 'Settings & backups', logout: 'Log out', language: '中文' },
  roles: {
    school_admin: 'School administrator', records_clerk: 'Records clerk', teacher: 'Teacher', bureau_admin: 'Bureau administrator',
    bureau_inspector: 'Bureau inspector', auditor: 'Auditor (read only)',
  },
  setup: {
    title: 'Welcome to EduCredit', subtitle: 'First run: set up this installation. Data stays on this computer, encrypted.',
    newInstall: 'New installation', newInstallHint: 'Start the credit files of your school or bureau', demo: 'Open demo data', demoHint: 'Build a sample school or bureau for training and trials',
    stepMode: 'Organisation type', stepOrg: 'Organisation', stepAdmin: 'Administrator', stepKey: 'Recovery key',
    modeSchool: 'School', modeSchoolHint: 'Keep teacher and student records, produce teacher credit reports, send bundles to the bureau',
    modeBureau: 'Education bureau', modeBureauHint: 'Import school bundles, supervise private schools and training institutions, grade credit',
    orgName: 'Organisation name', orgNamePlaceholder: 'e.g. 舞钢市第一初级中学', uscc: 'Unified social credit code', usccHint: '18 characters, on the legal-person certificate',
    usccOk: 'Check passed',
    adminUser: 'Administrator user name', adminName: 'Administrator name', password: 'Password', password2: 'Repeat the password', passwordMismatch: 'The passwords differ',
    passwordHint: 'At least 8 characters. A forgotten password can only be reset with the recovery key.',
    demoScale: 'Demo scale', demoSchool: 'A school (132 teachers, about 2,150 students)', demoBureau: 'A bureau (about 70 schools and institutions)',
    demoPasswordHint: 'The demo accounts admin, clerk, auditor, T0001 (school) or admin, inspector, auditor (bureau) all use this password.',
    create: 'Finish setup', creating: 'Creating the encrypted database…',
    keyTitle: 'Print or write down the recovery key now', keyWarning: 'The recovery key is shown only this once. When every password is forgotten it is the only way into this data; lose it and the passwords, and the data cannot be recovered. Print it and lock it away; do not keep it on this computer.',
    print: 'Print the recovery sheet', keyConfirm: 'I have printed or written down the recovery key and put it somewhere safe', toLogin: 'Go to login',
    sheetTitle: 'EduCredit recovery key', sheetOrg: 'Organisation', sheetDate: 'Made on', sheetKeep: 'Lock this page away. With this key an administrator password can be reset when forgotten.',
  },
  login: {
    title: 'Log in', username: 'User name', password: 'Password', submit: 'Log in', idleLocked: 'Locked after a period without use; please log in again.',
    forgot: 'Forgot the password? Use the recovery key', recoverTitle: 'Reset a password with the recovery key', recoveryKey: 'Recovery key', recoveryKeyHint: '32 characters; dashes are optional',
    newPassword: 'New password', recoverSubmit: 'Reset password', recovered: 'Password reset; log in with the new password.', backToLogin: 'Back to login', loggedOut: 'Logged out.',
  },
  dashboard: {
    title: 'Dashboard', welcome: 'Hello, {{name}}', counts: 'At a glance', teachers: 'Teachers', students: 'Students', classes: 'Classes',
    institutions: 'Schools & institutions', users: 'Accounts', auditEntries: 'Audit entries', lastBackup: 'Last backup', never: 'No backup yet',
    auditOk: 'Audit chain intact', auditBroken: 'Audit chain broken: verify it in the audit log', changePassword: 'An administrator reset your password: change it first.',
  },
  users: {
    title: 'Accounts', create: 'New account', username: 'User name', displayName: 'Name', role: 'Role', status: 'Status',
    active: 'Active', inactive: 'Disabled', resetPassword: 'Reset password', disable: 'Disable', enable: 'Enable', initialPassword: 'Initial password',
    newPassword: 'New password', resetDone: 'Password reset; the user must change it at next login.', mustChange: 'Must change password', actions: 'Actions',
  },
  audit: {
    title: 'Audit log', actor: 'Actor', subject: 'Subject', from: 'From', to: 'To', verify: 'Verify the chain',
    verifyOk: 'Audit chain intact: {{count}} entries checked.', verifyBroken: 'The audit chain breaks at entry {{seq}}: {{reason}}',
    seq: 'No.', at: 'Time', route: 'Operation', diff: 'Change', hash: 'Hash',
  },
  routes: {
    'setup.init': 'Initial setup', 'setup.demo': 'Demo data', 'auth.login': 'Log in', 'auth.logout': 'Log out', 'auth.recover': 'Password reset with recovery key',
    'auth.changePassword': 'Password change', 'users.create': 'New account', 'users.resetPassword': 'Password reset', 'users.setActive': 'Account enabled/disabled',
    'settings.update': 'Settings change', 'backup.run': 'Backup', 'backup.restore': 'Restore from backup', 'recovery.restore': 'Restore after an error',
  },
  settings: {
    title: 'Settings & backups', language: 'Language', backupDir: 'Backup folder', backupKeep: 'Backups kept', idleLock: 'Lock after idle minutes',
    backups: 'Backups', runBackup: 'Back up now', backupDone: 'Backup written', restore: 'Restore', restoreConfirm: 'Replace the current data with this backup? The current data is kept aside first, not deleted. You will need to log in again.',
    restored: 'Restored. The previous data was kept as: {{file}}', file: 'File', size: 'Size', createdAt: 'Time', noBackups: 'No backups yet. One is made automatically each day.',
    changePassword: 'Change my password', oldPassword: 'Current password', newPassword: 'New password', passwordChanged: 'Password changed',
  },
  error: {
    title: 'The data cannot be opened', diskFullTitle: 'The disk is full', diskFullBack: 'Space freed: go back', corrupt: 'The data file is damaged or unreadable. Nothing was deleted or changed.',
    newer: 'This data was made by a newer EduCredit and cannot be opened safely by this one. Install the newer version; the data was not touched.',
    diskFull: 'The disk is full. The last change was not saved; the data you had is intact. Delete files you do not need and try again.',
    whatNow: 'What you can do:', copyHint: 'Copy the error for technical support', restoreHint: 'Restore the latest backup (needs an administrator name and password)',
    backupFile: 'Backup file', restoreNow: 'Restore this backup', restored: 'Restored from the backup; log in again. The damaged file was kept as: {{file}}',
  },
};
