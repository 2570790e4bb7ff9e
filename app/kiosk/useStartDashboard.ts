import { useEffect, useRef } from 'react';
import { hrefFor } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { startDashboardId } from './rotation';

/**
 * `?kiosk=1` on a URL without a view (`#/…`) opens on a dashboard at once, not after the first
 * rotation period (issue 16 #6): `?dashboard=<id>` when it names one, else the first. Only the
 * page's first URL counts: entering kiosk mode with its button keeps the view the user is on.
 */
export function useStartDashboard(active: boolean): void {
  const initial = useRef({ hash: window.location.hash, search: window.location.search, done: false });
  const loaded = useSite((s) => s.loaded);
  const ids = useSite((s) => s.config.dashboards.map((d) => d.id).join('\n'));

  useEffect(() => {
    const start = initial.current;
    if (start.done || !loaded) return;
    start.done = true;
    if (!active || start.hash.replace(/^#\/?/, '') !== '' || window.location.hash !== start.hash) return;
    const id = startDashboardId(ids ? ids.split('\n') : [], new URLSearchParams(start.search).get('dashboard'));
    if (id !== undefined) window.location.replace(hrefFor({ view: 'dashboards', id }));
  }, [active, loaded, ids]);
}
