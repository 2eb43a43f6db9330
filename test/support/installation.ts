// Test helpers: a real installation in a fresh temporary folder, with a clock tests can move.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Installation, type Clock } from '../../electron/core/app/installation';
import { dispatch } from '../../electron/core/api';
import type { RouteName, RouteOutput, RouteInput } from '../../shared/api/contract';
import type { Result } from '../../shared/api/errors';

export class TestClock implements Clock {
  constructor(public ms = Date.UTC(2026, 10, 24, 8, 0, 0)) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(minutes: number): void {
    this.ms += minutes * 60_000;
  }
}

export const PASSWORD = 'correct horse 1';

export function tempDir(prefix = 'educredit-'): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Calls a route and returns its Result, typed by the contract. */
export function call<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session?: string): Result<RouteOutput<R>> {
  return dispatch(inst, { route, input, session }) as Result<RouteOutput<R>>;
}

/** Calls a route that must succeed. */
export function ok<R extends RouteName>(inst: Installation, route: R, input: RouteInput<R>, session?: string): RouteOutput<R> {
  const r = call(inst, route, input, session);
  if (!r.ok) throw new Error(`${route} failed: ${JSON.stringify(r.error)}`);
  return r.value;
}

export function login(inst: Installation, username: string, password = PASSWORD): string {
  return ok(inst, 'auth.login', { username, password }).session;
}

/**
 * An account ready to use, as after its owner's first login: made with an initial password, which
 * its owner then changes to `password` (the core refuses everything else until they do).
 */
export function addAccount(inst: Installation, adminSession: string, input: Omit<RouteInput<'users.create'>, 'password'> & { password?: string }): RouteOutput<'users.create'> {
  const password = input.password ?? PASSWORD;
  const initial = `initial-${password}`;
  const user = ok(inst, 'users.create', { ...input, password: initial }, adminSession);
  const session = login(inst, input.username, initial);
  ok(inst, 'auth.changePassword', { oldPassword: initial, newPassword: password }, session);
  ok(inst, 'auth.logout', {}, session);
  return { ...user, mustChangePassword: false };
}
