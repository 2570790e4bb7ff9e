#!/usr/bin/env node
// Charts under load (issue 4), two measurements of the built app in headless Chromium:
//
//   frames — 20 line widgets × 5 series (100 topics) while every series gets 10 messages/s
//            (1 000 msgs/s): requestAnimationFrame intervals on the dashboard for --seconds,
//            p50 / p95 / max. Every chart is on screen, so every chart is live.
//   heap   — an hour's worth of points: 36 000 messages, each carrying 100 numeric fields with a
//            payload time `ts` spread over the last hour (the series use timePath "ts"), so the
//            engine's ring buffers end up holding 100 × 36 000 points. Then the JS heap of the
//            engine worker and of the page, after a forced GC, via the DevTools protocol
//            (Runtime.getHeapUsage: V8 heap + ArrayBuffer backing stores, where the rings live).
//
// Usage: node bench/charts-frames.mjs [--dist dist] [--seconds 10] [--only frames|heap] [--points 36000]
// Needs a build (npx vite build --outDir <dir>) and mosquitto (else the demo's aedes broker).
// Chromium is driven over the bare DevTools protocol, not Playwright: Playwright enables the
// Network domain, which copies every WebSocket frame out of the page (the 61 MB fill crawled at
// ~300 msgs/s that way) and would bill that copying to the frames measured here.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import WebSocket from 'ws';
import { serveStatic } from '../demo/staticServer.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    seconds: { type: 'string', default: '10' },
    only: { type: 'string' },
    points: { type: 'string', default: '36000' },
  },
});
const DIST = path.resolve(root, args.dist);
const SECONDS = Number(args.seconds);
const POINTS = Number(args.points);
const CHARTS = 20;
const PER_CHART = 5;
const SERIES = CHARTS * PER_CHART;
const RATE_HZ = 10;
const VIEWPORT = { width: 1920, height: 1200 };
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const MOSQUITTO = process.env.MOSQUITTO_PATH ?? ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto'].find((p) => existsSync(p));

if (!existsSync(path.join(DIST, 'index.html'))) {
  console.error(`No build in ${DIST}: run \`npx vite build --outDir ${args.dist}\` first (or pass --dist).`);
  process.exit(2);
}

const log = (s) => console.log(`[charts-bench] ${s}`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
};
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;

