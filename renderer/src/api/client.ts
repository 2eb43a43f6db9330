// The renderer's one API client (DOM). Two transports, one contract: Electron's preload bridge
// when present, else the web host over HTTP with the token the host wrote into the page.
import { contract, type RouteInput, type RouteName, type RouteOutput } from '../../../shared/api/contract';
import type { ApiError, Result } from '../../../shared/api/errors';
import type { EduBridge } from '../../../shared/api/ipc';
import { issuesOf } from '../../../shared/api/issues';

declare global {
  interface Window {
    educredit?: EduBridge;
  }
}

let session: string | undefined;

export function setSession(token: string | undefined): void {
  session = token;
}

function hostToken(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="educredit-host-token"]')?.content ?? '';
}

async function transport(route: string, payload: { session?: string; input: unknown }): Promise<unknown> {
  if (window.educredit) return window.educredit.invoke(route, payload);
  const res = await fetch(`api/edu:${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-educredit-token': hostToken() },
    body: JSON.stringify(payload),
  });
  if (!res.ok) return { ok: false, error: { code: 'INTERNAL', detail: `HTTP ${res.status}` } };
  return res.json();
}

/** Listeners for errors every screen reacts to the same way (session ended, disk full). */
const listeners = new Set<(e: ApiError) => void>();
export function onApiError(fn: (e: ApiError) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/**
 * Calls a route. Input is checked against the contract here first, so a form error shows at once
 * and in the user's language; the core checks it again.
 */
export async function call<R extends RouteName>(route: R, input: RouteInput<R>): Promise<Result<RouteOutput<R>>> {
  const parsed = contract[route].input.safeParse(input);
  if (!parsed.success) {
    return { ok: false, error: { code: 'INVALID_INPUT', issues: issuesOf(parsed.error) } };
  }
  let result: Result<RouteOutput<R>>;
  try {
    result = (await transport(route, { ...(session ? { session } : {}), input })) as Result<RouteOutput<R>>;
  } catch (e) {
    result = { ok: false, error: { code: 'INTERNAL', detail: (e as Error).message } };
  }
  if (!result.ok) for (const l of listeners) l(result.error);
  return result;
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.code);
  }
}

/** Calls a route and throws ApiFailure on error: for loaders where any failure shows one message. */
export async function get<R extends RouteName>(route: R, input: RouteInput<R>): Promise<RouteOutput<R>> {
  const r = await call(route, input);
  if (!r.ok) throw new ApiFailure(r.error);
  return r.value;
}
