/**
 * Reading through the contract with the query cache (api/cache.ts): `useApi('partnerships.get', { id })`
 * is cached under `['partnerships.get', { id }]` and read again in the background after any write that
 * changes what it shows. Errors are shown by the cache, once; the screen gets `data` or nothing.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { keepPreviousData, useInfiniteQuery, useQueries, useQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import type { OperationInput, OperationName, OperationOutput } from '@db/api';
import type { Page } from '@db/paging';
import { api } from './api';
import { queryClient, type ReadMeta } from './api/cache';

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

/**
 * An answer less than this old is not read again when a view starts to show it: what was read ahead (at the start,
 * at the address change: lib/read-ahead.ts) is read once, not again as the view mounts. Writes refresh it as any read.
 */
const FRESH_FOR_A_MOUNT_MS = 1000;

const freshForAMount = (query: { state: { dataUpdatedAt: number } }): number =>
  Date.now() - query.state.dataUpdatedAt < FRESH_FOR_A_MOUNT_MS ? FRESH_FOR_A_MOUNT_MS : 0;

/** Read what `useApi(name, input)` will show, ahead of its view: the view finds it on its way, or there. */
export function prefetchApi<N extends OperationName>(name: N, input?: OperationInput<N>): void {
  void queryClient.prefetchQuery({ queryKey: apiKey(name, input), queryFn: () => call(name, input), staleTime: freshForAMount });
}

