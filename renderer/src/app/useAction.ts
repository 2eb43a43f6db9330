// Runs one API call from a form (DOM): busy flag, and the error in the user's language.
import { useCallback, useRef, useState } from 'react';
import { call } from '../api/client';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import { errorText } from '../i18n';

export interface Action<R extends RouteName> {
  run(input: RouteInput<R>): Promise<RouteOutput<R> | null>;
  busy: boolean;
  error: string | null;
  apiError: ApiError | null;
  clear(): void;
  /** Whether the last call was refused for one of these input paths or with one of these codes. */
  refusedAt(paths: readonly string[], codes?: readonly string[]): boolean;
}

export function useAction<R extends RouteName>(route: R): Action<R> {
  const [busy, setBusy] = useState(false);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  // The last refusal, readable at once after run() (the state above shows on the next render).
  const last = useRef<ApiError | null>(null);
  const run = useCallback(
    async (input: RouteInput<R>) => {
      setBusy(true);
      setApiError(null);
      const r = await call(route, input);
      setBusy(false);
      last.current = r.ok ? null : r.error;
      if (r.ok) return r.value;
      setApiError(r.error);
      return null;
    },
    [route],
  );
  return {
    run,
    busy,
    apiError,
    error: apiError ? errorText(apiError) : null,
    clear: () => setApiError(null),
    refusedAt: (paths, codes = []) => last.current !== null && (codes.includes(last.current.code) || (last.current.issues ?? []).some((i) => paths.includes(i.path))),
  };
}
