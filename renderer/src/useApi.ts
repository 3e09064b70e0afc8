/**
 * Reading through the contract with the query cache (api/cache.ts): `useApi('partnerships.get', { id })`
 * is cached under `['partnerships.get', { id }]` and read again in the background after any write that
 * changes what it shows. Errors are shown by the cache, once; the screen gets `data` or nothing.
 */
import { useCallback, useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery, useQuery, type InfiniteData } from '@tanstack/react-query';
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

/**
 * A read made of several calls of one operation (every page of a short list, a few counts): cached under
 * that operation's name, so the writes that change what it reads refresh it too.
 */
export function useApiComposed<N extends OperationName, T>(name: N, input: OperationInput<N>, load: () => Promise<T>): ApiRead<T> {
  const query = useQuery({ queryKey: [name, input, 'composed'], queryFn: load, placeholderData: keepPreviousData });
  return { data: query.data, error: query.error, loading: query.isPending || query.isPlaceholderData, refetch: () => void query.refetch() };
}
