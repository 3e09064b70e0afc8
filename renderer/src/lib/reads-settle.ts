import { queryClient } from '../api/cache';

/**
 * Run `then` once no read is on its way and the page is idle (the view just opened has drawn what it reads first),
 * for a read that can wait (the bell's count): checked after the view's first frame, once its reads have started.
 * The returned function cancels it.
 */
export function whenReadsSettle(then: () => void): () => void {
  let cancelled = false;
  let stop = (): void => undefined;
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 50));
  const run = () => idle(() => cancelled || then());
  const frame = requestAnimationFrame(() => {
    if (queryClient.isFetching() === 0) return run();
    stop = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching() > 0) return;
      stop();
      run();
    });
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    stop();
  };
}
