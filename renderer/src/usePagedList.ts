import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@db/paging';
import { showError } from './notify';

export interface PagedList<T> {
  rows: T[];
  /** How many rows match in all (undefined until the first page has come). */
  total: number | undefined;
  loading: boolean;
  /** Fetch the next page, if there is one and none is on its way. */
  loadMore: () => void;
  /** Read the list again from the start (after a write), as many rows as were loaded, so the place in it stays. */
  reload: () => void;
}

/**
 * A list read one page at a time through the contract. A change of `deps` (filters, sort) starts
 * again from the first page; answers to an older request are dropped.
 */
export function usePagedList<T>(load: (page: { offset: number; limit: number }) => Promise<Page<T>>, deps: unknown[], pageSize = 100): PagedList<T> {
  const [rows, setRows] = useState<T[]>([]);
  const [total, setTotal] = useState<number>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const state = useRef({ request: 0, next: null as number | null, busy: false, loaded: 0, keep: false });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);

  /** Ask for one page; `take` keeps its rows unless a newer request has started since. */
  const fetchPage = useCallback(
    (request: number, offset: number, limit: number, take: (page: Page<T>) => void) => {
      state.current.busy = true;
      setLoading(true);
      stableLoad({ offset, limit })
        .then((page) => {
          if (request !== state.current.request) return;
          state.current.next = page.next;
          take(page);
          setTotal(page.total);
        })
        .catch((error: unknown) => {
          if (request === state.current.request) showError(error, 'load');
        })
        .finally(() => {
          if (request !== state.current.request) return;
          state.current.busy = false;
          setLoading(false);
        });
    },
    [stableLoad],
  );

  useEffect(() => {
    const request = ++state.current.request;
    // A reload reads back what was loaded (up to the largest page); new filters start with one page.
    const limit = state.current.keep ? Math.min(500, Math.max(pageSize, state.current.loaded)) : pageSize;
    state.current.keep = false;
    fetchPage(request, 0, limit, (page) => {
      state.current.loaded = page.rows.length;
      setRows(page.rows);
    });
  }, [fetchPage, generation, pageSize]);

  const loadMore = useCallback(() => {
    const { next, busy, request } = state.current;
    if (busy || next === null) return;
    fetchPage(request, next, pageSize, (page) => {
      state.current.loaded += page.rows.length;
      setRows((before) => [...before, ...page.rows]);
    });
  }, [fetchPage, pageSize]);

  const reload = useCallback(() => {
    state.current.keep = true;
    setGeneration((g) => g + 1);
  }, []);
  return { rows, total, loading, loadMore, reload };
}
