/**
 * Reading through the contract with the query cache (api/cache.ts): `useApi('partnerships.get', { id })`
 * is cached under `['partnerships.get', { id }]` and read again in the background after any write that
 * changes what it shows. Errors are shown by the cache, once; the screen gets `data` or nothing.
 */
import { useCallback, useMemo, useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery, type InfiniteData } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationOutput } from '@db/api';
import type { Page } from '@db/paging';
import { api } from './api';
import type { ReadMeta } from './api/cache';

export interface ApiRead<T> {
  data: T | undefined;
  /** The last read's error (already shown, unless the read was `quiet` about it). */
  error: unknown;
  /** No answer yet, or the one shown is for inputs that have since changed (a background refresh is not loading). */
  loading: boolean;
  /** Read again now, keeping the answer on screen meanwhile. */
  refetch: () => void;
}

export interface ApiReadOptions {
  /** Hold the read back until this holds (a record chosen, a query typed). */
  enabled?: boolean;
  /** Keep showing the answer for the previous input while the new one comes (a filtered list, a search). */
  keepPrevious?: boolean;
  /** The screen shows this error itself (a record not found): the cache does not. */
  quiet?: (error: unknown) => boolean;
}

/** The key an operation's answer is cached under: its name and its input. */
export const apiKey = <N extends OperationName>(name: N, input?: OperationInput<N>) => [name, input ?? {}] as const;

const call = <N extends OperationName>(name: N, input: OperationInput<N> | undefined): Promise<OperationOutput<N>> =>
  (api[name] as (input?: OperationInput<N>) => Promise<OperationOutput<N>>)(input);

export function useApi<N extends OperationName>(name: N, input?: OperationInput<N>, options: ApiReadOptions = {}): ApiRead<OperationOutput<N>> {
  const query = useQuery({
    queryKey: apiKey(name, input),
    queryFn: () => call(name, input),
    enabled: options.enabled ?? true,
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...(options.quiet ? { meta: { quiet: options.quiet } satisfies ReadMeta } : {}),
  });
  const { refetch } = query;
  return {
    data: query.data,
    error: query.error,
    loading: query.isPending || query.isPlaceholderData,
    refetch: useCallback(() => void refetch(), [refetch]),
  };
}

/** The operations that hand out a list one page at a time, and how each names its next page. */
type PagedName = {
  [N in OperationName]: OperationOutput<N> extends { rows: unknown[]; total: number; next: unknown } ? N : never;
}[OperationName];
type RowOf<N extends PagedName> = OperationOutput<N> extends { rows: (infer R)[] } ? R : never;
type NextOf<N extends PagedName> = OperationOutput<N> extends { next: infer C } ? NonNullable<C> : never;

export interface PagedList<T> {
  rows: T[];
  /** How many rows match in all (undefined until the first page has come). */
  total: number | undefined;
  /** A page is on its way for these inputs (not a background refresh of what is shown). */
  loading: boolean;
  /** Fetch the next page, if there is one and none is on its way. */
  loadMore: () => void;
}

/**
 * A long list read one page at a time (`useInfiniteQuery`), for the virtualized tables. New inputs
 * (filters, sort) start again at the first page, showing the previous rows until it comes; an answer
 * for older inputs never lands in the newer list. A refresh after a write reads back every page
 * loaded, so the place in the list stays.
 */