export function useApi<N extends OperationName>(name: N, input?: OperationInput<N>, options: ApiReadOptions = {}): ApiRead<OperationOutput<N>> {
  const query = useQuery({
    queryKey: apiKey(name, input),
    queryFn: () => call(name, input),
    staleTime: freshForAMount,
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
  options: { pageSize?: number } = {},
): PagedList<RowOf<N>> {
  const { pageSize = 100 } = options;
  type Answer = Page<RowOf<N>> & { next: NextOf<N> | null };
  const query = useInfiniteQuery<Answer, Error, InfiniteData<Answer, NextOf<N> | null>, readonly unknown[], NextOf<N> | null>({
    queryKey: [name, input, { pageSize }],
    queryFn: ({ pageParam }) =>
      call(name, { ...input, limit: pageSize, ...(pageParam === null ? {} : { offset: pageParam }) } as OperationInput<N>) as Promise<Answer>,
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

/** The operations that hand out any page of a list by its offset (`limit` rows from `offset`) with the count of all its rows. */
type WindowName = {
  [N in OperationName]: NonNullable<OperationInput<N>> extends { offset?: number; limit?: number }
    ? OperationOutput<N> extends { rows: unknown[]; total: number }
      ? N
      : never
    : never;
}[OperationName];
type WindowRowOf<N extends WindowName> = OperationOutput<N> extends { rows: (infer R)[] } ? R : never;
/** What a window's caller says of the list: its filters, never where a page starts or how long it is. */
export type WindowInput<N extends WindowName> = Omit<NonNullable<OperationInput<N>>, 'limit' | 'offset' | 'after'>;

/** How a list window reads. */
export interface WindowOptions {
  /** Rows a page holds (the `limit` asked for). */
  pageSize: number;
  /** Rows either side of those drawn whose pages are read with them, so reading on finds them there (0: none). */
  margin?: number;
  /**
   * A jump (a dragged scrollbar, End: a place away from the pages read) is read once the view has stayed put this
   * long, so the pages passed on the way are not; reading on is read at once. 0: every place at once.
   */
  jumpPauseMs?: number;
}

export interface ListWindow<N extends WindowName> {
  /**
   * The answer of a page in view (the count of all rows, and whatever else the operation says of the whole list),
   * else the last one seen (a jump not read yet, new inputs being read); undefined until a first page has come.
   */
  answer: OperationOutput<N> | undefined;
  /** How many rows there are in all (`answer.total`). */
  total: number | undefined;
  /** The row at an index, or undefined while its page has not come (the list draws a placeholder). */
  rowAt: (index: number) => WindowRowOf<N> | undefined;
  /** Rows drawn are not here yet (a page on its way, or a jump not yet read). */
  loading: boolean;
}

/** The query of one page of a list window: the view and the read-ahead at the address change share it, key and all. */
function windowPage<N extends WindowName>(name: N, input: WindowInput<N>, page: number, pageSize: number) {
  const pageInput = { ...input, limit: pageSize, offset: page * pageSize } as OperationInput<N>;
  return {
    queryKey: apiKey(name, pageInput),
    queryFn: () => call(name, pageInput),
    staleTime: freshForAMount,
  };
}

/** Read a window's first page ahead of its view (at the address change): the view finds it on its way, or there. */
export function prefetchWindow<N extends WindowName>(name: N, input: WindowInput<N>, options: WindowOptions): void {
  void queryClient.prefetchQuery(windowPage(name, input, 0, options.pageSize));
}

/** The pages holding `indexes` (the rows drawn) and `margin` rows either side of each run of them, in order. */
function pagesOf(indexes: readonly number[], margin: number, pageSize: number): number[] {
  const pages = new Set<number>();
  const sorted = [...indexes].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1]! - sorted[j]! <= 1) j++;
    const from = Math.max(0, Math.floor((sorted[i]! - margin) / pageSize));
    const to = Math.max(from, Math.floor((sorted[j]! + margin) / pageSize));
    for (let page = from; page <= to; page++) pages.add(page);
    i = j + 1;
  }
  return [...pages].sort((a, b) => a - b);
}

const TOP: readonly number[] = [0];
const NO_PAGES: ReadonlySet<number> = new Set();

/**
 * A long list drawn virtualized and read where it is looked at: the pages (by offset) of the rows drawn, `view`, each
 * cached on its own, so a list of 200,000 rows opens at any place without reading the pages before it. Reading on
 * (a wheel, the arrow keys) asks for the next page at once; a jump waits until the view stays put (`jumpPauseMs`),
 * then reads only the pages it landed on. New inputs start again at the top (their first page alone until it has
 * come; the last total is kept meanwhile); a refresh after a write reads the pages in view again. The portfolio
 * timeline and the meeting log.
 */
export function useApiWindow<N extends WindowName>(name: N, input: WindowInput<N>, view: readonly number[], options: WindowOptions): ListWindow<N> {
  const { pageSize, margin = 0, jumpPauseMs = 0 } = options;
  type Answer = OperationOutput<N> & { rows: WindowRowOf<N>[]; total: number };
  const inputKey = JSON.stringify(input);
  // The last answer seen, and for which inputs: until new inputs have answered, only their first page is read.
  const [seen, setSeen] = useState<{ key: string; answer: Answer } | undefined>(undefined);
  const answered = seen?.key === inputKey;
  const wanted = answered ? pagesOf(view.length ? view : TOP, margin, pageSize) : [0];
  // The pages asked for so far for these inputs: a page is read only once it is here. The first ones are asked for
  // as the list is first drawn, not after (when the query would): the call runs while the view renders.
  const client = useQueryClient();
  const [asked, setAsked] = useState<{ key: string; pages: ReadonlySet<number> }>(() => {
    for (const page of wanted) void client.prefetchQuery(windowPage(name, input, page, pageSize));
    return { key: inputKey, pages: new Set(wanted) };
  });
  const askedPages = asked.key === inputKey ? asked.pages : NO_PAGES;
  const results = useQueries({
    queries: wanted.map((page) => ({ ...windowPage(name, input, page, pageSize), enabled: askedPages.has(page) })),
  }) as { data: Answer | undefined }[];
  const found = results.find((r) => r.data)?.data;
  if (found && (!answered || seen.answer.total !== found.total)) setSeen({ key: inputKey, answer: found });
  const answer = found ?? seen?.answer;
  const total = answer?.total;
  const lastPage = total === undefined ? Infinity : Math.max(0, Math.ceil(total / pageSize) - 1);
  const here = new Map<number, WindowRowOf<N>[]>();
  results.forEach((r, i) => {
    if (r.data) here.set(wanted[i]!, r.data.rows);
  });
  const missing = wanted.filter((page) => page <= lastPage && !here.has(page));

  // Where the view is (the middle of the rows drawn): how far it moved since the last render tells a jump.
  const at = view.length ? [...view].sort((a, b) => a - b)[view.length >> 1]! : 0;
  const before = useRef(at);
  const toAsk = wanted.filter((page) => page <= lastPage && !askedPages.has(page)).join(',');
  useEffect(() => {
    const moved = Math.abs(at - before.current);
    before.current = at;
    if (!toAsk) return;
    const pages = toAsk.split(',').map(Number);
    const ask = () => setAsked((current) => ({ key: inputKey, pages: new Set([...(current.key === inputKey ? current.pages : []), ...pages]) }));
    // Reading on (or a first page): at once. A jump: once the view stays put.
    const readingOn =
      jumpPauseMs === 0 || askedPages.size === 0 || (moved < pageSize / 4 && pages.every((p) => askedPages.has(p - 1) || askedPages.has(p + 1)));
    if (readingOn) return ask();
    const timer = setTimeout(ask, jumpPauseMs);
    return () => clearTimeout(timer);
  }, [inputKey, toAsk, at, askedPages, pageSize, jumpPauseMs]);

  return { answer, total, rowAt: (index) => here.get(Math.floor(index / pageSize))?.[index % pageSize], loading: missing.length > 0 };
}

/**
 * A read made of several calls of one operation (every page of a short list, a few counts): cached under
 * that operation's name, so the writes that change what it reads refresh it too.
 */
export function useApiComposed<N extends OperationName, T>(name: N, input: OperationInput<N>, load: () => Promise<T>): ApiRead<T> {
  const query = useQuery({ queryKey: [name, input, 'composed'], queryFn: load, placeholderData: keepPreviousData });
  return { data: query.data, error: query.error, loading: query.isPending || query.isPlaceholderData, refetch: () => void query.refetch() };
}
