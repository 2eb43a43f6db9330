// In-memory login sessions (core). A token is random and lives only in this process; a session
// that sees no call for the idle-lock period is gone, so an unattended office PC locks itself.
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/domain/roles';

export interface Session {
  token: string;
  userId: number;
  username: string;
  role: Role;
  /** The password is one an administrator set: every route but changing it is refused. */
  mustChangePassword: boolean;
  lastSeenMs: number;
}

export class Sessions {
  private readonly byToken = new Map<string, Session>();

  constructor(private readonly idleMs: () => number) {}

  create(user: { id: number; username: string; role: Role; mustChangePassword: boolean }, nowMs: number): Session {
    const s: Session = {
      token: randomBytes(32).toString('base64url'),
      userId: user.id,
      username: user.username,
      role: user.role,
      mustChangePassword: user.mustChangePassword,
      lastSeenMs: nowMs,
    };
    this.byToken.set(s.token, s);
    return s;
  }

  /** The live session for a token, touched; null when unknown or idle too long. */
  touch(token: string | undefined, nowMs: number): Session | null {
    if (!token) return null;
    const s = this.byToken.get(token);
    if (!s) return null;
    if (nowMs - s.lastSeenMs > this.idleMs()) {
      this.byToken.delete(token);
      return null;
    }
    s.lastSeenMs = nowMs;
    return s;
  }

  end(token: string): void {
    this.byToken.delete(token);
  }

  /** Ends every session of one account (password reset, account disabled). */
  endUser(userId: number): void {
    for (const [t, s] of this.byToken) if (s.userId === userId) this.byToken.delete(t);
  }

  clear(): void {
    this.byToken.clear();
  }
}
