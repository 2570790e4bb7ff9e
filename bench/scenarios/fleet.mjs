// Scenario 8: fleet (issue 15). `--fleet-vehicles` vehicles (default 2 000) each publish
// `fleet/<id>/gps` {lat,lon,speed,ts} and `fleet/<id>/status` {fuel,state} at 1 Hz, spread evenly
// over each second (4 000 msgs/s). The app shows one dashboard: a map of `fleet/+/gps` and a table
// of `fleet/+/status` (fuel, state). Once the map counts every marker and the table every row,
// for `--fleet-seconds`: frame intervals (rAF) p50/p95/max, main-thread CPU per second (CDP
// Performance.getMetrics TaskDuration delta / wall time), the engine worker's CPU per second
// (CPU profile) and the worker → UI messages per second. The bare page, subscribed to the same
// two filters and receiving the same flood, is measured the same way as the reference.
import { CONNECTION_ID } from '../lib/appConfig.mjs';
import { openAppClient, openBareClient } from '../lib/clients.mjs';
import { FLEET_FILTERS } from '../lib/fleet.mjs';
import { START_FRAMES, STOP_FRAMES } from '../lib/pageScripts.mjs';
import { busyMsPerSecond, profileSummary, saveProfile } from '../lib/profile.mjs';
import { median, percentile, sleep } from '../lib/stats.mjs';

const DASHBOARD = 'bench-fleet';

/** The generated config.json (ui-contract.md "Fleets, energy and remote sites"). @param {string} brokerUrl */
function fleetConfig(brokerUrl) {
  return {
    version: 1,
    connections: [{
      id: CONNECTION_ID, name: 'Bench broker', url: brokerUrl, protocolVersion: 5,
      subscriptions: FLEET_FILTERS.map((topic) => ({ topic, qos: 0 })), autoConnect: true,
    }],
    alarms: [],
    dashboards: [{
      id: DASHBOARD, name: 'Bench fleet',
      widgets: [
        { id: 'map', type: 'map', title: 'Fleet map', layout: { x: 0, y: 0, w: 7, h: 11 },
          positions: { connection: CONNECTION_ID, topic: 'fleet/+/gps', lat: 'lat', lon: 'lon' } },
        { id: 'table', type: 'table', title: 'Vehicles', layout: { x: 7, y: 0, w: 5, h: 11 },
          rows: { connection: CONNECTION_ID, topic: 'fleet/+/status' },
          columns: [{ title: 'Fuel', path: 'fuel', unit: '%' }, { title: 'State', path: 'state' }] },
      ],
    }],
  };
}

/** The map's "N markers" and the table's "N rows" texts, as numbers (null while absent). */
const APP_COUNTS = `(() => {
  // Counts are said with the locale's grouping ("2,000 markers").
  const num = (re) => { for (const el of document.querySelectorAll('figure span')) { const m = re.exec(el.textContent ?? ''); if (m) return Number(m[1].replace(/\\D/g, '')); } return null; };
  return { markers: num(/^(\\d[\\d,.\\s]*) markers?\\b/), rows: num(/^(\\d[\\d,.\\s]*) rows\\b/) };
})()`;

/** @param {any} ctx */
export async function runFleet(ctx) {
  const { opts, log } = ctx;
  ctx.server.setConfig(fleetConfig(ctx.broker.wsUrl));
  const runs = [];
  for (let run = 0; run < opts.runs; run++) {
    const bare = await fleetRun(ctx, 'bare');
    const app = await fleetRun(ctx, 'app');
    for (const r of [bare, app]) {
      log(`  fleet run ${run + 1} ${r.client}: ready after ${(r.readyMs / 1000).toFixed(1)} s; frames p50 ${r.frameP50.toFixed(1)} / p95 ${r.frameP95.toFixed(1)} / max ${r.frameMax.toFixed(1)} ms; `
        + `CPU main ${Math.round(r.mainBusyMsPerS)} ms/s, worker ${Math.round(r.workerBusyMsPerS)} ms/s; ${Math.round(r.receivedPerS)} msgs/s in, ${r.workerMsgsPerS.toFixed(1)} worker msgs/s`);
    }
    runs.push({ bare, app });
  }
  /** @param {'bare' | 'app'} c @param {string} k */
  const m = (c, k) => median(runs.map((r) => r[c][k]));
  const keys = ['readyMs', 'frameP50', 'frameP95', 'frameMax', 'mainBusyMsPerS', 'workerBusyMsPerS', 'receivedPerS', 'workerMsgsPerS'];
  const summary = (/** @type {'bare' | 'app'} */ c) => Object.fromEntries(keys.map((k) => [k, m(c, k)]));
  return { vehicles: opts.fleetVehicles, rate: opts.fleetVehicles * 2, seconds: opts.fleetMs / 1000, bare: summary('bare'), app: summary('app'), runs };
}

