// Accounts, login, lockout and recovery (core).
import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/api/errors';
import type { UserView } from '../../../shared/api/contract';
import { ROLES_BY_MODE, type Role } from '../../../shared/domain/roles';
import type { Installation } from '../app/installation';
import * as schema from '../db/schema';
import { MAX_FAILED_LOGINS } from '../keys/keyfile';
import type { Session } from './sessions';
import { ensureTeacherKey, rewrapTeacherKey } from '../reports/teacherKeys';

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
  const session = inst.sessions.create({ id: user.id, username: user.username, role: user.role as Role }, nowMs);
  // A teacher's signing key is made at the first login, and anew when the password no longer opens it.
  inst.write(
    (newKey) => ({ actor: user.username, route: 'auth.login', subject: `user:${user.id}`, diff: newKey ? { newSigningKey: newKey } : null }),
    () => (user.role === 'teacher' && user.teacherId ? ensureTeacherKey(inst, user.id, user.teacherId, password) : null),
  );
  return { session, user };
}

export function assertRoleFitsMode(inst: Installation, role: Role): void {
  if (!ROLES_BY_MODE[inst.mode()].includes(role)) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'role', message: role }]);
}

/** Creates an account and its key slot. Runs inside the caller's write transaction. */
export function createUser(
  inst: Installation,
  input: { username: string; displayName: string; role: Role; password: string; teacherId?: number | null | undefined; mustChangePassword?: boolean },
): UserRow {
  assertRoleFitsMode(inst, input.role);
  const { db, raw } = inst.open();
  if (input.role === 'teacher') {
    if (input.teacherId == null) throw new AppError('INVALID_INPUT', undefined, undefined, [{ path: 'teacherId', message: 'required' }]);
    if (!raw.prepare('SELECT 1 FROM teachers WHERE id = ?').get(input.teacherId)) throw new AppError('NOT_FOUND', undefined, `teacher ${input.teacherId}`);
  }
  if (inst.findUser(input.username)) {
    throw new AppError('CONFLICT', { what: input.username });
  }
  const row = db
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
  inst.afterCommit(() => inst.keyStore().setSlot(input.username, input.password, inst.key()));
  return row;
}

export function getUser(inst: Installation, userId: number): UserRow {
  const u = inst.open().db.select().from(schema.users).where(eq(schema.users.id, userId)).get();
  if (!u) throw new AppError('NOT_FOUND');
  return u;
}

/** An admin sets a new password: a new slot replaces the old one and the user must change it. */
export function resetPassword(inst: Installation, userId: number, newPassword: string): UserRow {
  const u = getUser(inst, userId);
  inst.open().db.update(schema.users).set({ mustChangePassword: true }).where(eq(schema.users.id, userId)).run();
  inst.afterCommit(() => {
    inst.keyStore().setSlot(u.username, newPassword, inst.key());
    inst.sessions.endUser(userId);
  });
  return getUser(inst, userId);
}

export function changePassword(inst: Installation, session: Session, oldPassword: string, newPassword: string): void {
  const check = inst.keyStore().unlock(session.username, oldPassword, inst.clock.now().getTime());
  if (!check.ok) throw new AppError('BAD_CREDENTIALS', { left: check.failuresLeft });
  inst.open().db.update(schema.users).set({ mustChangePassword: false }).where(eq(schema.users.id, session.userId)).run();
  rewrapTeacherKey(inst, session.userId, oldPassword, newPassword);
  inst.afterCommit(() => inst.keyStore().setSlot(session.username, newPassword, inst.key()));
}

export function setActive(inst: Installation, actor: Session, userId: number, active: boolean): UserRow {
  if (userId === actor.userId && !active) throw new AppError('CONFLICT', { what: actor.username });
  getUser(inst, userId);
  inst.open().db.update(schema.users).set({ active }).where(eq(schema.users.id, userId)).run();
  if (!active) inst.sessions.endUser(userId);
  return getUser(inst, userId);
}

/** The recovery key unlocks the store and sets a new password for one account. */
export function recover(inst: Installation, recoveryKey: string, username: string, newPassword: string): UserRow {
  const key = inst.keyStore().unlockWithRecoveryKey(recoveryKey);
  if (!key) throw new AppError('WRONG_RECOVERY_KEY');
  inst.unlockWith(key);
  const user = inst.findUser(username);
  if (!user) throw new AppError('NOT_FOUND');
  return inst.write(
    () => ({ actor: 'recovery-key', route: 'auth.recover', subject: `user:${user.id}`, diff: { passwordReset: true } }),
    () => {
      inst.open().db.update(schema.users).set({ mustChangePassword: false, active: true }).where(eq(schema.users.id, user.id)).run();
      inst.afterCommit(() => inst.keyStore().setSlot(username, newPassword, key));
      return user;
    },
  );
}
