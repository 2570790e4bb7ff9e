#!/usr/bin/env node
// What grows in the JS heap under a steady load (the soak's question, answered by object kind):
// 1 000 topics at 2 000 msgs/s with the tree on screen, heap snapshots of page and engine worker
// after 30 s and again after <gap> s, then the kinds whose count or size grew most.
//   node bench/heap-diff.mjs [dist] [gapSeconds] [warmSeconds] [alarmRules]   (a built app, e.g. dist)
import { startBroker } from './lib/broker.mjs';
import { heapByKind } from './lib/heapByKind.mjs';
import { startPublisher } from './lib/children.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { openAppClient } from './lib/clients.mjs';
import { appConfig } from './lib/appConfig.mjs';
import { sleep } from './lib/stats.mjs';
import { serveStatic } from '../demo/staticServer.mjs';

const [dist = 'dist', gapS = '120', warmS = '30', alarms = '1000'] = process.argv.slice(2);
const broker = await startBroker({});
const publisher = await startPublisher(broker.tcpUrl);
const browser = await launchChromium({});
const app = await serveStatic({ root: dist, config: {} });
app.setConfig(appConfig({ brokerUrl: broker.wsUrl, prefix: 'bench', topics: 1000, capacity: 20, alarms: Number(alarms) }));

const snapshot = (/** @type {import('./lib/cdp.mjs').Session} */ session) => heapByKind(session);
/** @param {Map<string, number[]>} a @param {Map<string, number[]>} b @param {string} label */
function diff(a, b, label) {
  /** @type {[string, number, number][]} */
  const rows = [];
  for (const [k, [c, s]] of b) { const [c0, s0] = a.get(k) ?? [0, 0]; if (c - c0 || s - s0) rows.push([k, c - c0, s - s0]); }
  rows.sort((x, y) => y[2] - x[2]);
  console.log(`-- ${label}: top growth`);
  for (const r of rows.slice(0, 15)) console.log(`${String(r[1]).padStart(7)} objs ${String(r[2]).padStart(9)} B  ${r[0].slice(0, 100)}`);
}
try {
  const client = await openAppClient(browser, app.url, { hash: '#/topics' });
  const job = publisher.run({ type: 'flood', prefix: 'bench', topics: 1000, rate: 2000, durationMs: (Number(warmS) + Number(gapS) + 60) * 1000 });
  await sleep(Number(warmS) * 1000);
  const m0 = await snapshot(client.page.session);
  const w0 = await snapshot(client.engine);
  await sleep(Number(gapS) * 1000);
  const m1 = await snapshot(client.page.session);
  const w1 = await snapshot(client.engine);
  diff(m0, m1, 'main'); diff(w0, w1, 'worker');
  await job;
  await client.close();
} finally {
  await app.close(); await browser.close(); await publisher.stop(); await broker.stop();
}
process.exit(0);
