// Accounts, login, lockout and recovery (core).
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/contract';
import { ROLES_BY_MODE, type Role } from '../../../shared/domain/roles';
import type { Installation } from '../app/installation';
import * as schema from '../db/schema';
import { MAX_FAILED_LOGINS } from '../keys/keyfile';
import type { Session } from './sessions';
import { ensureTeacherKey, renewTeacherKey, rewrapTeacherKey } from '../reports/teacherKeys';
import { assertPasswordAllowed } from './passwordPolicy';

type UserRow = typeof schema.users.$inferSelect;

export function toUserView(u: UserRow): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role as Role, active: u.active, mustChangePassword: u.mustChangePassword, teacherId: u.teacherId };
}

function minutesLeft(untilMs: number, nowMs: number): number {
  return Math.max(1, Math.ceil((untilMs - nowMs) / 60_000));
}

/** The DB key from an account's slot, honouring and counting toward the lockout. */
export function unlockSlot(inst: Installation, username: string, password: string): Buffer {
  const keys = inst.keyStore();
  const nowMs = inst.clock.now().getTime();
  const lockedUntil = keys.lockedUntil(username, nowMs);
  if (lockedUntil) throw new AppError('LOCKED_OUT', { minutes: minutesLeft(lockedUntil, nowMs) });
  const result = keys.unlock(username, password, nowMs);
  if (!result.ok) {
    if (result.lockedUntil) throw new AppError('LOCKED_OUT', { minutes: minutesLeft(result.lockedUntil, nowMs) });
    throw new AppError('BAD_CREDENTIALS', { left: result.failuresLeft });
  }
  return result.key;
}

/**
 * Checks the password against the account's key slot, unlocking the store on the first login
 * since start, and opens a session. Lockout state lives in the key file so it holds even while
 * the store is still locked.
 */
export function login(inst: Installation, username: string, password: string): { session: Session; user: UserRow } {
  inst.unlockWith(unlockSlot(inst, username, password));
  const nowMs = inst.clock.now().getTime();
  const user = inst.findUser(username);
  // A slot without an account: the account was made after the backup that is now restored.
  if (!user) throw new AppError('BAD_CREDENTIALS', { left: MAX_FAILED_LOGINS });
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  const session = inst.sessions.create({ id: user.id, username: user.username, role: user.role as Role, mustChangePassword: user.mustChangePassword }, nowMs);
  // A teacher's signing key is made at the first login with a password of their own, and anew when
  // the password no longer opens it; never under a password an administrator set and so knows.
  const ownsPassword = user.role === 'teacher' && user.teacherId !== null && !user.mustChangePassword;
  inst.write(
    (newKey) => ({ actor: user.username, route: 'auth.login', subject: `user:${user.id}`, diff: newKey ? { newSigningKey: newKey } : null }),
    () => (ownsPassword && user.teacherId ? ensureTeacherKey(inst, user.id, user.teacherId, password) : null),
  );
  return { session, user };
}

export function assertRoleFitsMode(inst: Installation, role: Role): void {
  if (!ROLES_BY_MODE[inst.mode()].includes(role)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'role', message: role }]);
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  teacherId?: number | null | undefined;
  mustChangePassword?: boolean;
}

/** Creates an account and its key slot. Runs inside the caller's write transaction. */
export function createUser(inst: Installation, input: NewUser, passwordPath = 'password'): UserRow {
  const row = insertUser(inst, input, passwordPath);
  inst.afterCommit(() => inst.keyStore().setSlot(input.username, input.password, inst.key()));
  return row;
}

/**
 * The account's row, checked; its key slot is the caller's to write once the transaction has
 * committed (createUser writes it; many accounts at once write theirs together).
 */
export function insertUser(inst: Installation, input: NewUser, passwordPath = 'password'): UserRow {
  assertRoleFitsMode(inst, input.role);
  assertPasswordAllowed(input.password, input.username, passwordPath);
  const { db, raw } = inst.open();
  if (input.role === 'teacher') {
    if (input.teacherId == null) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'teacherId', message: 'required' }]);
    const teacher = raw.prepare('SELECT name FROM teachers WHERE id = ?').get(input.teacherId) as { name: string } | undefined;
    if (!teacher) throw new AppError('NOT_FOUND', undefined, `teacher ${input.teacherId}`);
    // One account per teacher: a second would hold a second signing key for the same person.
    const existing = raw.prepare('SELECT username FROM users WHERE teacher_id = ? LIMIT 1').get(input.teacherId) as { username: string } | undefined;
    if (existing) throw new AppError('TEACHER_HAS_ACCOUNT', { teacher: teacher.name, username: existing.username });
  }
  if (inst.findUser(input.username)) {
    throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'username', message: 'usernameTaken' }]);
  }
  return db
    .insert(schema.users)
    .values({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      teacherId: input.teacherId ?? null,
      mustChangePassword: input.mustChangePassword ?? false,
      createdAt: inst.clock.now().toISOString(),
    })
    .returning()
    .get();
}

