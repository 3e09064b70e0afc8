import { useEffect, useState } from 'react';
import { askDiscard, hasUnsavedChanges, releaseAll } from './lib/unsaved';

export const VIEWS = [
  'dashboard',
  'partnerships',
  'map',
  'organizations',
  'meetings',
  'timeline',
  'tasks',
  'contacts',
  'reports',
  'sync',
  'import',
  'backups',
  'trash',
  'settings',
  'search',
] as const;
export type View = (typeof VIEWS)[number];

/** A place in the app: a view and an optional record id or 'new' (#/partnerships/<id>, #/meetings/new). */
export interface Route {
  view: View;
  id: string | null;
}

export function parseRoute(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  const view = (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'dashboard';
  return { view, id: view === name && id ? decodeURIComponent(id) : null };
}

export function routeHash(view: View, id?: string | null): string {
  return id ? `#/${view}/${encodeURIComponent(id)}` : `#/${view}`;
}

/** Go somewhere: the location hash holds the route, so reload and back/forward work. */
export function navigate(view: View, id?: string | null): void {
  location.hash = routeHash(view, id);
}

/** The hash the app shows: a change to the address is taken only once no form would lose typed work by it. */
let shown: string | null = null;
/** Where the user asked to go while "Discard unsaved changes?" is on screen. */
let wanted: string | null = null;
const watchers = new Set<() => void>();

const addressOf = (hash: string) => hash || `${location.pathname}${location.search}`;

function show(hash: string): void {
  shown = hash;
  watchers.forEach((watcher) => watcher());
}

/**
 * A link, the palette, back or forward changed the hash. With a dirty form on screen, the address goes
 * back to it while the app asks (a back press thus stays where it was); Keep editing leaves everything
 * as it was, Discard goes where the user asked, in place of the history entry that asked.
 */
function onHashChange(): void {
  const hash = location.hash;
  if (hash === shown) return;
  if (!hasUnsavedChanges()) return show(hash);
  wanted = hash;
  history.replaceState(history.state, '', addressOf(shown ?? ''));
  void askDiscard().then((discard) => {
    const target = wanted;
    wanted = null;
    if (!discard || target === null) return;
    releaseAll();
    history.replaceState(history.state, '', addressOf(target));
    show(target);
  });
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(shown ?? location.hash));
  useEffect(() => {
    if (watchers.size === 0) {
      shown = location.hash;
      window.addEventListener('hashchange', onHashChange);
    }
    const watcher = () => setRoute(parseRoute(shown ?? ''));
    watchers.add(watcher);
    return () => {
      watchers.delete(watcher);
      if (watchers.size === 0) window.removeEventListener('hashchange', onHashChange);
    };
  }, []);
  return route;
}
