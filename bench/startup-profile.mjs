#!/usr/bin/env node
// Where a first visit's main-thread time goes (issue 17 "Start-up"): the bench's start-up page
// (scenario 5's config: 1 connection, 10 charts, 1 000 rules) opened once in a fresh browser
// context with the CPU profiler on from navigation, then each busy stretch of the page's main
// thread (over 30 ms, separated by idle) with its heaviest functions, self and inclusive, and the
// start-up figures. Build without minifying to read function names:
//   npx vite build --minify false --outDir /tmp/dist-prof && node bench/startup-profile.mjs /tmp/dist-prof
import { startBroker } from './lib/broker.mjs';
import { launchChromium, VIEWPORT } from './lib/chromium.mjs';
import { Session } from './lib/cdp.mjs';
import { appConfig } from './lib/appConfig.mjs';
import { READ_STARTUP, STARTUP_OBSERVER } from './lib/pageScripts.mjs';
import { sleep } from './lib/stats.mjs';
import { serveStatic } from '../demo/staticServer.mjs';

const [dist = 'dist'] = process.argv.slice(2);
const broker = await startBroker({});
const browser = await launchChromium({});
const app = await serveStatic({ root: dist, config: {} });
app.setConfig(appConfig({ brokerUrl: broker.wsUrl, prefix: 'bench', topics: 10_000 }));

/** Busy stretches of a CPU profile, each with its top functions. @param {any} profile */
function stretches(profile) {
  /** @type {Map<number, any>} */
  const byId = new Map(profile.nodes.map((/** @type {any} */ n) => [n.id, n]));
  /** @type {Map<number, number>} */
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (/** @type {number} */ id) => {
    const f = byId.get(id).callFrame;
    return `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
  };
  /** @type {{ start: number, end: number, samples: number[] }[]} */
  const out = [];
  /** @type {{ start: number, end: number, samples: number[] } | null} */
  let cur = null;
  let t = 0;
  profile.samples.forEach((/** @type {number} */ id, /** @type {number} */ i) => {
    t += profile.timeDeltas[i] / 1000;
    if (byId.get(id).callFrame.functionName === '(idle)') {
      if (cur && t - cur.end > 4) { out.push(cur); cur = null; }
      return;
    }
    cur ??= { start: t, end: t, samples: [] };
    cur.end = t;
    cur.samples.push(id);
  });
  if (cur) out.push(cur);
  return out.filter((s) => s.end - s.start > 30).map((s) => {
    const msPerSample = (s.end - s.start) / s.samples.length;
    /** @type {Map<string, number>} */
    const self = new Map();
    /** @type {Map<string, number>} */
    const incl = new Map();
    for (const id of s.samples) {
      self.set(label(id), (self.get(label(id)) ?? 0) + 1);
      const seen = new Set();
      for (let x = /** @type {number | undefined} */ (id); x !== undefined; x = parent.get(x)) {
        const l = label(x);
        if (!seen.has(l) && !/^\((root|program)\)/.test(l)) { seen.add(l); incl.set(l, (incl.get(l) ?? 0) + 1); }
      }
    }
    const top = (/** @type {Map<string, number>} */ m, /** @type {number} */ n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
      .map(([l, c]) => `${l} ${Math.round(c * msPerSample)}`).join(' | ');
    return `${Math.round(s.start)}–${Math.round(s.end)} ms (${Math.round(s.end - s.start)} ms)\n  self: ${top(self, 6)}\n  inclusive: ${top(incl, 10)}`;
  });
}

try {
  const cdp = browser.cdp;
  const { browserContextId } = await cdp.send('Target.createBrowserContext', { disposeOnDetach: true });
  // A same-origin first document, so the navigation stays in the renderer being profiled.
  const { targetId } = await cdp.send('Target.createTarget', { url: `${app.url}favicon.svg`, browserContextId, ...VIEWPORT });
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
  const page = new Session(cdp, sessionId, { type: 'page', url: app.url });
  await sleep(500);
  await page.send('Page.enable');
  await page.send('Page.addScriptToEvaluateOnNewDocument', { source: STARTUP_OBSERVER });
  await page.send('Profiler.enable');
  await page.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.send('Profiler.start');
  await page.send('Page.navigate', { url: `${app.url}#/topics` });
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate('!!(window.__benchStartup && window.__benchStartup.connectedAt && window.__benchStartup.uiReadyAt)').catch(() => false))) {
    if (Date.now() > deadline) throw new Error('the app did not start and connect in 30 s');
    await sleep(100);
  }
  await sleep(1500);
  const r = await page.evaluate(READ_STARTUP);
  const { profile } = await page.send('Profiler.stop');
  console.log(`FCP ${Math.round(r.fcp)} ms, UI ready ${Math.round(r.uiReadyAt)} ms, interactive ${Math.round(r.interactive)} ms, connected ${Math.round(r.connectedAt)} ms (page clock; the profile's clock starts a little before navigation)`);
  for (const s of stretches(profile)) console.log(s);
} finally {
  await browser.close();
  await app.close();
  await broker.stop();
}
