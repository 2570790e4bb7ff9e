#!/usr/bin/env node
// Issue 17 "Memory": what the engine worker holds per topic in Chromium, by object kind. N bench
// topics (default 100 000), each published once (as scenario 3), heap snapshots of the worker
// before and after (each after a forced GC), then the kinds that grew, in bytes per topic.
//   node bench/topic-memory-chromium.mjs [dist] [topics]   (a built app, e.g. dist)
import { startBroker } from './lib/broker.mjs';
import { heapByKind } from './lib/heapByKind.mjs';
import { startPublisher } from './lib/children.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { openAppClient } from './lib/clients.mjs';
import { appConfig } from './lib/appConfig.mjs';
import { sleep } from './lib/stats.mjs';
import { serveStatic } from '../demo/staticServer.mjs';

const [dist = 'dist', topicsArg = '100000'] = process.argv.slice(2);
const n = Number(topicsArg);
const broker = await startBroker({ maxQueued: 0 });
const publisher = await startPublisher(broker.tcpUrl);
const browser = await launchChromium({});
const app = await serveStatic({ root: dist, config: {} });
app.setConfig(appConfig({ brokerUrl: broker.wsUrl, prefix: 'bench', topics: n }));

/** Strings by their text with digits blanked: payloads, topic names and level names apart. @param {string} t @param {string} name */
const kindOf = (t, name) => {
  const label = t === 'object' || t === 'closure' || t === 'array' || t === 'native' || t === 'string' || t === 'number';
  return label ? `${t}:${name.replace(/[0-9]+/g, 'N').slice(0, 60)}` : t;
};
const snapshot = (/** @type {import('./lib/cdp.mjs').Session} */ session) => heapByKind(session, kindOf);

try {
  const client = await openAppClient(browser, app.url, { hash: '#/topics' });
  const w0 = await snapshot(client.engine);
  const heap0 = (await client.engine.heapAfterGc()).used;
  const job = publisher.run({ type: 'once', prefix: 'bench', count: n, credit: true });
  publisher.allow(20_000);
  // Stops waiting when the count stalls for 30 s (a dropped connection loses the rest: see scale.mjs).
  let topics = 0;
  for (let lastChange = Date.now(); topics < n && Date.now() - lastChange < 30_000; ) {
    await sleep(250);
    const s = await client.sample();
    if (s) publisher.allow(s.count + 20_000);
    if ((s?.topics ?? 0) !== topics) lastChange = Date.now();
    topics = s?.topics ?? 0;
  }
  if (topics < n) console.log(`stalled at ${topics.toLocaleString('en')} topics; state ${await client.page.evaluate('JSON.stringify(Object.values(window.__sightglass.connections()).map((c) => c.state))')}`);
  else await job;
  const heap1 = (await client.engine.heapAfterGc()).used;
  console.log(`worker heap used (what scenario 3 reports) ${(heap0 / 1048576).toFixed(1)} → ${(heap1 / 1048576).toFixed(1)} MB for ${topics.toLocaleString('en')} topics: ${((heap1 - heap0) / topics).toFixed(0)} B/topic`);
  const w1 = await snapshot(client.engine);
  /** @type {[string, number, number][]} */
  const rows = [];
  for (const [k, [c, s]] of w1) { const [c0, s0] = w0.get(k) ?? [0, 0]; if (s - s0 > 0) rows.push([k, c - c0, s - s0]); }
  rows.sort((x, y) => y[2] - x[2]);
  for (const r of rows.slice(0, 16)) console.log(`${String(r[1]).padStart(8)} objs ${(r[2] / topics).toFixed(1).padStart(7)} B/topic  ${r[0].slice(0, 90)}`);
  await client.close();
} finally {
  await app.close(); await browser.close(); await publisher.stop(); await broker.stop();
}
process.exit(0);
