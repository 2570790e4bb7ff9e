// Scenario 6: charts. 50 series × 36 000 points (1 h at 10 Hz, payload time `ts`) recorded by the
// engine, then a dashboard of 10 line charts (5 series each, window 1 h) is opened:
//   render — from the route change to the dashboard drawn and the main thread quiet again
//            (no frame longer than 50 ms for 500 ms after every chart shows its latest values)
//   update — 10 Hz live data for all 50 series: frame times, and the CPU the page (ECharts) and
//            the engine worker (ring buffers, downsampling) spend per second, from CPU profiles.
// The 36 000 points arrive as 36 000 messages carrying all 50 fields (v0…v49), so filling takes
// seconds rather than 1.8 million messages; this broker queues without limit, so none is lost.
import { startBroker } from '../lib/broker.mjs';
import { CONNECTION_ID } from '../lib/appConfig.mjs';
import { startPublisher } from '../lib/children.mjs';
import { openAppClient } from '../lib/clients.mjs';
import { START_FRAMES, STOP_FRAMES } from '../lib/pageScripts.mjs';
import { busyMsPerSecond } from '../lib/profile.mjs';
import { median, percentile, sleep } from '../lib/stats.mjs';

const FIELDS = 50;
const CHARTS = 10;
const DASHBOARD = 'bench-charts';
const WINDOW_MS = 3_600_000;

/** @param {string} brokerUrl @param {string} topic */
function chartsConfig(brokerUrl, topic) {
  const per = FIELDS / CHARTS;
  return {
    version: 1,
    connections: [{ id: CONNECTION_ID, name: 'Bench broker', url: brokerUrl, protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }], autoConnect: true }],
    alarms: [],
    dashboards: [{
      id: DASHBOARD, name: 'Bench charts',
      widgets: Array.from({ length: CHARTS }, (_, k) => ({
        id: `c${k + 1}`, type: 'line', title: `Chart ${k + 1}`, window: '1h',
        series: Array.from({ length: per }, (_, j) => ({ connection: CONNECTION_ID, topic, path: `v${k * per + j}`, timePath: 'ts' })),
      })),
    }],
  };
}

/** @param {any} ctx */
export async function runCharts(ctx) {
  const { opts, log } = ctx;
  const broker = await startBroker({ maxQueued: 0, forceAedes: opts.aedes, log });
  const publisher = await startPublisher(broker.tcpUrl);
  try {
    const topic = `${ctx.prefix}/charts/line`;
    ctx.server.setConfig(chartsConfig(broker.wsUrl, topic));
    const runs = [];
    for (let run = 0; run < opts.runs; run++) {
      const r = await chartsRun({ ...ctx, broker, publisher }, topic);
      log(`  charts run ${run + 1}: ${r.points.toLocaleString()} points filled in ${(r.fillMs / 1000).toFixed(1)} s; render ${Math.round(r.renderMs)} ms; `
        + `live frames p50 ${r.frameP50.toFixed(1)} / p95 ${r.frameP95.toFixed(1)} / max ${r.frameMax.toFixed(1)} ms; `
        + `CPU page ${Math.round(r.mainBusyMsPerS)} ms/s, worker ${Math.round(r.workerBusyMsPerS)} ms/s`);
      runs.push(r);
    }
    const m = (/** @type {string} */ k) => median(runs.map((r) => r[k]));
    return {
      series: FIELDS, charts: CHARTS, pointsPerSeries: opts.chartPoints,
      renderMs: m('renderMs'), fillMs: m('fillMs'), frameP50: m('frameP50'), frameP95: m('frameP95'), frameMax: m('frameMax'),
      mainBusyMsPerS: m('mainBusyMsPerS'), workerBusyMsPerS: m('workerBusyMsPerS'), perRedrawMs: m('perRedrawMs'), redrawsPerS: m('redrawsPerS'), runs,
    };
  } finally {
    await publisher.stop();
    await broker.stop();
  }
}

