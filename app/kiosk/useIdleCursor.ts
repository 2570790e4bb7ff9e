import { useEffect } from 'react';

const IDLE_MS = 3000;

/** Hides the mouse pointer after a few seconds without movement (`<html data-idle>` in CSS). */
export function useIdleCursor(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const root = document.documentElement;
    let timer = 0;
    const wake = () => {
      delete root.dataset.idle;
      window.clearTimeout(timer);
      timer = window.setTimeout(() => {
        root.dataset.idle = '';
      }, IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake, { passive: true });
    window.addEventListener('pointerdown', wake, { passive: true });
    window.addEventListener('keydown', wake);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
      window.removeEventListener('keydown', wake);
      delete root.dataset.idle;
    };
  }, [active]);
}
