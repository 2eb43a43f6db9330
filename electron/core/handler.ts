// The handler side of the contract (core): what a route handler receives and returns.
import type { ParsedInput, RouteName, RouteOutput } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { Installation } from './app/installation';
import type { AuditInput } from './audit/log';
import type { Session } from './auth/sessions';

export interface Ctx {
  inst: Installation;
  /** Null only on public routes. */
  session: Session | null;
  /** Set by a mutation handler: the audit entry of its change. */
  audit(entry: Omit<AuditInput, 'actor' | 'route'>): void;
}

/** Handlers receive the parsed input, defaults applied. */
export type Handler<R extends RouteName> = (ctx: Ctx, input: ParsedInput<R>) => RouteOutput<R> | Promise<RouteOutput<R>>;

/** The handlers of one feature: exactly the routes of its group. */
export type Handlers<G> = { [R in keyof G & RouteName]: Handler<R> };

export function me(ctx: Ctx): Session {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED');
  return ctx.session;
}
