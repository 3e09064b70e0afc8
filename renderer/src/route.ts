import { useEffect, useState } from 'react';
import { askDiscard, hasUnsavedChanges, releaseAll } from './lib/unsaved';
import { readAhead } from './lib/read-ahead';

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

/**
 * Each history entry the app has shown carries its place in the tab's history (in `history.state`), so a
 * hash change can tell which way it went: back or forward by so many entries, or to a new entry (state null).
 */
const PLACE = 'ptPlace';
let shownPlace = 0;

function placeOf(state: unknown): number | null {
  const place = (state as Record<string, unknown> | null)?.[PLACE];
  return typeof place === 'number' ? place : null;
}

/** The entry on screen is at `place`: written into its state, kept as what the app shows. */
function markPlace(place: number): void {
  shownPlace = place;
  if (placeOf(history.state) !== place) history.replaceState({ ...(history.state as object | null), [PLACE]: place }, '');
}

function show(hash: string): void {
  shown = hash;
  // The new view's first read starts now, not when the view renders.
  readAhead(parseRoute(hash));
  markPlace(placeOf(history.state) ?? shownPlace + 1);
  watchers.forEach((watcher) => watcher());
}

/**
 * A link, the palette, back or forward changed the hash. With a dirty form on screen, the history goes
 * back to its entry while the app asks, by going the other way (a back press by a forward, a new entry by
 * a back): no entry is written twice. Keep editing leaves everything as it was; Discard goes where the user
 * asked, the same way again.
 */
function onHashChange(): void {
  const hash = location.hash;
  if (hash === shown) {
    // Back on the entry shown, after going the other way while asking.
    shownPlace = placeOf(history.state) ?? shownPlace;
    return;
  }
  if (!hasUnsavedChanges()) return show(hash);
  wanted = hash;
  const arrived = placeOf(history.state);
  // How far the history went: a new entry (a link, a typed address) is one step on.
  const went = arrived === null ? 1 : arrived - shownPlace;
  if (went !== 0) history.go(-went);
  else history.replaceState(history.state, '', shown || `${location.pathname}${location.search}`);
  void askDiscard().then((discard) => {
    const target = wanted;
    wanted = null;
    if (!discard || target === null) return;
    releaseAll();
    if (went !== 0) history.go(went);
    else {
      history.replaceState(history.state, '', target || `${location.pathname}${location.search}`);
      show(target);
    }
  });
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(shown ?? location.hash));
  useEffect(() => {
    if (watchers.size === 0) {
      shown = location.hash;
      markPlace(placeOf(history.state) ?? 0);
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
