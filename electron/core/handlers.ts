// Route handlers (core): one function per route of shared/api/contract.ts. The dispatcher has
// already checked the session, the role and the input; mutations run inside its transaction.
import { AppError } from '../../shared/api/errors';
import type { Contract } from '../../shared/api/contract';
import { me, type Handlers } from './handler';
import { DEMO_ORG } from './demo/org';
import { registryHandlers } from './registry/handlers';
import { creditHandlers } from './credit/handlers';
import { importHandlers } from './import/handlers';
import { reportHandlers } from './reports/handlers';
import { syncHandlers } from './sync/handlers';
import { institutionHandlers } from './institutions/handlers';
import { gradingHandlers } from './grading/handlers';
import { listHandlers } from './lists/handlers';
import { caseHandlers } from './cases/handlers';
import { decisionHandlers } from './decisions/handlers';
import { inspectionHandlers } from './inspections/handlers';
import { overviewHandlers } from './overview/handlers';
import { accountHandlers } from './accounts/handlers';
import { auditHandlers } from './audit/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { schoolTeacherHandlers } from './schoolTeachers/handlers';
import type { Installation } from './app/installation';
import { changePassword, createUser, login, recover, resetPassword, setActive, toUserView, unlockSlot } from './auth/service';
import { basename, isAbsolute, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { assertWholeFolderPath } from './fs/folders';
import { ADMINS, type Role } from '../../shared/domain/roles';
import { verifyAudit } from './audit/log';
import { defaultBackupDir, listBackups, readNewestReadable, restoreBackup, runBackup } from './backup/service';
import { assertPasswordAllowed } from './auth/passwordPolicy';
import type { Store } from './db/open';
import { counts, ownCounts } from './dashboard/service';
import { runDoctor } from './doctor/service';
import { buildBureauDemo, buildSchoolDemo } from './demo/build';
import { readSettings, updateSettings } from './settings/service';
import { initialise } from './setup/service';
import { readOrg } from './setup/org';
import * as schema from './db/schema';
import { APP_VERSION } from './version';

/** Restores without a session are for data that cannot be opened at all; otherwise an administrator logs in. */
function assertCannotOpen(inst: Installation): void {
  const status = inst.status();
  const unopenable = status.state === 'error' && (status.error.code === 'CORRUPT' || status.error.code === 'NEWER_VERSION');
  if (!unopenable) throw new AppError('RESTORE_NEEDS_LOGIN');
}

/** A backup named as listed (in the data folder's backups) or by the full path someone typed. */
function backupFileOf(inst: Installation, file: string): string {
  if (isAbsolute(file)) return file;
  if (basename(file) !== file) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'file', message: 'absolutePath' }]);
  return join(defaultBackupDir(inst), file);
}

/** The DB key from the recovery key, or from an administrator's password. */
function recoveryCredentials(
  inst: Installation,
  input: { recoveryKey?: string | undefined; username?: string | undefined; password?: string | undefined },
): { key: Buffer; actor: string; isAdmin: (backup: Store) => boolean } {
  if (input.recoveryKey) {
    const key = inst.keyStore().unlockWithRecoveryKey(input.recoveryKey);
    if (!key) throw new AppError('WRONG_RECOVERY_KEY');
    return { key, actor: 'recovery-key', isAdmin: () => true };
  }
  const username = input.username ?? '';
  const key = unlockSlot(inst, username, input.password ?? '');
  const isAdmin = (backup: Store): boolean => {
    const u = backup.raw.prepare('SELECT role, active FROM users WHERE username = ?').get(username) as { role: Role; active: number } | undefined;
    return !!u && u.active === 1 && ADMINS.includes(u.role);
  };
  return { key, actor: username, isAdmin };
}

export { DEMO_ORG } from './demo/org';

