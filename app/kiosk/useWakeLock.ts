import { useEffect } from 'react';
import { setWakeLockStatus } from './kioskActions';
import { WakeLockKeeper, type WakeLockLike } from './WakeLockKeeper';

/** Holds a screen wake lock while `active` and the page is visible. */
export function useWakeLock(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const api = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
    const keeper = new WakeLockKeeper(api, document, setWakeLockStatus);
    keeper.start();
    return () => keeper.stop();
  }, [active]);
}