// ---------------------------------------------------------------------------------------------
// Broker: mosquitto on free ports (unbounded queues: the fill must not be dropped), else aedes.

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startBroker() {
  if (!MOSQUITTO) {
    const { startBroker: startAedes } = await import('../demo/broker.mjs');
    const b = await startAedes({ wsPort: 0, tcpPort: await freePort() });
    return { name: 'aedes (demo broker)', wsUrl: b.wsUrl, tcpUrl: `mqtt://127.0.0.1:${b.tcpPort}`, stop: () => b.close() };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sightglass-charts-bench-'));
  const [tcp, ws] = [await freePort(), await freePort()];
  const conf = path.join(dir, 'mosquitto.conf');
  await writeFile(conf, [
    ...(process.getuid?.() === 0 ? ['user root'] : []),
    'per_listener_settings false', 'allow_anonymous true', 'max_queued_messages 0', 'persistence false',
    'log_dest stderr', 'log_type error', 'log_type warning', 'log_type notice',
    `listener ${tcp} 127.0.0.1`, `listener ${ws} 127.0.0.1`, 'protocol websockets', '',
  ].join('\n'));
  const proc = spawn(MOSQUITTO, ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let brokerLog = '';
  proc.stderr.on('data', (c) => { brokerLog = (brokerLog + c).slice(-20_000); });
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((r) => {
      const s = net.connect(tcp, '127.0.0.1', () => { s.destroy(); r(true); });
      s.on('error', () => r(false));
    });
    if (ok) break;
    await sleep(50);
  }
  return {
    name: `mosquitto (${MOSQUITTO})`,
    log: () => brokerLog,
    wsUrl: `ws://127.0.0.1:${ws}`,
    tcpUrl: `mqtt://127.0.0.1:${tcp}`,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Site configs

const connection = (wsUrl) => ({ id: 'bench', name: 'Bench broker', url: wsUrl, protocolVersion: 5, subscriptions: [{ topic: '#', qos: 0 }], autoConnect: true });

/** 20 line charts in a 4 × 5 grid that fits the viewport, 5 series each. */
function chartGrid(seriesOf, window) {
  return Array.from({ length: CHARTS }, (_, k) => ({
    id: `c${k + 1}`, type: 'line', title: `Chart ${k + 1}`, window,
    layout: { x: (k % 4) * 3, y: Math.floor(k / 4) * 5, w: 3, h: 5 },
    series: Array.from({ length: PER_CHART }, (_, j) => seriesOf(k * PER_CHART + j)),
  }));
}

const framesConfig = (wsUrl) => ({
  version: 1, connections: [connection(wsUrl)], alarms: [],
  dashboards: [{ id: 'frames', name: 'Frames', widgets: chartGrid((i) => ({ connection: 'bench', topic: `bench/s${i}`, path: 'v' }), '1m') }],
});

const heapConfig = (wsUrl) => ({
  version: 1, connections: [connection(wsUrl)], alarms: [],
  dashboards: [{
    id: 'heap', name: 'Heap',
    widgets: [
      ...chartGrid((i) => ({ connection: 'bench', topic: 'bench/fill', path: `v${i}`, timePath: 'ts' }), '1h'),
      { id: 'progress', type: 'stat', title: 'Fill progress', decimals: 0, layout: { x: 0, y: 25, w: 3, h: 3 }, series: [{ connection: 'bench', topic: 'bench/fill', path: 'seq' }] },
    ],
  }],
});

// ---------------------------------------------------------------------------------------------
// Chromium over the DevTools protocol: one WebSocket, flattened sessions for the page and its
// dedicated worker (the engine). Only Runtime, HeapProfiler and Target are used.

async function launchChromium() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sightglass-charts-chromium-'));
  const proc = spawn(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--remote-debugging-port=0', `--user-data-dir=${dir}`,
    '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
    '--no-first-run', '--disable-extensions', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`, 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not start:\n${buf.slice(-1000)}`)), 20_000);
    proc.once('error', reject);
    proc.stderr.on('data', (c) => {
      buf += c;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
  proc.stderr.resume();
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1 << 30 });
  await new Promise((r, j) => { ws.once('open', r); ws.once('error', j); });
  let nextId = 1;
  const pending = new Map();
  const listeners = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(`${p.method}: ${msg.error.message}`));
      else p?.resolve(msg.result);
    } else for (const fn of listeners) fn(msg);
  });
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject, method });
    ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
  });
  const session = (sessionId) => ({
    send: (method, params) => send(method, params, sessionId),
    async evaluate(expression) {
      const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, sessionId);
      if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.exception?.description ?? r.exceptionDetails.text}`);
      return r.result.value;
    },
    /** JS heap after a forced GC: V8 heap and ArrayBuffer backing stores (typed arrays live there). */
    async heap() {
      await send('HeapProfiler.collectGarbage', {}, sessionId);
      const h = await send('Runtime.getHeapUsage', {}, sessionId);
      return { used: h.usedSize, arrayBuffers: h.backingStorageSize ?? 0 };
    },
  });
  return {
    version: (await send('Browser.getVersion')).product,
    /** A page in a fresh context (own IndexedDB), with a session for its worker once it starts. */
    async open(pageUrl) {
      const { browserContextId } = await send('Target.createBrowserContext', { disposeOnDetach: true });
      const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId, ...VIEWPORT });
      const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
      const page = { ...session(sessionId), worker: null, close: () => send('Target.disposeBrowserContext', { browserContextId }).catch(() => {}) };
      listeners.push((m) => {
        if (m.method === 'Target.attachedToTarget' && m.sessionId === sessionId && m.params.targetInfo.type === 'worker') page.worker = session(m.params.sessionId);
      });
      await send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true }, sessionId);
      await send('Page.navigate', { url: pageUrl }, sessionId);
      return page;
    },
    async close() {
      await Promise.race([send('Browser.close').catch(() => {}), sleep(3000)]);
      ws.close();
      if (proc.exitCode === null) proc.kill('SIGKILL');
      await rm(dir, { recursive: true, force: true }).catch(() => {});
    },
  };
}

/** Polls `expression` in the page until it is truthy. */
async function waitFor(page, expression, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await page.evaluate(expression).catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(200);
  }
}

async function openApp(browser, url) {
  const page = await browser.open(url);
  await waitFor(page, `/\\bConnected\\b/.test(document.querySelector('[role=status][aria-label="Connection status"]')?.textContent ?? '')`, 'the app to connect', 20_000);
  await waitFor(page, 'true', 'the page');
  for (let i = 0; i < 100 && !page.worker; i++) await sleep(50);
  return page;
}

/** Waits until every figure of the dashboard shows a number (so every chart has data). */
function waitForNumbers(page, count) {
  return waitFor(page, `(() => {
    const figs = [...document.querySelectorAll('figure')];
    return figs.length >= ${count} && figs.every((f) => /\\d/.test(f.querySelector('[aria-label="Latest values"]')?.textContent ?? f.textContent ?? ''));
  })()`, 'every chart to show a value');
}

const figureText = (title) => `(document.querySelector('figure[aria-label=${JSON.stringify(JSON.stringify(title)).slice(1, -1)}]')?.textContent ?? '')`;

// ---------------------------------------------------------------------------------------------

async function measureFrames(browser, broker, server) {
  server.setConfig(framesConfig(broker.wsUrl));
  const pub = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, clientId: 'charts-bench-live' });
  const page = await openApp(browser, `${server.url}#/topics`);
  let tick = 0;
  const timer = setInterval(() => {
    tick++;
    const ts = Date.now();
    for (let i = 0; i < SERIES; i++) pub.publish(`bench/s${i}`, `{"v":${(Math.sin(tick / 10 + i) * 10 + i).toFixed(3)},"ts":${ts}}`);
  }, 1000 / RATE_HZ);
  try {
    await page.evaluate(`window.location.hash = '#/dashboards/frames'`);
    await waitForNumbers(page, CHARTS);
    await sleep(3000); // warm-up: lazy chunks, first frames, JIT
    // Main-thread CPU time (thread ticks, so a busy machine does not inflate it), over the same 10 s.
    await page.send('Performance.enable', { timeDomain: 'threadTicks' });
    const metrics = async () => Object.fromEntries((await page.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const m0 = await metrics();
    const intervals = await page.evaluate(`new Promise((resolve) => {
      const out = [];
      let last = 0;
      let on = true;
      const loop = (t) => {
        if (!on) return;
        if (last) out.push(t - last);
        last = t;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
      setTimeout(() => { on = false; resolve(out); }, ${SECONDS * 1000});
    })`);
    const m1 = await metrics();
    const perS = (k) => ((m1[k] - m0[k]) * 1000) / SECONDS;
    const cpu = { taskMsPerS: perS('TaskDuration'), scriptMsPerS: perS('ScriptDuration'), layoutMsPerS: perS('LayoutDuration') + perS('RecalcStyleDuration') };
    const worker = await page.worker.heap();
    const main = await page.heap();
    const canvases = await page.evaluate(`document.querySelectorAll('figure canvas').length`);
    return {
      frames: intervals.length, seconds: SECONDS, fps: intervals.length / SECONDS,
      p50: pct(intervals, 50), p95: pct(intervals, 95), p99: pct(intervals, 99), max: Math.max(...intervals),
      longFrames: intervals.filter((x) => x > 50).length, charts: CHARTS, series: SERIES, msgsPerSec: SERIES * RATE_HZ, canvases,
      heap: { worker, main }, cpu, loadavg: os.loadavg(),
    };
  } finally {
    clearInterval(timer);
    await pub.endAsync();
    await page.close();
  }
}

async function measureHeap(browser, broker, server) {
  server.setConfig(heapConfig(broker.wsUrl));
  const page = await openApp(browser, `${server.url}#/topics`);
  const pub = await mqtt.connectAsync(broker.tcpUrl, { protocolVersion: 5, clientId: 'charts-bench-fill' });
  try {
    await page.evaluate(`window.location.hash = '#/dashboards/heap'`);
    await waitFor(page, `!!document.querySelector('figure[aria-label="Fill progress"]')`, 'the dashboard');
    await sleep(1000);
    const before = { worker: await page.worker.heap(), main: await page.heap() };

    // 36 000 messages × 100 fields, `ts` from an hour ago to now: 100 series × 36 000 points.
    // Paced: at most AHEAD messages beyond what the app has shown. An unpaced flood piles up
    // tens of MB in the broker's queue for the app; its PINGRESP then waits behind that queue,
    // mqtt.js declares the link dead after 1.5 keepalives and the queued QoS 0 messages are lost.
    const AHEAD = 3000;
    const t0 = Date.now();
    const start = t0 - 3_600_000;
    const step = 3_600_000 / POINTS;
    const fields = Array.from({ length: SERIES }, (_, i) => i);
    const shown = async () => Number((await page.evaluate(figureText('Fill progress')).catch(() => '')).replace(/\D+/g, '') || -1);
    let lastReport = Date.now();
    for (let n = 0; n < POINTS; n++) {
      const ts = Math.round(start + n * step);
      const body = `{"seq":${n},"ts":${ts},${fields.map((i) => `"v${i}":${(Math.sin(n / 300 + i) * 50 + i).toFixed(2)}`).join(',')}}`;
      pub.publish('bench/fill', body);
      if (n % 500 === 499) {
        await new Promise((r) => setImmediate(r));
        for (let seen = await shown(); n - seen > AHEAD; seen = await shown()) {
          if (Date.now() - lastReport > 10_000) {
            log(`  fill: ${n + 1} sent, ${seen + 1} shown`);
            lastReport = Date.now();
          }
          await sleep(100);
        }
      }
    }
    await waitFor(page, `${figureText('Fill progress')}.includes(${JSON.stringify(String(POINTS - 1))})`, 'the last fill message', 5 * 60_000);
    const fillMs = Date.now() - t0;
    await sleep(1500); // last frames drawn
    const after = { worker: await page.worker.heap(), main: await page.heap() };
    return { series: SERIES, pointsPerSeries: POINTS, fillMs, before, after };
  } finally {
    await pub.endAsync();
    await page.close();
  }
}

const broker = await startBroker();
const server = await serveStatic({ root: DIST, basePath: '/', host: '127.0.0.1', port: 0 });
const browser = await launchChromium();
log(`broker: ${broker.name}; app: ${DIST}; ${browser.version}; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
const results = { date: new Date().toISOString(), cpus: os.cpus().length };
try {
  if (args.only !== 'heap') {
    const f = await measureFrames(browser, broker, server);
    results.frames = f;
    log(`frames: ${f.charts} line charts × ${PER_CHART} series, ${f.msgsPerSec} msgs/s, ${f.seconds} s: ${f.frames} frames (${f.fps.toFixed(1)} fps)`);
    log(`  frame interval p50 ${f.p50.toFixed(1)} ms, p95 ${f.p95.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms; ${f.longFrames} frames > 50 ms`);
    log(`  main thread CPU: ${f.cpu.taskMsPerS.toFixed(0)} ms/s in tasks (script ${f.cpu.scriptMsPerS.toFixed(0)}, style+layout ${f.cpu.layoutMsPerS.toFixed(0)})`);
    log(`  heap: worker ${mb(f.heap.worker.used)} + ${mb(f.heap.worker.arrayBuffers)} array buffers; page ${mb(f.heap.main.used)} + ${mb(f.heap.main.arrayBuffers)}`);
  }
  if (args.only !== 'frames') {
    const h = await measureHeap(browser, broker, server);
    results.heap = h;
    const pts = h.series * h.pointsPerSeries;
    const grew = h.after.worker.used + h.after.worker.arrayBuffers - h.before.worker.used - h.before.worker.arrayBuffers;
    log(`heap: ${h.series} series × ${h.pointsPerSeries.toLocaleString('en')} points (${pts.toLocaleString('en')}) filled in ${(h.fillMs / 1000).toFixed(1)} s`);
    log(`  engine worker after GC: ${mb(h.after.worker.used)} JS heap + ${mb(h.after.worker.arrayBuffers)} array buffers (before: ${mb(h.before.worker.used)} + ${mb(h.before.worker.arrayBuffers)}); grew ${mb(grew)} = ${(grew / pts).toFixed(1)} bytes/point`);
    log(`  page (UI, 20 charts open) after GC: ${mb(h.after.main.used)} JS heap + ${mb(h.after.main.arrayBuffers)} array buffers`);
  }
  console.log(JSON.stringify(results));
} catch (e) {
  const tail = broker.log?.().split('\n').filter((l) => !/New (client|connection)|Client .* disconnected/.test(l)).slice(-20).join('\n');
  if (tail) log(`broker log (tail):\n${tail}`);
  throw e;
} finally {
  await browser.close();
  await server.close();
  await broker.stop();
}
