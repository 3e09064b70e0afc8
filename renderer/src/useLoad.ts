import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

/**
 * Load data through the contract with a closure: the older door, kept for the forms until they read with
 * `useApi` (useApi.ts). On the query cache: as before, read once per mount and again on `reload` (it cannot
 * say which entities it shows, so only a change of everything, a merge or new settings, refreshes it);
 * errors are shown by the cache, never thrown at the screen.
 */
let instances = 0;
const nextInstance = () => ++instances;

export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; reload: () => void } {
  // Its own key per mounted caller (a closure has no name to share a cached answer by).
  const [id] = useState(nextInstance);
  const query = useQuery({ queryKey: ['useLoad', id, ...deps], queryFn: load, placeholderData: keepPreviousData, gcTime: 0 });
  return { data: query.data, loading: query.isPending || query.isPlaceholderData, reload: () => void query.refetch() };
}
