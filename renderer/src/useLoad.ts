import { useCallback, useEffect, useState } from 'react';
import { showError } from './notify';

/** Load data through the contract; `reload` after a write. Errors are shown, never thrown at the screen. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableLoad = useCallback(load, deps);
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    stableLoad()
      .then((value) => {
        if (!cancelled) setData(value);
      })
      .catch((error: unknown) => {
        if (!cancelled) showError(error, 'load');
      })
      .finally(() => {
        if (!cancelled) setLoading(false);
      });
    return () => {
      cancelled = true;
    };
  }, [stableLoad, generation]);
  return { data, loading, reload: () => setGeneration((g) => g + 1) };
}
