#!/usr/bin/env node
// `npm run bench`: Sightglass against a bare mqtt.js client, in the same run, on the same broker
// and publisher (issue 9). See bench/README.md for what each scenario measures.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../demo/staticServer.mjs';
import { startBroker } from './lib/broker.mjs';
import { startPublisher } from './lib/children.mjs';
import { launchChromium } from './lib/chromium.mjs';
import { parseOptions } from './lib/options.mjs';
import { printReport, smokeFailures } from './lib/report.mjs';
import { runAlarmStorm } from './scenarios/alarmStorm.mjs';
import { runBigBroker } from './scenarios/bigBroker.mjs';
import { runCharts } from './scenarios/charts.mjs';
import { runFleet } from './scenarios/fleet.mjs';
import { runIngest } from './scenarios/ingest.mjs';
import { runManyConnections } from './scenarios/manyConnections.mjs';
import { runQos1 } from './scenarios/qos1.mjs';
import { runPaced } from './scenarios/paced.mjs';
import { runScale } from './scenarios/scale.mjs';
import { runSoak } from './scenarios/soak.mjs';
import { runSparkplug } from './scenarios/sparkplug.mjs';
import { runStartup } from './scenarios/startup.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const opts = parseOptions();
const started = Date.now();
const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
const log = (/** @type {string} */ s) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${s}`);

if (opts.report) {
  console.log(printReport(JSON.parse(await readFile(path.resolve(opts.report), 'utf8'))));
  process.exit(0);
}

const distDir = path.resolve(repoRoot, opts.dist);
if (!existsSync(path.join(distDir, 'index.html'))) {
  console.error(`No built app in ${distDir}: run \`npx vite build\` (or \`npm run bench\`, which builds first), or pass --dist <dir>.`);
  process.exit(2);
}

/** @type {(() => Promise<unknown>)[]} */
const cleanups = [];
const cleanup = async () => {
  for (const fn of cleanups.reverse()) await fn().catch(() => {});
  cleanups.length = 0;
};
for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(sig, () => { void cleanup().then(() => process.exit(130)); });

/** @type {Record<string, any>} */
const results = {
  date: new Date().toISOString(),
  smoke: opts.smoke,
  machine: {
    cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 1073741824),
    os: `${os.type()} ${os.release()}`, node: process.version, loadavgAtStart: os.loadavg(),
  },
  options: { ...opts, scenarios: [...opts.scenarios] },
  scenarios: {},
};

try {
  const broker = await startBroker({ forceAedes: opts.aedes, log });
  cleanups.push(() => broker.stop());
  log(`broker: ${broker.description} at ${broker.wsUrl} (clients) / ${broker.tcpUrl} (publisher)`);
  const publisher = await startPublisher(broker.tcpUrl);
  cleanups.push(() => publisher.stop());
  const browser = await launchChromium({ log: opts.verbose ? (l) => log(`chromium: ${l}`) : undefined });
  cleanups.push(() => browser.close());
  const app = await serveStatic({ root: distDir, config: {} });
  cleanups.push(() => app.close());
  // The bare reference page and mqtt.js's browser build, served from the repository root.
  const ref = await serveStatic({ root: repoRoot, config: undefined });
  cleanups.push(() => ref.close());
  Object.assign(results.machine, { chromium: browser.product, broker: broker.description });
  log(`${browser.product}; app ${app.url} (from ${path.relative(repoRoot, distDir) || '.'}); reference ${ref.url}bench/reference/index.html`);

  const ctx = {
    opts, log, broker, publisher, browser, repoRoot, distDir, stamp, prefix: 'bench',
    server: app, appUrl: app.url, referenceUrl: `${ref.url}bench/reference/index.html`, results,
  };
  const scenarios = /** @type {const} */ ([
    [1, 'ingest', runIngest], [2, 'paced', runPaced], [3, 'scale', runScale],
    [4, 'soak', runSoak], [5, 'startup', runStartup], [6, 'charts', runCharts], [7, 'sparkplug', runSparkplug],
    [8, 'fleet', runFleet],
    [9, 'qos1', runQos1],
    [10, 'bigBroker', runBigBroker],
    [11, 'alarmStorm', runAlarmStorm],
    [12, 'manyConnections', runManyConnections],
  ]);
  for (const [n, name, fn] of scenarios) {
    if (!opts.scenarios.has(n)) continue;
    log(`scenario ${n}: ${name}`);
    try {
      results.scenarios[name] = await fn(ctx);
    } catch (err) {
      log(`scenario ${n} (${name}) failed: ${err instanceof Error ? err.stack : err}`);
      results.scenarios[name] = { error: String(err instanceof Error ? err.message : err) };
    }
  }
} finally {
  await cleanup();
}

results.machine.loadavgAtEnd = os.loadavg();
results.durationS = Math.round((Date.now() - started) / 1000);
console.log(`\n${printReport(results)}`);
const out = opts.out ? path.resolve(opts.out) : path.join(repoRoot, 'bench', 'results', opts.smoke ? 'smoke.json.tmp' : `${stamp.slice(0, 10)}.json`);
await mkdir(path.dirname(out), { recursive: true });
await writeFile(out, `${JSON.stringify(results, null, 2)}\n`);
log(`results written to ${path.relative(process.cwd(), out)} (${results.durationS} s)`);
if (opts.smoke) {
  const failures = smokeFailures(results);
  if (failures.length) {
    console.error(`bench smoke FAILED:\n- ${failures.join('\n- ')}`);
    process.exit(1);
  }
  log('bench smoke passed');
}
process.exit(0);
