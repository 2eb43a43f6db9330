// Loads one route's data for a screen (DOM), with reload and the error in the user's language.
import { useCallback, useEffect, useState } from 'react';
import { call } from '../api/client';
import type { RouteInput, RouteName, RouteOutput } from '../../../shared/api/contract';
import { errorText } from '../i18n';

export function useLoad<R extends RouteName>(route: R, input: RouteInput<R>): { data: RouteOutput<R> | null; error: string | null; reload(): void } {
  const [data, setData] = useState<RouteOutput<R> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(input);
  const reload = useCallback(() => {
    void call(route, JSON.parse(key) as RouteInput<R>).then((r) => {
      if (r.ok) {
        setData(r.value);
        setError(null);
      } else setError(errorText(r.error));
    });
  }, [route, key]);
  useEffect(reload, [reload]);
  return { data, error, reload };
}
