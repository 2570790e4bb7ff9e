import { useEffect, useRef } from 'react';
import { hrefFor, type Route } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { nextDashboardId } from './rotation';

/** After someone touches the screen, rotation waits this long so they can read what they opened. */
const PAUSE_AFTER_INPUT_MS = 60_000;

/** Cycles through the dashboards every `seconds` (0 = off). */
export function useDashboardRotation(active: boolean, seconds: number, route: Route): void {
  const ids = useSite((s) => s.config.dashboards.map((d) => d.id).join('\n'));
  const currentRef = useRef<string | undefined>(undefined);
  currentRef.current = route.view === 'dashboards' ? route.id : undefined;

  useEffect(() => {
    if (!active || seconds <= 0 || !ids) return;
    const list = ids.split('\n');
    let lastInput = 0;
    const onInput = () => {
      lastInput = performance.now();
    };
    window.addEventListener('pointerdown', onInput, { passive: true });
    window.addEventListener('keydown', onInput);
    window.addEventListener('wheel', onInput, { passive: true });
    const timer = window.setInterval(() => {
      if (document.visibilityState !== 'visible') return;
      if (lastInput && performance.now() - lastInput < PAUSE_AFTER_INPUT_MS) return;
      const next = nextDashboardId(list, currentRef.current);
      if (next !== undefined && next !== currentRef.current) window.location.hash = hrefFor({ view: 'dashboards', id: next });
    }, seconds * 1000);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pointerdown', onInput);
      window.removeEventListener('keydown', onInput);
      window.removeEventListener('wheel', onInput);
    };
  }, [active, seconds, ids]);
}
