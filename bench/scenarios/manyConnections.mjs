// Scenario 12: many brokers (issue 17). The app holds 5 connections at once (5 real client
// connections to the bench broker), each subscribed to a fifth of the 10 000-topic flood of
// scenario 1 (20 of the 100 `b` branches each); the reference is one bare page subscribed to all
// of it. Both run in one engine worker / one reference worker. Each round runs bare, app, app,
// bare; the app's rate is the sum of its connections' engine rates. Target: ≥ 0.9 × bare.
import { appConfig, CONNECTION_ID } from '../lib/appConfig.mjs';
import { openAppClient, openBareClient } from '../lib/clients.mjs';
import { cpuMs, cpuPerThousand } from '../lib/processCpu.mjs';
import { median } from '../lib/stats.mjs';
import { measureFlood } from './ingest.mjs';
import { cpuText, meanCpu } from './qos1.mjs';

const ORDER = /** @type {const} */ (['bare', 'app', 'app', 'bare']);
export const CONNECTIONS = 5;
const TOPICS = 10_000;

/**
 * The bench config with `CONNECTIONS` connections to one broker; connection k subscribes to the
 * k-th fifth of the `b` branches (`<prefix>/a0/b<j>/#`), so together they receive the flood once.
 * @param {string} brokerUrl @param {string} prefix
 */
export function manyConnectionsConfig(brokerUrl, prefix) {
  const config = appConfig({ brokerUrl, prefix, topics: TOPICS });
  const base = config.connections[0];
  const per = 100 / CONNECTIONS;
  config.connections = Array.from({ length: CONNECTIONS }, (_, k) => ({
    ...base,
    id: k === 0 ? CONNECTION_ID : `${CONNECTION_ID}-${k + 1}`,
    name: `Bench broker ${k + 1}`,
    subscriptions: Array.from({ length: per }, (_, j) => ({ topic: `${prefix}/a0/b${k * per + j}/#`, qos: 0 })),
  }));
  return config;
}

/** All connections' counts and engine rates, summed. */
const SUM_SAMPLE = `(() => {
  const p = window.__sightglass;
  const all = p ? Object.values(p.stats()) : [];
  if (all.length < ${CONNECTIONS}) return null;
  return { count: all.reduce((a, s) => a + s.totalIn, 0), rate: all.reduce((a, s) => a + s.msgsInPerSec, 0), at: p.statsAt() };
})()`;

/** @param {any} ctx @param {'bare' | 'app'} kind */
async function open(ctx, kind) {
  if (kind === 'bare') return openBareClient(ctx.browser, ctx.referenceUrl, ctx.broker.wsUrl);
  ctx.server.setConfig(manyConnectionsConfig(ctx.broker.wsUrl, ctx.prefix));
  const client = await openAppClient(ctx.browser, ctx.appUrl);
  await client.page.waitFor(`(() => {
    const cs = Object.values(window.__sightglass.connections());
    return cs.length === ${CONNECTIONS} && cs.every((c) => c.state === 'connected' && c.subscriptions.every((s) => s.granted !== undefined))
      && Object.keys(window.__sightglass.stats()).length === ${CONNECTIONS};
  })()`, { timeoutMs: 30_000, what: `all ${CONNECTIONS} connections to subscribe` });
  return { ...client, sample: () => client.page.evaluate(SUM_SAMPLE) };
}

/** @param {any} ctx */
export async function runManyConnections(ctx) {
  const { opts, log } = ctx;
  const rounds = [];
  for (let round = 0; round < opts.runs; round++) {
    /** @type {Record<string, any[]>} */
    const runs = { bare: [], app: [] };
    for (const kind of ORDER) {
      const client = await open(ctx, kind);
      try {
        const cpu0 = cpuMs(ctx.browser.proc?.pid);
        const flood = await measureFlood(ctx, client, { topics: TOPICS, durationMs: opts.floodMs, rate: opts.rate, warmMs: opts.warmMs });
        const r = { ...flood, cpu: cpuPerThousand(cpu0, cpuMs(ctx.browser.proc?.pid), flood.received) };
        runs[kind].push(r);
        log(`  ${CONNECTIONS} connections, round ${round + 1}, ${kind}: ${Math.round(r.rate)} msgs/s, ${cpuText(r.cpu)}; sent ${r.sent} = received ${r.received} `
          + `+ dropped by the broker ${r.brokerDropped ?? 'n/a'} + lost ${r.lost ?? 'n/a'}`);
      } finally {
        await client.close();
      }
    }
    const mean = (/** @type {any[]} */ rs) => rs.reduce((a, r) => a + r.rate, 0) / rs.length;
    const ratio = mean(runs.app) / mean(runs.bare);
    const cpuRatio = meanCpu(runs.app) / meanCpu(runs.bare);
    log(`  ${CONNECTIONS} connections, round ${round + 1}: app/bare ${ratio.toFixed(2)}, CPU per message app/bare ${cpuRatio.toFixed(2)}`);
    rounds.push({ bare: mean(runs.bare), app: mean(runs.app), ratio, cpuRatio, runs });
  }
  return {
    connections: CONNECTIONS,
    topics: TOPICS,
    rounds,
    bare: median(rounds.map((r) => r.bare)),
    app: median(rounds.map((r) => r.app)),
    minRatio: Math.min(...rounds.map((r) => r.ratio)),
    cpuRatio: median(rounds.map((r) => r.cpuRatio)),
    // Dropped by the broker (a client behind its queue of 1 000), apart from lost (unaccounted).
    bareDropped: rounds.flatMap((r) => r.runs.bare.map((/** @type {any} */ x) => x.brokerDropped)),
    appDropped: rounds.flatMap((r) => r.runs.app.map((/** @type {any} */ x) => x.brokerDropped)),
    appLost: rounds.flatMap((r) => r.runs.app.map((/** @type {any} */ x) => x.lost)),
  };
}
