import { useEffect, useState } from 'react';

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

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onHashChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return route;
}