/** One client under the flood: open, wait until it holds every vehicle, measure. @param {any} ctx @param {'bare' | 'app'} which */
async function fleetRun(ctx, which) {
  const { opts } = ctx;
  const n = opts.fleetVehicles;
  const client = which === 'app'
    ? await openAppClient(ctx.browser, ctx.appUrl, { hash: `#/dashboards/${DASHBOARD}` })
    : await openBareClient(ctx.browser, ctx.referenceUrl, ctx.broker.wsUrl, { query: FLEET_FILTERS.map((f) => `&filter=${encodeURIComponent(f)}`).join('') });
  const thread = which === 'app' ? /** @type {any} */ (client).engine : /** @type {any} */ (client).worker;
  const page = /** @type {import('../lib/chromium.mjs').Page} */ (client.page);
  const flood = ctx.publisher.run({ type: 'fleet', vehicles: n, durationMs: 15 * 60_000 });
  try {
    const t0 = Date.now();
    const count0 = (await client.sample())?.count ?? 0;
    // Ready: every vehicle on the map and in the table (the bare page: a whole second of the flood).
    if (which === 'app') {
      await page.waitFor(`(() => { const c = ${APP_COUNTS}; return c.markers >= ${n} && c.rows >= ${n}; })()`,
        { timeoutMs: 90_000, intervalMs: 250, what: `the map and the table to show ${n} vehicles` });
    } else {
      await waitForCount(client, count0 + 2 * n, 30_000);
    }
    const readyMs = Date.now() - t0;
    await sleep(opts.smoke ? 300 : 1000);

    await page.session.send('Performance.enable');
    const s0 = await client.sample();
    const deltas0 = which === 'app' ? await page.evaluate('window.__sightglass.deltas()') : 0;
    const task0 = await taskSeconds(page);
    await page.evaluate(START_FRAMES);
    const wall0 = Date.now();
    // The worker's profile runs alongside: stopping it serializes on the worker thread, not on
    // the main thread whose frames are measured.
    const workerProf = await thread.cpuProfile(opts.fleetMs);
    const frames = /** @type {number[]} */ (await page.evaluate(STOP_FRAMES));
    const task1 = await taskSeconds(page);
    const wallMs = Date.now() - wall0;
    const s1 = await client.sample();
    const deltas = which === 'app' ? (await page.evaluate('window.__sightglass.deltas()')) - deltas0 : NaN;
    const counts = which === 'app' ? await page.evaluate(APP_COUNTS) : null;
    const frameP95 = percentile(frames, 95);
    const frameMax = frames.length ? Math.max(...frames) : NaN;
    // Frame targets of scenario 2 (p95 within one 60 Hz frame, max ≤ 50 ms): where the app misses
    // them, 5 s of its main thread under the same flood, to show where the time goes.
    const missed = which === 'app' && opts.profile && !(frameP95 <= 17 && frameMax <= 50);
    const mainProfile = missed ? await page.session.cpuProfile(5000) : null;
    return {
      client: which, readyMs, frames: frames.length, counts,
      frameP50: percentile(frames, 50), frameP95, frameMax,
      ...(mainProfile ? { mainProfile: { file: await saveProfile(ctx, 'fleet-app-main', mainProfile), top: profileSummary(mainProfile, 15) } } : {}),
      mainBusyMsPerS: ((task1 - task0) * 1e6) / wallMs, workerBusyMsPerS: busyMsPerSecond(workerProf),
      receivedPerS: s0 && s1 ? ((s1.count - s0.count) * 1000) / wallMs : NaN,
      // The app: engine → UI deltas; the bare page's worker posts its count 4 times a second.
      workerMsgsPerS: which === 'app' ? (deltas * 1000) / wallMs : 4,
    };
  } finally {
    ctx.publisher.stopJob();
    await flood;
    await client.close();
  }
}

/** Main-thread task time so far, in seconds (CDP Performance metrics). @param {import('../lib/chromium.mjs').Page} page */
async function taskSeconds(page) {
  const { metrics } = await page.session.send('Performance.getMetrics');
  return metrics.find((/** @type {{ name: string }} */ x) => x.name === 'TaskDuration')?.value ?? NaN;
}

/** @param {import('../lib/clients.mjs').Client} client @param {number} count @param {number} timeoutMs */
async function waitForCount(client, count, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (((await client.sample())?.count ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`the bare page did not receive ${count} messages in ${timeoutMs} ms`);
    await sleep(100);
  }
}
