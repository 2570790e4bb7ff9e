// The three measured clients behind one shape: { name, sample(), extra(), close() }.
//   node — mqtt.js in a Node child process (what the broker can deliver to one client)
//   bare — bench/reference/: mqtt.js in a module worker that parses and counts, in headless Chromium
//   app  — the built Sightglass app, read through window.__sightglass (app/state/benchProbe.ts)
// sample() returns { count, at } with `at` in ms since epoch on the client's own clock; for the
// app it also returns the engine's own per-second rate (`rate`), rolled at its 1 s stats tick.
import { startNodeSubscriber } from './children.mjs';
import { CONNECTION_ID } from './appConfig.mjs';

/** @typedef {{ count: number, at: number, rate?: number, topics?: number }} Sample */
/** @typedef {{ name: 'node' | 'bare' | 'app', sample(): Promise<Sample | null>, extra(): Promise<any>, close(): Promise<void>, page?: import('./chromium.mjs').Page, worker?: import('./cdp.mjs').Session }} Client */

/** @param {string} wsUrl @returns {Promise<Client>} */
export async function openNodeClient(wsUrl) {
  const sub = await startNodeSubscriber(wsUrl);
  return { name: 'node', sample: sub.sample, extra: async () => ({}), close: sub.stop };
}

/**
 * @param {import('./chromium.mjs').Browser} browser @param {string} referenceUrl @param {string} wsUrl
 * @param {{ worker?: RegExp, query?: string }} [opts] another reference page's worker (scenario 7), extra query
 * @returns {Promise<Client>}
 */
export async function openBareClient(browser, referenceUrl, wsUrl, { worker: workerUrl = /reference\/worker\.js/, query = '' } = {}) {
  const page = await browser.openPage(`${referenceUrl}?broker=${encodeURIComponent(wsUrl)}${query}`);
  const worker = await page.worker(workerUrl);
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = await worker.evaluate('self.__bench && ({ ...self.__bench })').catch(() => null);
    if (s?.subscribed) break;
    if (s?.error || Date.now() > deadline) throw new Error(`bare reference page did not subscribe: ${s?.error ?? 'timeout'}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    name: 'bare',
    page,
    worker,
    sample: () => worker.evaluate('({ count: self.__bench.count, at: Date.now(), bad: self.__bench.bad })'),
    extra: async () => ({ heap: { main: await page.session.heapAfterGc(), worker: await worker.heapAfterGc() } }),
    close: () => page.close(),
  };
}

export const APP_SAMPLE = `(() => {
  const p = window.__sightglass;
  const s = p && p.stats()[${JSON.stringify(CONNECTION_ID)}];
  return s ? { count: s.totalIn, rate: s.msgsInPerSec, at: p.statsAt(), topics: s.topics } : null;
})()`;

/**
 * Opens the app (which loads config.json and auto-connects) and waits until it is subscribed.
 * @param {import('./chromium.mjs').Browser} browser @param {string} appUrl
 * @param {{ hash?: string, beforeLoad?: string }} [opts]
 * @returns {Promise<Client & { page: import('./chromium.mjs').Page, engine: import('./cdp.mjs').Session }>}
 */
export async function openAppClient(browser, appUrl, { hash = '#/topics', beforeLoad } = {}) {
  const page = await browser.openPage(`${appUrl}${hash}`, { beforeLoad });
  await page.waitFor(`(() => {
    const c = window.__sightglass && window.__sightglass.connections()[${JSON.stringify(CONNECTION_ID)}];
    return c && c.state === 'connected' && c.subscriptions.length > 0 && c.subscriptions.every((s) => s.granted !== undefined)
      && !!window.__sightglass.stats()[${JSON.stringify(CONNECTION_ID)}];
  })()`, { timeoutMs: 30_000, what: 'the app to connect and subscribe' });
  const engine = await page.worker(/worker/);
  return {
    name: 'app',
    page,
    engine,
    sample: () => page.evaluate(APP_SAMPLE),
    extra: async () => ({
      health: await page.evaluate('window.__sightglass.health()'),
      heap: { main: await page.session.heapAfterGc(), worker: await engine.heapAfterGc() },
    }),
    close: () => page.close(),
  };
}
