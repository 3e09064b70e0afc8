/**
 * The renderer's cache of what it has read through the contract (TanStack Query). Every cached read
 * is keyed `[operation, input]`; every successful write refreshes the reads of the entities it changed
 * (api/entities.ts), in the background: the screens keep showing what they had until the new answer
 * comes, and nothing remounts.
 */
import { QueryCache, QueryClient, type Query } from '@tanstack/react-query';
import type { ApiClient } from '@db/api';
import type { JobState } from '@db/jobs';
import { ApiError } from './client';
import { JOB_WRITES, readsAny, WRITES, type Entity } from './entities';

/** What a read may say about itself: `quiet` when its screen shows the error itself (a record not found). */
export interface ReadMeta extends Record<string, unknown> {
  quiet?: (error: unknown) => boolean;
}

/** How a failed read is shown: in the UI language (main.tsx hands in `showError`), once per failed read. */
let showLoadError: (error: unknown) => void = (error) => console.error(error);
export function showLoadErrorsWith(show: (error: unknown) => void): void {
  showLoadError = show;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    // A failed read is shown once, in the UI language, never thrown at the screen.
    onError: (error, query) => {
      const quiet = (query.meta as ReadMeta | undefined)?.quiet;
      if (!quiet?.(error)) showLoadError(error);
    },
  }),
  defaultOptions: {
    queries: {
      // A local database: no focus or reconnect storms; the contract's refusals are answers, not hiccups.
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      retry: (failures, error) => !(error instanceof ApiError) && failures < 1,
      // A screen opened again shows what it had at once and reads again behind it.
      staleTime: 0,
    },
  },
});

/** The reads that show any of `changed` (or every read): active ones read again in the background, the rest when next shown. */
export function refreshAfter(changed: readonly Entity[] | 'everything'): Promise<void> {
  if (changed === 'everything') return queryClient.invalidateQueries();
  if (changed.length === 0) return Promise.resolve();
  return queryClient.invalidateQueries({ predicate: (query: Query) => readsAny(query.queryKey[0], changed) });
}

/** After a merge, restore, import, settings change or onboarding: every read, in the background. */
export const refreshEverything = (): Promise<void> => refreshAfter('everything');

/** What a successful call changed, from the table: the write itself, or a job `jobs.get` reports finished. */
function changedBy(name: string, value: unknown): readonly Entity[] | 'everything' {
  if (name === 'jobs.get') {
    const job = value as JobState;
    return job.status === 'done' ? (JOB_WRITES[job.kind] ?? []) : [];
  }
  return WRITES[name as keyof typeof WRITES] ?? [];
}

/** The client the screens use: each successful write refreshes the reads it affects, in one place. */
export function refreshingClient(client: ApiClient): ApiClient {
  return new Proxy(client, {
    get(target, name) {
      const call = Reflect.get(target, name) as unknown;
      if (typeof name !== 'string' || typeof call !== 'function') return call;
      return async (input?: unknown) => {
        const value: unknown = await (call as (input?: unknown) => Promise<unknown>)(input);
        void refreshAfter(changedBy(name, value));
        return value;
      };
    },
  });
}
