#!/usr/bin/env node
// What grows in the JS heap under a steady load (the soak's question, answered by object kind):
// 1 000 topics at 2 000 msgs/s with the tree on screen, heap snapshots of page and engine worker
// after 30 s and again after <gap> s, then the kinds whose count or size grew most.
//   node bench/heap-diff.mjs [dist] [gapSeconds] [warmSeconds] [alarmRules]   (a built app, e.g. dist)
import { startBroker } from './lib/broker.mjs';
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

/** @param {import('./lib/cdp.mjs').Session} session @returns {Promise<Map<string, number[]>>} */
async function snapshot(session) {
  /** @type {string[]} */
  const chunks = [];
  const off = session.cdp.on('HeapProfiler.addHeapSnapshotChunk', (p, sid) => { if (sid === session.id) chunks.push(p.chunk); });
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  off();
  const snap = JSON.parse(chunks.join(''));
  const f = snap.snapshot.meta.node_fields; const types = snap.snapshot.meta.node_types[0];
  const nf = f.length; const iType = f.indexOf('type'), iName = f.indexOf('name'), iSize = f.indexOf('self_size');
  const agg = new Map();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const t = types[snap.nodes[i + iType]];
    const name = t === 'object' || t === 'closure' ? `${t}:${snap.strings[snap.nodes[i + iName]]}` : t;
    const a = agg.get(name) ?? [0, 0]; a[0]++; a[1] += snap.nodes[i + iSize]; agg.set(name, a);
  }
  return agg;
}
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