/** @param {any} ctx @param {string} topic */
async function chartsRun(ctx, topic) {
  const { opts } = ctx;
  const client = await openAppClient(ctx.browser, ctx.appUrl, { hash: '#/topics' });
  try {
    // 1. Fill: every series gets `chartPoints` points spanning the last hour.
    const count0 = (await client.sample())?.count ?? 0;
    const t0 = Date.now();
    await ctx.publisher.run({ type: 'series', topic, fields: FIELDS, count: opts.chartPoints, intervalMs: WINDOW_MS / opts.chartPoints });
    await client.page.waitFor(`(() => { const s = window.__sightglass.stats()[${JSON.stringify(CONNECTION_ID)}]; return s && s.totalIn - ${count0} >= ${opts.chartPoints}; })()`,
      { timeoutMs: 10 * 60_000, intervalMs: 500, what: `all ${opts.chartPoints} chart messages to arrive` });
    const fillMs = Date.now() - t0;
    const seriesStats = await client.page.evaluate('window.__sightglass.seriesStats()');

    // 2. Render: open the dashboard (same page: the points stay in the engine).
    await client.page.evaluate(START_FRAMES);
    const navAt = await client.page.evaluate(`(() => { const t = performance.now(); location.hash = '#/dashboards/${DASHBOARD}'; return t; })()`);
    await client.page.waitFor(`(() => {
      const figs = [...document.querySelectorAll('figure')].filter((f) => f.querySelector('canvas'));
      return figs.length >= ${CHARTS} && figs.every((f) => /\\d/.test(f.querySelector('[aria-label="Latest values"]')?.textContent ?? ''));
    })()`, { timeoutMs: 60_000, what: `${CHARTS} charts with values` });
    const renderMs = await client.page.evaluate(`new Promise((resolve) => {
      const rec = window.__benchFrames;
      let lastLong = performance.now();
      const check = (t) => {
        const iv = rec.intervals;
        if (iv.length && iv[iv.length - 1] > 50) lastLong = t;
        if (t - lastLong >= 500) return resolve(lastLong - ${navAt});
        requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    })`);
    await client.page.evaluate(STOP_FRAMES);

    // 3. Update: 10 Hz live data for every series, CPU profiles of page and worker at once.
    const liveMs = opts.smoke ? 2000 : 21_500;
    const live = ctx.publisher.run({ type: 'series', topic, fields: FIELDS, rate: 10, durationMs: liveMs });
    await sleep(1000);
    // Frames first, then CPU profiles: stopping a profile serializes it on the page's main thread
    // (a 230–350 ms frame that is the profiler's, not the app's).
    const framesMs = (liveMs - 1500) / 2;
    await client.page.evaluate(START_FRAMES);
    await sleep(framesMs);
    const frames = /** @type {number[]} */ (await client.page.evaluate(STOP_FRAMES));
    const deltas0 = await client.page.evaluate('window.__sightglass.deltas()');
    const redraws0 = await client.page.evaluate('window.__sightglass.chartFrames()');
    const profMs = liveMs - 1500 - framesMs;
    const [mainProf, workerProf] = await Promise.all([client.page.session.cpuProfile(profMs), client.engine.cpuProfile(profMs)]);
    const deltas = (await client.page.evaluate('window.__sightglass.deltas()')) - deltas0;
    const redraws = (await client.page.evaluate('window.__sightglass.chartFrames()')) - redraws0;
    await live;
    const mainBusyMsPerS = busyMsPerSecond(mainProf);
    return {
      points: seriesStats?.points ?? NaN, seriesStats, fillMs, renderMs,
      frameP50: percentile(frames, 50), frameP95: percentile(frames, 95), frameMax: Math.max(...frames),
      mainBusyMsPerS, workerBusyMsPerS: busyMsPerSecond(workerProf), deltasPerS: (deltas * 1000) / profMs,
      // A 1 h chart on ~600 px moves a pixel every 6 s, so the engine redraws it about once a
      // second, not 4 times: count the redraws. The page's other work (values, frames) counts too.
      redrawsPerS: (redraws * 1000) / profMs,
      perRedrawMs: redraws ? (mainBusyMsPerS * profMs) / 1000 / redraws : NaN,
    };
  } finally {
    await client.close();
  }
}
