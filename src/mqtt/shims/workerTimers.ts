/**
 * `worker-timers` for mqtt.js in the engine worker. mqtt.js uses it for its keepalive only on a
 * page's main thread (timerVariant 'auto', lib/get-timer.js), where it moves timers to a worker
 * so background tabs do not throttle them; the engine already runs in a worker, where mqtt.js
 * takes the native timers. The real package (with the Babel runtime) is 7 kB gzip; this one
 * hands over to the native timers, should it ever be called. vite.config.ts resolves it.
 */
type Handler = () => void;

const native = globalThis as unknown as {
  setInterval(fn: Handler, ms: number): number;
  clearInterval(id: number): void;
  setTimeout(fn: Handler, ms: number): number;
  clearTimeout(id: number): void;
};

export const setInterval = (fn: Handler, ms: number): number => native.setInterval(fn, ms);
export const clearInterval = (id: number): void => native.clearInterval(id);
export const setTimeout = (fn: Handler, ms: number): number => native.setTimeout(fn, ms);
export const clearTimeout = (id: number): void => native.clearTimeout(id);
