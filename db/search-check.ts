/**
 * The search index's check after the start. Opening a file checks the records' tables before the app answers
 * (db/open.ts); the search index is derived data, and its check (FTS5 reads its whole index: about 6 s at L) would
 * hold the start up. So the writer starts it a little after it is ready, in a worker of its own, off the thread that
 * answers; a damaged index is rebuilt from the records there (`repairSearchIndex`) and the damage is logged.
 */
import { runWorkerOnce, workerOpenInput } from './worker-entry';
import type { Core } from './core';
import type { SearchIndexCheck } from './search';

/** After the start: the first screen's calls are answered first, without the check's reading beside them. */
export const SEARCH_CHECK_DELAY_MS = 3000;

export interface SearchCheckRun {
  /** The check's finding (null: stopped before it ran, or it failed, which is logged). */
  result: Promise<SearchIndexCheck | null>;
  /** Stop it (the core is closing): a rebuild under way is rolled back, and the next start checks again. */
  stop(): Promise<void>;
}

export function checkSearchIndexLater(core: Core, delayMs = SEARCH_CHECK_DELAY_MS): SearchCheckRun {
  let stopWorker: (() => Promise<void>) | null = null;
  let cancel: () => void = () => undefined;
  const result = new Promise<SearchIndexCheck | null>((resolve) => {
    const timer = setTimeout(() => {
      const run = runWorkerOnce<SearchIndexCheck>('search-check-worker', workerOpenInput(core));
      stopWorker = run.stop;
      run.result.then(
        (check) => {
          if (check.damage !== null)
            console.error(`${core.opened.path}: the search index was damaged (${check.damage}); rebuilt it from the records (${check.rebuilt} records)`);
          resolve(check);
        },
        (error: unknown) => {
          console.error(`${core.opened.path}: the search index could not be checked:`, error instanceof Error ? error.message : error);
          resolve(null);
        },
      );
    }, delayMs);
    cancel = () => {
      clearTimeout(timer);
      resolve(null);
    };
  });
  return {
    result,
    stop: async () => {
      cancel();
      await stopWorker?.();
    },
  };
}
