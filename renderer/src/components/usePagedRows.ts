// Server-side paging for big lists (DOM): keeps the pages of rows the user has scrolled to, asks the
// core for missing pages of PAGE_SIZE rows as the visible range moves, and starts over when the
// filter or sort (the key) changes. Late answers for an older key are dropped.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result } from '../../../shared/api/errors';
import { errorText } from '../i18n';

export const PAGE_SIZE = 100;

export type PageFetcher<T> = (offset: number, limit: number) => Promise<Result<{ total: number; rows: T[] }>>;

export interface PagedRows<T> {
  /** null until the first page has arrived. */
  total: number | null;
  error: string | null;
  apiError: ApiError | null;
  getRow(index: number): T | undefined;
  /** Makes sure the rows first..last (inclusive) are loaded or loading. */
  ensure(first: number, last: number): void;
  reload(): void;
}

export function usePagedRows<T>(fetchPage: PageFetcher<T>, key: string): PagedRows<T> {
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const pages = useRef(new Map<number, T[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const lastRange = useRef<[number, number]>([0, PAGE_SIZE - 1]);
  const [total, setTotal] = useState<number | null>(null);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  // Bumped when a page arrives: the pages live in a ref so that many pages do not copy a big array.
  const [, setTick] = useState(0);

  const loadPage = useCallback((page: number) => {
    if (pages.current.has(page) || loading.current.has(page)) return;
    loading.current.add(page);
    const gen = generation.current;
    void fetchRef.current(page * PAGE_SIZE, PAGE_SIZE).then((r) => {
      if (gen !== generation.current) return;
      loading.current.delete(page);
      if (r.ok) {
        pages.current.set(page, r.value.rows);
        setTotal(r.value.total);
        setApiError(null);
      } else setApiError(r.error);
      setTick((x) => x + 1);
    });
  }, []);

  const ensure = useCallback(
    (first: number, last: number) => {
      lastRange.current = [first, last];
      for (let p = Math.floor(Math.max(0, first) / PAGE_SIZE); p <= Math.floor(Math.max(0, last) / PAGE_SIZE); p++) loadPage(p);
    },
    [loadPage],
  );

  const restart = useCallback(
    (keepTotal: boolean) => {
      generation.current += 1;
      pages.current = new Map();
      loading.current = new Set();
      if (!keepTotal) setTotal(null);
      const [first, last] = lastRange.current;
      loadPage(0);
      ensure(first, last);
    },
    [ensure, loadPage],
  );

  useEffect(() => {
    lastRange.current = [0, PAGE_SIZE - 1];
    restart(false);
  }, [key, restart]);

  const reload = useCallback(() => restart(true), [restart]);

  return {
    total,
    apiError,
    error: apiError ? errorText(apiError) : null,
    getRow: (i) => pages.current.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE],
    ensure,
    reload,
  };
}
