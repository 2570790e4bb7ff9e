import { engine } from '../engine/engineClient';

let started = false;

/**
 * The browser knows before any keepalive that the network is gone (or back): tell the engine, so
 * offline closes connections at once and online retries at once. Called once by `startApp()`.
 */
export function startNetworkSync(): void {
  if (started) return;
  started = true;
  const report = () => engine.send({ type: 'network', online: navigator.onLine });
  window.addEventListener('online', report);
  window.addEventListener('offline', report);
  if (!navigator.onLine) report();
}