export function useApiPages<N extends PagedName>(
  name: N,
  input: Omit<OperationInput<N>, 'limit' | 'offset' | 'after'>,
  options: { pageSize?: number; cursor?: 'offset' | 'after' } = {},
): PagedList<RowOf<N>> {
  const { pageSize = 100, cursor = 'offset' } = options;
  type Answer = Page<RowOf<N>> & { next: NextOf<N> | null };
  const query = useInfiniteQuery<Answer, Error, InfiniteData<Answer, NextOf<N> | null>, readonly unknown[], NextOf<N> | null>({
    queryKey: [name, input, { pageSize }],
    queryFn: ({ pageParam }) =>
      call(name, { ...input, limit: pageSize, ...(pageParam === null ? {} : { [cursor]: pageParam }) } as OperationInput<N>) as Promise<Answer>,
    initialPageParam: null,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
  const pages = query.data?.pages;
  const { hasNextPage, isFetching, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [hasNextPage, isFetching, fetchNextPage]);
  // The same array while the pages are the same (a refresh that changed nothing keeps them, by structural sharing).
  const rows = useMemo(() => pages?.flatMap((page) => page.rows) ?? [], [pages]);
  return {
    rows,
    total: pages?.[0]?.total,
    loading: query.isPending || query.isPlaceholderData || query.isFetchingNextPage,
    loadMore,
  };
}

/** The operations that hand out any page of a list by its offset, and say how many rows a page holds. */
type WindowName = {
  [N in OperationName]: NonNullable<OperationInput<N>> extends { offset?: number }
    ? OperationOutput<N> extends { rows: unknown[]; total: number; limit: number }
      ? N
      : never
    : never;
}[OperationName];
type WindowRowOf<N extends WindowName> = OperationOutput<N> extends { rows: (infer R)[] } ? R : never;

export interface ListWindow<N extends WindowName> {
  /** The first page (the count of all rows, and whatever else the operation says of the whole list). */
  first: OperationOutput<N> | undefined;
  /** The row at an index, or undefined while its page is on its way. */
  rowAt: (index: number) => WindowRowOf<N> | undefined;
  /** The rows drawn (in view, and any other kept drawn): their pages are read. */
  setView: (indexes: readonly number[]) => void;
}

/**
 * A long list drawn virtualized, read by the pages that hold the rows in view (the operation's own page size), each
 * cached on its own: a jump to the middle of 10,000 rows reads the page there, not every page before it. The first
 * page is always read, and kept on screen while the first page for new inputs comes.
 */
export function useApiWindow<N extends WindowName>(name: N, input: Omit<OperationInput<N>, 'offset' | 'limit'>): ListWindow<N> {
  type Answer = OperationOutput<N> & { rows: WindowRowOf<N>[]; total: number; limit: number };
  // The rows drawn, for the inputs they were drawn for: new inputs start again at the top.
  const inputKey = JSON.stringify(input);
  const [drawn, setDrawn] = useState<{ key: string; indexes: readonly number[] }>({ key: inputKey, indexes: [0] });
  const view = drawn.key === inputKey ? drawn.indexes : [0];
  const pageInput = (offset: number) => ({ ...input, offset }) as unknown as OperationInput<N>;
  const first = useQuery({
    queryKey: apiKey(name, pageInput(0)),
    queryFn: () => call(name, pageInput(0)) as Promise<Answer>,
    placeholderData: keepPreviousData,
  });
  const limit = first.isPlaceholderData ? undefined : first.data?.limit;
  const total = first.data?.total ?? 0;
  const pages = limit ? [...new Set(view.map((index) => Math.floor(index / limit)))].filter((page) => page > 0 && page * limit < total) : [];
  const others = useQueries({
    queries: pages.map((page) => ({
      queryKey: apiKey(name, pageInput(page * limit!)),
      queryFn: () => call(name, pageInput(page * limit!)) as Promise<Answer>,
    })),
  });
  const byPage = new Map<number, WindowRowOf<N>[]>();
  if (first.data) byPage.set(0, first.data.rows);
  others.forEach((query, i) => {
    if (query.data) byPage.set(pages[i]!, query.data.rows);
  });
  const size = first.data?.limit ?? 1;
  return {
    first: first.data,
    rowAt: (index) => byPage.get(Math.floor(index / size))?.[index % size],
    setView: useCallback(
      (indexes: readonly number[]) => setDrawn((old) => (old.key === inputKey && old.indexes.join() === indexes.join() ? old : { key: inputKey, indexes })),
      [inputKey],
    ),
  };
}

/**
 * A read made of several calls of one operation (every page of a short list, a few counts): cached under
 * that operation's name, so the writes that change what it reads refresh it too.
 */
export function useApiComposed<N extends OperationName, T>(name: N, input: OperationInput<N>, load: () => Promise<T>): ApiRead<T> {
  const query = useQuery({ queryKey: [name, input, 'composed'], queryFn: load, placeholderData: keepPreviousData });
  return { data: query.data, error: query.error, loading: query.isPending || query.isPlaceholderData, refetch: () => void query.refetch() };
}
