import { useEffect, useState } from 'react';

export const VIEWS = ['dashboard', 'partnerships', 'organizations', 'meetings', 'tasks', 'reports', 'sync', 'settings'] as const;
export type View = (typeof VIEWS)[number];

function currentView(): View {
  const name = location.hash.replace(/^#\/?/, '').split('/')[0];
  return (VIEWS as readonly string[]).includes(name ?? '') ? (name as View) : 'partnerships';
}

/** The current view, kept in the location hash so reload and back/forward work. */
export function useView(): [View, (view: View) => void] {
  const [view, setView] = useState<View>(currentView);
  useEffect(() => {
    const onHashChange = () => setView(currentView());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  return [view, (next) => (location.hash = `#/${next}`)];
}
