// Calls into the core for the command line (CLI process). Everything goes through dispatch(), so
// the CLI gets the same validation, roles and audit as the UI; failures become one worded line.
import { resolve } from 'node:path';
import { Installation } from '../core/app/installation';
import { dispatch, dispatchAsync } from '../core/api';
import type { RouteInput, RouteName, RouteOutput, UserView } from '../../shared/api/contract';
import { ERROR_CODES, type ApiError, type ErrorCode } from '../../shared/api/errors';
import { formatError } from '../../shared/api/messages';
import { CliFailure, type CliCtx } from './context';
import { readPassword } from './password';

/** Contract input paths → the flag a person typed, so "--uscc" is named rather than "uscc". */
const FLAG_FOR_PATH: Record<string, string> = {
  mode: '--mode',
  scale: '--scale',
  orgName: '--name',
  uscc: '--uscc',
  'admin.username': '--admin',
  'admin.displayName': '--admin-name',
  'admin.password': '--password-file',
  password: '--password-file',
  username: '--user',
};

/** One line for an API error: the shared words, plus the flag names and any technical detail. */
export function describeApiError(ctx: CliCtx, error: ApiError): string {
  let e = error;
  if (e.issues) e = { ...e, issues: e.issues.map((i) => ({ ...i, path: FLAG_FOR_PATH[i.path] ?? i.path })) };
  let line = formatError(e, ctx.lang);
  if (e.code === 'INTERNAL') {
    const last = ctx.internalLog.at(-1)?.split('\n')[0];
    if (last) line += ` (${last})`;
  } else if (e.detail) {
    line += ` (${e.detail.split('\n')[0]})`;
  }
  return line;
}

export function apiFailure(ctx: CliCtx, error: ApiError): CliFailure {
  return new CliFailure(describeApiError(ctx, error));
}

/** Calls a route through the dispatcher; returns its output or throws the worded failure. */
export function call<R extends RouteName>(ctx: CliCtx, inst: Installation, route: R, input: RouteInput<R>, session?: string): RouteOutput<R> {
  const result = dispatch(inst, { route, input, session }, (line) => ctx.internalLog.push(line));
  if (!result.ok) throw apiFailure(ctx, result.error);
  // dispatch() has already checked the value against this route's output schema.
  return result.value as RouteOutput<R>;
}

function errorCodeOf(code: string): ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : 'CORRUPT';
}

/**
 * Refuses early, before a password is asked for: setup needs a new folder, everything else an
 * installation; a damaged key file is reported as the core words it.
 */
function checkStatus(ctx: CliCtx, inst: Installation, want: 'new' | 'setUp'): void {
  const { status } = call(ctx, inst, 'system.status', {});
  if (status.state === 'error') {
    const { code, detail } = status.error;
    throw apiFailure(ctx, { code: errorCodeOf(code), ...(detail ? { detail } : {}) });
  }
  if (want === 'new' && status.state !== 'new') throw apiFailure(ctx, { code: 'ALREADY_INITIALIZED' });
  if (want === 'setUp' && status.state === 'new') throw apiFailure(ctx, { code: 'NOT_INITIALIZED' });
}

export function openForSetup(ctx: CliCtx, dataDir: string): Installation {
  const inst = new Installation(resolve(dataDir));
  checkStatus(ctx, inst, 'new');
  return inst;
}

export interface LoginOptions {
  dataDir: string;
  user: string;
  passwordSource: string | undefined;
}

export interface LoggedIn {
  inst: Installation;
  session: string;
  user: UserView;
}

/**
 * Logs in, runs `fn` and logs out, so the audit log shows who used the CLI and when it ended,
 * then closes the store. A failed logout is reported only when `fn` itself succeeded: the first
 * failure is the one worth the single line.
 */
export async function withLogin<T>(ctx: CliCtx, opts: LoginOptions, fn: (s: LoggedIn) => T | Promise<T>): Promise<T> {
  const inst = new Installation(resolve(opts.dataDir));
  try {
    checkStatus(ctx, inst, 'setUp');
    const password = await readPassword(ctx, opts.passwordSource);
    const { session } = call(ctx, inst, 'auth.login', { username: opts.user, password });
    const logout = () => dispatch(inst, { route: 'auth.logout', session, input: {} }, (line) => ctx.internalLog.push(line));
    let result: T;
    try {
      const { user } = call(ctx, inst, 'auth.me', {}, session);
      result = await fn({ inst, session, user });
    } catch (e) {
      logout();
      throw e;
    }
    const out = logout();
    if (!out.ok) throw apiFailure(ctx, out.error);
    return result;
  } finally {
    inst.close();
  }
}

/** Like call() in ../call.ts, for routes whose handler is asynchronous (import.preview). */
export async function callAsync<R extends RouteName>(ctx: CliCtx, inst: Installation, route: R, input: RouteInput<R>, session: string): Promise<RouteOutput<R>> {
  const result = await dispatchAsync(inst, { route, input, session }, (line) => ctx.internalLog.push(line));
  if (!result.ok) throw apiFailure(ctx, result.error);
  return result.value as RouteOutput<R>;
}