export function getUser(inst: Installation, userId: number): UserRow {
  const u = inst.open().db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

/**
 * An administrator sets a password the user must change at once. The new slot replaces the old
 * one and the user's sessions end. A deactivated account gets its password when it is reactivated.
 */
export function resetPassword(inst: Installation, userId: number, newPassword: string): UserRow {
  const u = getUser(inst, userId);
  if (!u.active) throw new AppError('ACCOUNT_DISABLED');
  assertPasswordAllowed(newPassword, u.username, 'newPassword');
  inst.open().db.update(schema.users).set({ mustChangePassword: true }).where(eq(schema.users.id, userId)).run();
  inst.afterCommit(() => {
    inst.keyStore().setSlot(u.username, newPassword, inst.key());
    inst.sessions.endUser(userId);
  });
  return getUser(inst, userId);
}

/**
 * A user changes their own password. The old one is checked as a login is, counting toward the
 * same lockout, so a session left open cannot be used to guess it. A teacher who leaves an
 * administrator's password behind gets a new signing key that only they can open; otherwise the
 * key is re-wrapped and keeps signing.
 */
export function changePassword(inst: Installation, session: Session, oldPassword: string, newPassword: string): void {
  unlockSlot(inst, session.username, oldPassword);
  assertPasswordAllowed(newPassword, session.username, 'newPassword');
  const user = getUser(inst, session.userId);
  // Keeping the password an administrator set would keep it known to them.
  if (user.mustChangePassword && newPassword === oldPassword) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'newPassword', message: 'passwordUnchanged' }]);
  inst.open().db.update(schema.users).set({ mustChangePassword: false }).where(eq(schema.users.id, session.userId)).run();
  if (user.mustChangePassword && user.role === 'teacher' && user.teacherId !== null) renewTeacherKey(inst, user.id, user.teacherId, newPassword);
  else rewrapTeacherKey(inst, session.userId, oldPassword, newPassword);
  inst.afterCommit(() => {
    inst.keyStore().setSlot(session.username, newPassword, inst.key());
    session.mustChangePassword = false;
  });
}

/**
 * Deactivating removes the account's key slot (its password opens nothing any more) and ends its
 * sessions; reactivating needs a new password, which the user must change at their first login.
 */
export function setActive(inst: Installation, actor: Session, userId: number, active: boolean, newPassword: string | undefined): UserRow {
  if (userId === actor.userId && !active) throw new AppError('CONFLICT', { what: actor.username });
  const u = getUser(inst, userId);
  if (active && !u.active) {
    if (!newPassword) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'newPassword', message: 'required' }]);
    assertPasswordAllowed(newPassword, u.username, 'newPassword');
    inst.open().db.update(schema.users).set({ active: true, mustChangePassword: true }).where(eq(schema.users.id, userId)).run();
    inst.afterCommit(() => inst.keyStore().setSlot(u.username, newPassword, inst.key()));
  } else if (!active && u.active) {
    inst.open().db.update(schema.users).set({ active: false }).where(eq(schema.users.id, userId)).run();
    inst.afterCommit(() => {
      inst.keyStore().removeSlot(u.username);
      inst.sessions.endUser(userId);
    });
  }
  return getUser(inst, userId);
}

/**
 * The recovery key unlocks the store and sets a new password for one active account, ending that
 * account's sessions. A deactivated account is not brought back this way: an administrator
 * reactivates it, with a reason in the audit log.
 */
export function recover(inst: Installation, recoveryKey: string, username: string, newPassword: string): UserRow {
  const key = inst.keyStore().unlockWithRecoveryKey(recoveryKey);
  if (!key) throw new AppError('WRONG_RECOVERY_KEY');
  inst.unlockWith(key);
  const user = inst.findUser(username);
  if (!user) throw new AppError('NOT_FOUND');
  if (!user.active) throw new AppError('ACCOUNT_DISABLED');
  assertPasswordAllowed(newPassword, username, 'newPassword');
  return inst.write(
    () => ({ actor: 'recovery-key', route: 'auth.recover', subject: `user:${user.id}`, diff: { passwordReset: true } }),
    () => {
      inst.open().db.update(schema.users).set({ mustChangePassword: false }).where(eq(schema.users.id, user.id)).run();
      inst.afterCommit(() => {
        inst.keyStore().setSlot(username, newPassword, key);
        inst.sessions.endUser(user.id);
      });
      return user;
    },
  );
}