const foundationHandlers = {
  'system.status': ({ inst }) => ({ version: APP_VERSION, schemaVersion: inst.schemaVersion(), status: inst.status() }),

  'setup.init': ({ inst }, input) => initialise(inst, input),

  'setup.demo': ({ inst }, { scale, password }) => {
    assertPasswordAllowed(password, 'admin', 'password');
    const org = DEMO_ORG[scale];
    const { recoveryKey } = initialise(
      inst,
      { mode: scale, orgName: org.name, uscc: org.uscc, admin: { username: 'admin', displayName: '系统管理员', password }, language: 'zh-CN' },
      () => (scale === 'school' ? buildSchoolDemo(inst, password) : buildBureauDemo(inst, password)),
    );
    return { recoveryKey, username: 'admin', orgName: org.name };
  },

  'auth.login': ({ inst }, { username, password }) => {
    const { session, user } = login(inst, username, password);
    return { session: session.token, user: toUserView(user), org: readOrg(inst), idleLockMinutes: readSettings(inst).idleLockMinutes };
  },

  'auth.recover': ({ inst }, { recoveryKey, username, newPassword }) => ({ username: recover(inst, recoveryKey, username, newPassword).username }),

  'auth.logout': (ctx) => {
    const s = me(ctx);
    ctx.inst.afterCommit(() => ctx.inst.sessions.end(s.token));
    ctx.audit({ subject: `user:${s.userId}`, diff: null });
    return {};
  },

  'auth.me': (ctx) => {
    const s = me(ctx);
    const user = ctx.inst.findUser(s.username);
    if (!user) throw new AppError('UNAUTHENTICATED');
    return { user: toUserView(user), org: readOrg(ctx.inst), idleLockMinutes: readSettings(ctx.inst).idleLockMinutes };
  },

  'auth.changePassword': (ctx, { oldPassword, newPassword }) => {
    const s = me(ctx);
    changePassword(ctx.inst, s, oldPassword, newPassword);
    ctx.audit({ subject: `user:${s.userId}`, diff: { passwordChanged: true } });
    return {};
  },

  'users.list': ({ inst }) => inst.open().db.select().from(schema.users).orderBy(schema.users.id).all().map(toUserView),

  'users.create': (ctx, input) => {
    const u = createUser(ctx.inst, { ...input, mustChangePassword: true });
    ctx.audit({ subject: `user:${u.id}`, diff: { username: u.username, displayName: u.displayName, role: u.role } });
    return toUserView(u);
  },

  'users.resetPassword': (ctx, { userId, newPassword }) => {
    const u = resetPassword(ctx.inst, userId, newPassword);
    ctx.audit({ subject: `user:${u.id}`, diff: { passwordReset: true } });
    return {};
  },

  'users.setActive': (ctx, { userId, active, newPassword }) => {
    const u = setActive(ctx.inst, me(ctx), userId, active, newPassword);
    ctx.audit({ subject: `user:${u.id}`, diff: { active, ...(active && newPassword ? { passwordReset: true } : {}) } });
    return toUserView(u);
  },

  'dashboard.summary': (ctx) => {
    const { inst } = ctx;
    const s = me(ctx);
    const backups = listBackups(readSettings(inst).backupDir);
    const chain = verifyAudit(inst.open().raw, inst.auditCheckpoint ?? undefined);
    if (chain.ok) inst.auditCheckpoint = chain.last;
    // A teacher's dashboard counts only their own file: the school's totals are not theirs to see.
    const shown = s.role === 'teacher' ? ownCounts(inst, s) : counts(inst);
    return { org: readOrg(inst), counts: shown, lastBackupAt: backups[0]?.createdAt ?? null, auditChainOk: chain.ok };
  },

  'system.doctor': ({ inst }) => runDoctor(inst),

  // Where the backups are is the administrators' business: others get the rest without the path.
  'settings.get': (ctx) => {
    const settings = readSettings(ctx.inst);
    return ADMINS.includes(me(ctx).role) ? settings : { ...settings, backupDir: '' };
  },

  'settings.update': (ctx, patch) => {
    if (patch.backupDir !== undefined) assertWholeFolderPath(patch.backupDir, 'backupDir');
    const { settings, changed } = updateSettings(ctx.inst, patch);
    ctx.audit({ subject: 'settings', diff: changed });
    return settings;
  },

  'backup.list': ({ inst }) => listBackups(readSettings(inst).backupDir),

  'backup.run': (ctx) => {
    const b = runBackup(ctx.inst);
    ctx.inst.write(() => ({ actor: me(ctx).username, route: 'backup.run', subject: 'backup', diff: { file: b.file, bytes: b.bytes } }), () => undefined);
    return b;
  },

  // A backup file handed over as it is (encrypted like the data), to be kept somewhere else.
  'backup.download': (ctx, { file }) => {
    const b = listBackups(readSettings(ctx.inst).backupDir).find((x) => basename(x.file) === file);
    if (!b) throw new AppError('NOT_FOUND');
    const data = readFileSync(b.file);
    ctx.inst.write(() => ({ actor: me(ctx).username, route: 'backup.download', subject: 'backup', diff: { file: basename(b.file), bytes: data.length } }), () => undefined);
    return { fileName: basename(b.file), mime: 'application/octet-stream', dataBase64: data.toString('base64') };
  },

  'backup.restore': (ctx, { file }) => {
    const s = me(ctx);
    const inst = ctx.inst;
    const result = restoreBackup(inst, file, inst.key());
    inst.write(() => ({ actor: s.username, route: 'backup.restore', subject: 'database', diff: { from: file, keptAside: result.keptAside } }), () => undefined);
    return result;
  },

  'recovery.backups': ({ inst }) => {
    assertCannotOpen(inst);
    // Names only: whoever stands at an error screen learns nothing about where the data lives.
    return listBackups(defaultBackupDir(inst)).map((b) => ({ ...b, file: basename(b.file) }));
  },

  'recovery.restore': ({ inst }, input) => {
    assertCannotOpen(inst);
    const file = backupFileOf(inst, input.file);
    const { key, actor, isAdmin } = recoveryCredentials(inst, input);
    // A password alone is not enough: its owner must be an active administrator in the newest
    // state that can still be read, so an account disabled since an old backup cannot bring
    // itself back by restoring that backup.
    const candidates = [file, ...listBackups(defaultBackupDir(inst)).map((b) => b.file)];
    const newest = readNewestReadable(inst, candidates, key, isAdmin);
    if (!newest?.value) throw new AppError('FORBIDDEN', { route: 'recovery.restore' });
    const result = restoreBackup(inst, file, key, (backup) => {
      if (!isAdmin(backup)) throw new AppError('FORBIDDEN', { route: 'recovery.restore' });
    });
    inst.write(() => ({ actor, route: 'recovery.restore', subject: 'database', diff: { from: basename(file), keptAside: basename(result.keptAside) } }), () => undefined);
    return result;
  },
} satisfies Partial<Handlers<Contract>>;

export const handlers: Handlers<Contract> = { ...foundationHandlers, ...registryHandlers, ...creditHandlers, ...importHandlers, ...reportHandlers,
  ...syncHandlers,
  ...institutionHandlers,
  ...gradingHandlers,
  ...listHandlers,
  ...caseHandlers,
  ...decisionHandlers,
  ...inspectionHandlers,
  ...overviewHandlers,
  ...accountHandlers,
  ...auditHandlers,
  ...dashboardHandlers,
  ...schoolTeacherHandlers,
};
