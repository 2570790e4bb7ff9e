import { useEffect } from 'react';
import type { Route } from '../hooks/useHashRoute';
import { requestFullscreen } from './kioskActions';
import { useDashboardRotation } from './useDashboardRotation';
import { useIdleCursor } from './useIdleCursor';
import { useKiosk, useKioskRotateSeconds } from './useKiosk';
import { useReconnectWatchdog } from './useReconnectWatchdog';
import { useStartDashboard } from './useStartDashboard';
import { useWakeLock } from './useWakeLock';

/**
 * Everything kiosk mode does besides hiding editing: `<html data-kiosk>` for CSS, fullscreen at
 * a touch (browsers refuse it without a gesture, so `?kiosk=1` cannot enter it on load),
 * the screen wake lock, opening on a dashboard, dashboard rotation, an idle cursor that disappears, reconnecting forever.
 * Renders nothing.
 */
export function KioskRuntime({ route }: { route: Route }) {
  const active = useKiosk();
  const rotateSeconds = useKioskRotateSeconds();

  useEffect(() => {
    const root = document.documentElement;
    if (active) root.dataset.kiosk = '';
    else delete root.dataset.kiosk;
  }, [active]);

  // Every tap while not fullscreen asks again (after Esc, or when entered by URL); the way out of
  // kiosk mode is its Exit button, which must not re-enter fullscreen on its own pointerup.
  useEffect(() => {
    if (!active) return;
    const onGesture = (e: PointerEvent) => {
      if (e.target instanceof Element && e.target.closest('[data-kiosk-exit]')) return;
      requestFullscreen();
    };
    window.addEventListener('pointerup', onGesture);
    return () => window.removeEventListener('pointerup', onGesture);
  }, [active]);

  useWakeLock(active);
  useIdleCursor(active);
  useStartDashboard(active);
  useDashboardRotation(active, rotateSeconds, route);
  useReconnectWatchdog(active);
  return null;
}
