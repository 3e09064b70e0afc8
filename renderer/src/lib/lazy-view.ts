/**
 * A view in a chunk of its own that, once loaded, renders at once. `React.lazy` suspends the first render of each
 * lazy component even when its chunk is already in (its promise is read only then), and React holds back the
 * content that replaces a shown fallback for up to 300 ms: every view opened for the first time waited that long
 * (the meeting form was typeable 360 ms after the click at L, for 40 ms of work). A view preloaded in idle time
 * (`preload`) is rendered directly; one opened before its chunk is in goes through `React.lazy` as before.
 */
import { createElement, lazy, useState, type ComponentType } from 'react';

export type LazyView<P> = ComponentType<P> & { preload: () => Promise<unknown> };

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyView<P> {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = () =>
    (loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // A failed load may be tried again (the next visit, the next idle preload).
        loading = null;
        throw error;
      },
    ));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  // Chosen once per mounted view: a view that went through React.lazy stays on it (no remount when the chunk is in).
  const View = (props: P) => {
    const [component] = useState(() => loaded ?? Lazy);
    return createElement(component, props);
  };
  return Object.assign(View, { preload });
}
