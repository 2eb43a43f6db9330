// The dispatcher (core): every transport — Electron IPC, the web host, the CLI — calls
// dispatch(). It validates the input, checks the caller's role, runs a mutation and its audit
// entry in one transaction, validates the output, and never lets a stack trace out.
import { AppError, type Result } from '../../shared/api/errors';
import { contract, isRouteName, type RouteName } from '../../shared/api/contract';
import type { Installation } from './app/installation';
import type { Session } from './auth/sessions';
import { handlers } from './handlers';
import type { Ctx } from './handler';
import type { AuditInput } from './audit/log';
import { toAppError } from './db/open';
import { issuesOf } from '../../shared/api/issues';

export interface Call {
  route: string;
  session?: string | undefined;
  input?: unknown;
}

export type Logger = (line: string) => void;

/** What a session whose password an administrator set may still do: change it, or leave. */
const BEFORE_OWN_PASSWORD: ReadonlySet<RouteName> = new Set<RouteName>(['auth.changePassword', 'auth.logout', 'auth.me']);

function authorise(inst: Installation, route: RouteName, token: string | undefined): Session | null {
  const access = contract[route].access;
  if (access === 'public') return null;
  const session = inst.sessions.touch(token, inst.clock.now().getTime());
  if (!session) throw new AppError('UNAUTHENTICATED');
  if (!access.includes(session.role)) throw new AppError('FORBIDDEN', { route });
  // The auditor exists in both modes; a route of one mode is refused in the other.
  const mode = contract[route].mode;
  if (mode && mode !== inst.mode()) throw new AppError('FORBIDDEN', { route });
  if (session.mustChangePassword && !BEFORE_OWN_PASSWORD.has(route)) throw new AppError('MUST_CHANGE_PASSWORD');
  return session;
}

function run(inst: Installation, route: RouteName, session: Session | null, input: unknown): unknown {
  const def = contract[route];
  const parsed = def.input.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('INVALID_INPUT', undefined, undefined, issuesOf(parsed.error));
  const handler = handlers[route] as (ctx: Ctx, input: unknown) => unknown;
  if (def.kind !== 'mutation') {
    return handler({ inst, session, audit: () => { throw new Error(`${route} is not a mutation`); } }, parsed.data);
  }
  const actor = session?.username ?? 'anonymous';
  let entry: Omit<AuditInput, 'actor' | 'route'> | null = null;
  return inst.write(
    () => {
      if (!entry) throw new Error(`${route} changed data without an audit entry`);
      return { actor, route, ...entry };
    },
    () => {
      const result = handler({ inst, session, audit: (e) => { entry = e; } }, parsed.data);
      // A transaction cannot wait: a mutation's handler must finish before it commits.
      if (result instanceof Promise) throw new Error(`${route} is a mutation with an asynchronous handler`);
      return result;
    },
  );
}

function finish(route: RouteName, value: unknown): Result<unknown> {
  const out = contract[route].output.safeParse(value);
  if (!out.success) throw new Error(`${route} returned a value outside its contract: ${JSON.stringify(issuesOf(out.error))}`);
  return { ok: true, value: out.data };
}

function fail(inst: Installation, call: Call, e: unknown, log: Logger): Result<unknown> {
  const known = toAppError(e);
  if (known?.code === 'CORRUPT') inst.checkAfterCorruption(known);
  if (known) return { ok: false, error: known.toApiError() };
  // Unknown failures are logged with their stack here, in the process log, and reach the
  // caller only as INTERNAL: inputs may hold passwords, so neither the input nor a stack leaves.
  log(`[${call.route}] ${(e as Error).stack ?? String(e)}`);
  return { ok: false, error: { code: 'INTERNAL' } };
}

function begin(inst: Installation, call: Call): { route: RouteName; session: Session | null } {
  if (!isRouteName(call.route)) throw new AppError('UNKNOWN_ROUTE', { route: String(call.route).slice(0, 80) });
  return { route: call.route, session: authorise(inst, call.route, call.session) };
}

/** For synchronous routes (tests, most calls); an asynchronous route needs dispatchAsync. */
export function dispatch(inst: Installation, call: Call, log: Logger = () => {}): Result<unknown> {
  try {
    const { route, session } = begin(inst, call);
    if (contract[route].async) throw new Error(`${route} is asynchronous: call dispatchAsync`);
    return finish(route, run(inst, route, session, call.input));
  } catch (e) {
    return fail(inst, call, e, log);
  }
}

/** What every transport calls: any route, synchronous or not. */
export async function dispatchAsync(inst: Installation, call: Call, log: Logger = () => {}): Promise<Result<unknown>> {
  try {
    const { route, session } = begin(inst, call);
    return finish(route, await run(inst, route, session, call.input));
  } catch (e) {
    return fail(inst, call, e, log);
  }
}
