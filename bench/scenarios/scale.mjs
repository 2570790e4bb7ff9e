// Scenario 3: scale. N distinct topics (default 1 000 000), each published once, as fast as the
// app can take them: how long until the app's tree holds them all, how fast "Filter topics"
// answers, and the JS heap of page and engine worker. This broker queues without limit
// (max_queued_messages 0), like a broker handing out its retained messages: every topic must
// arrive. The publisher stays at most WINDOW messages ahead of what the app has counted: with a
// longer backlog in the broker, the PINGRESP queued behind it comes too late, mqtt.js drops the
// connection ("Keepalive timeout": it does not count incoming PUBLISH packets as signs of life)
// and the clean session loses the rest — a real limit, reported in `reconnects`.
import { startBroker } from '../lib/broker.mjs';
import { appConfig, CONNECTION_ID } from '../lib/appConfig.mjs';
import { startPublisher } from '../lib/children.mjs';
import { openAppClient } from '../lib/clients.mjs';
import { ARM_FILTER } from '../lib/pageScripts.mjs';
import { profileSummary, saveProfile } from '../lib/profile.mjs';
import { median, sleep } from '../lib/stats.mjs';

const WINDOW = 20_000;

/** Filters typed into "Filter topics": text, an MQTT filter, nothing found, and clearing it. @param {string} prefix */
const FILTERS = (prefix) => ['c42', 'a7/b3', `${prefix}/a5/+/c7`, 'no-such-topic', ''];

/** @param {any} ctx */
export async function runScale(ctx) {
  const { opts, log } = ctx;
  const broker = await startBroker({ maxQueued: 0, forceAedes: opts.aedes, log });
  const publisher = await startPublisher(broker.tcpUrl);
  try {
    const runs = [];
    for (let run = 0; run < opts.runs; run++) {
      runs.push(await scaleRun({ ...ctx, broker, publisher }, run));
    }
    const m = (/** @type {string} */ k) => median(runs.map((r) => r[k]));
    return {
      topics: opts.scaleTopics, broker: broker.description,
      allShownMs: m('allShownMs'), publishMs: m('publishMs'), filterMs: m('filterMs'), filterMaxMs: m('filterMaxMs'),
      heapMain: m('heapMain'), heapWorker: m('heapWorker'), heapTotal: m('heapTotal'), profile: runs.at(-1)?.profile, runs,
    };
  } finally {
    await publisher.stop();
    await broker.stop();
  }
}

/** @param {any} ctx @param {number} run */
async function scaleRun(ctx, run) {
  const { opts, log } = ctx;
  const n = opts.scaleTopics;
  ctx.server.setConfig(appConfig({ brokerUrl: ctx.broker.wsUrl, prefix: ctx.prefix, topics: n }));
  const client = await openAppClient(ctx.browser, ctx.appUrl);
  try {
    const t0 = Date.now();
    const job = ctx.publisher.run({ type: 'once', prefix: ctx.prefix, count: n, credit: true });
    ctx.publisher.allow(WINDOW);
    /** @type {{ sent: number, ms: number } | null} */
    let published = null;
    void job.then((r) => { published = r; });
    let topics = 0;
    let lastLog = Date.now();
    let lastChange = Date.now();
    let disconnects = 0;
    let wasConnected = true;
    while (topics < n) {
      await sleep(250);
      const s = await client.sample();
      if (s) ctx.publisher.allow(s.count + WINDOW);
      const state = await client.page.evaluate(`window.__sightglass.connections()[${JSON.stringify(CONNECTION_ID)}]?.state`);
      if (state !== 'connected' && wasConnected) disconnects++;
      wasConnected = state === 'connected';
      if (s && s.topics !== topics) {
        topics = s.topics ?? 0;
        lastChange = Date.now();
      }
      if (Date.now() - lastLog > 10_000) {
        log(`    scale run ${run + 1}: ${topics.toLocaleString()} of ${n.toLocaleString()} topics after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
        lastLog = Date.now();
      }
      // A connection lost mid-flood loses the messages in flight, so the publisher (held to what the
      // app counted + WINDOW) waits for ever: a minute without a new topic ends the run as stalled.
      if (Date.now() - t0 > opts.scaleTimeoutMs || Date.now() - lastChange > (published ? 20_000 : 60_000)) break;
    }
    const allShownMs = topics >= n ? Date.now() - t0 : NaN;
    if (!published) ctx.publisher.stopJob();
    const pub = await job;
    await sleep(1500);
    const heap = (await client.extra()).heap;
    const filters = [];
    for (const text of FILTERS(ctx.prefix)) filters.push({ text, ...(await typeFilter(client.page, text)) });
    let profile;
    if (opts.profile && run === opts.runs - 1 && Math.max(...filters.map((f) => f.ms)) > 200) {
      // Filtering happens in the engine worker: profile it while the filters are typed again.
      await client.engine.send('Profiler.enable');
      await client.engine.send('Profiler.setSamplingInterval', { interval: 200 });
      await client.engine.send('Profiler.start');
      for (const text of FILTERS(ctx.prefix)) await typeFilter(client.page, text);
      const { profile: p } = await client.engine.send('Profiler.stop');
      profile = { file: await saveProfile(ctx, 'scale-filter-worker', p), top: profileSummary(p, 15) };
    }
    const health = await client.page.evaluate('window.__sightglass.health()');
    const conn = (await client.page.evaluate('window.__sightglass.connections()'))[CONNECTION_ID];
    const stats = (await client.page.evaluate('window.__sightglass.stats()'))[CONNECTION_ID];
    const filterTimes = filters.map((f) => f.ms);
    const r = {
      allShownMs, publishMs: pub.ms, sent: pub.sent, topicsShown: topics, received: stats?.totalIn,
      heapMain: heap.main.used, heapWorker: heap.worker.used, heapTotal: heap.main.used + heap.worker.used,
      filterMs: median(filterTimes), filterMaxMs: Math.max(...filterTimes.filter(Number.isFinite)), filters,
      droppedTopics: health?.droppedTopics, droppedHistory: health?.droppedHistory, profile,
      connection: conn?.state, disconnects, stalled: topics < n,
    };
    log(`  scale run ${run + 1}: ${topics.toLocaleString()} topics shown after ${(allShownMs / 1000).toFixed(1)} s (published in ${(pub.ms / 1000).toFixed(1)} s), `
      + `heap ${(r.heapMain / 1048576).toFixed(0)} + ${(r.heapWorker / 1048576).toFixed(0)} MB, `
      + `filter ${filters.map((f) => `"${f.text}" ${Math.round(f.ms)} ms → ${f.total} rows`).join(', ')}`);
    return r;
  } finally {
    await client.close();
  }
}

/**
 * Types `text` into "Filter topics" (replacing what is there) with real input events and times
 * input → first frame with the engine's new row list.
 * @param {import('../lib/chromium.mjs').Page} page @param {string} text
 */
async function typeFilter(page, text) {
  await page.evaluate(ARM_FILTER);
  if (text) await page.session.send('Input.insertText', { text });
  else {
    await page.session.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Delete', code: 'Delete', windowsVirtualKeyCode: 46 });
    await page.session.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Delete', code: 'Delete', windowsVirtualKeyCode: 46 });
  }
  const r = await page.evaluate('window.__benchFilter');
  await sleep(300);
  return r;
}
