import { useSyncExternalStore } from 'react';

export type Route = { view: 'topics' } | { view: 'dashboards'; id?: string } | { view: 'alarms' } | { view: 'sparkplug' };

function parse(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'dashboards') return { view: 'dashboards', id: parts[1] || undefined };
  if (parts[0] === 'alarms') return { view: 'alarms' };
  if (parts[0] === 'sparkplug') return { view: 'sparkplug' };
  return { view: 'topics' };
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};

/** Hash routing: works from any sub-path of any static server, no server fallback needed. */
export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export const hrefFor = (route: Route): string =>
  route.view === 'dashboards' ? `#/dashboards${route.id ? '/' + encodeURIComponent(route.id) : ''}` : `#/${route.view}`;
