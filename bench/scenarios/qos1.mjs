// Scenario 9: QoS 1 ingest (issue 17). Real plants subscribe at QoS 1, and Mosquitto keeps only
// 20 messages in flight per client (max_inflight_messages), so how soon the subscriber writes its
// PUBACKs bounds what it receives. A burst of QoS 1 messages (published at QoS 1, as fast as the
// broker acks them, into a broker that queues without limit) against the bare page and the app,
// both subscribed to `#` at QoS 1, on repeated topics (10 000) and on new 6-level topics (every
// message a new topic). Each round runs bare, app, app, bare so the machine's drift cancels; the
// round's ratio is the apps' mean over the bare pages' mean.
import { startBroker } from '../lib/broker.mjs';
import { appConfig } from '../lib/appConfig.mjs';
import { startPublisher } from '../lib/children.mjs';
import { openAppClient, openBareClient } from '../lib/clients.mjs';
import { cpuMs, cpuPerThousand } from '../lib/processCpu.mjs';
import { profileSummary, saveProfile } from '../lib/profile.mjs';
import { median, sleep } from '../lib/stats.mjs';
import { busyRate } from './ingest.mjs';

const ORDER = /** @type {const} */ (['bare', 'app', 'app', 'bare']);
const MODES = /** @type {const} */ (['repeated', 'new']);
const REPEATED_TOPICS = 10_000;

/**
 * One burst against one open client: received, and the receive rate while busy (from 5 % of the
 * burst, skipping the start, to the last message; for the app the engine's own per-second rates).
 * @param {any} ctx @param {import('../lib/clients.mjs').Client} client @param {Record<string, any>} job @param {number} count
 */
export async function measureBurst(ctx, client, job, count) {
  const count0 = (await client.sample())?.count ?? 0;
  const cpu0 = cpuMs(ctx.browser?.proc?.pid);
  /** @type {import('../lib/clients.mjs').Sample[]} */
  const samples = [];
  const published = ctx.qosPublisher.run(job);
  let last = { count: count0, at: Date.now() };
  let changedAt = Date.now();
  // Ends when all arrived, or nothing moved for the stall time (a loss: counted, not hidden).
  const stallMs = Math.max(10_000, ctx.opts.drainTimeoutMs / 4);
  while (last.count - count0 < count && Date.now() - changedAt < stallMs) {
    await sleep(client.name === 'app' ? 250 : 100);
    const s = await client.sample();
    if (!s) continue;
    samples.push(s);
    if (s.count !== last.count) changedAt = Date.now();
    last = s;
  }
  const cpu = cpuPerThousand(cpu0, cpuMs(ctx.browser?.proc?.pid), last.count - count0);
  const { sent } = await published;
  const received = last.count - count0;
  const from = samples.find((s) => s.count - count0 >= count * 0.05)?.at ?? samples[0]?.at ?? 0;
  // Why the app stopped short, when it did: its connection's state and reason (a disconnect loses
  // the broker's queue with the clean session).
  const connection = received < count && client.page ? await client.page.evaluate('Object.values(window.__sightglass.connections()).map((c) => `${c.state}: ${c.reason ?? ""}`)') : undefined;
  return { rate: busyRate(client.name, samples, from, last.count), cpu, sent, received, lost: sent - received, connection, extra: await client.extra() };
}

/** Browser CPU ms per 1 000 messages (lib/processCpu.mjs). @param {ReturnType<typeof cpuPerThousand>} c */
export const cpuText = (c) => (c ? `CPU ${c.total} ms/1000 msgs (worker ${c.worker}, page ${c.main}, network ${c.network}, browser ${c.browser}, GPU ${c.gpu})` : 'CPU n/a');

/** Mean total browser CPU per message over runs (NaN without /proc). @param {any[]} rs */
export const meanCpu = (rs) => rs.reduce((a, r) => a + (r.cpu?.total ?? NaN), 0) / rs.length;

/** @param {any} ctx @param {'bare' | 'app'} kind */
async function open(ctx, kind) {
  if (kind === 'bare') return openBareClient(ctx.browser, ctx.referenceUrl, ctx.qosBroker.wsUrl, { query: '&qos=1' });
  const config = appConfig({ brokerUrl: ctx.qosBroker.wsUrl, prefix: ctx.prefix, topics: REPEATED_TOPICS });
  config.connections[0].subscriptions = [{ topic: '#', qos: 1 }];
  ctx.server.setConfig(config);
  return openAppClient(ctx.browser, ctx.appUrl);
}

/** @param {any} ctx */
export async function runQos1(ctx) {
  const { opts, log } = ctx;
  const count = opts.qos1Count;
  const broker = await startBroker({ maxQueued: 0, forceAedes: opts.aedes, log });
  const publisher = await startPublisher(broker.tcpUrl).catch(async (err) => {
    await broker.stop();
    throw err;
  });
  const c = { ...ctx, qosBroker: broker, qosPublisher: publisher };
  let burst = 0;
  /** @param {'repeated' | 'new'} mode */
  const jobFor = (mode) => (mode === 'repeated'
    ? { type: 'flood', prefix: ctx.prefix, topics: REPEATED_TOPICS, rate: 0, durationMs: 15 * 60_000, count, qos: 1 }
    : { type: 'once', prefix: `${ctx.prefix}/q${++burst}`, count, qos: 1, deep: true });
  try {
    /** @type {Record<string, any>} */
    const out = { count, broker: broker.description };
    for (const mode of MODES) {
      const rounds = [];
      for (let round = 0; round < opts.runs; round++) {
        /** @type {Record<string, any[]>} */
        const runs = { bare: [], app: [] };
        for (const kind of ORDER) {
          const client = await open(c, kind);
          try {
            const r = await measureBurst(c, client, jobFor(mode), count);
            runs[kind].push(r);
            log(`  QoS 1 ${mode} topics, round ${round + 1}, ${kind}: ${Math.round(r.rate)} msgs/s, ${cpuText(r.cpu)}, sent ${r.sent}, received ${r.received}, lost ${r.lost}${r.connection ? ` (connection: ${r.connection})` : ''}`);
          } finally {
            await client.close();
          }
        }
        const mean = (/** @type {any[]} */ rs) => rs.reduce((a, r) => a + r.rate, 0) / rs.length;
        const ratio = mean(runs.app) / mean(runs.bare);
        const cpuRatio = meanCpu(runs.app) / meanCpu(runs.bare);
        log(`  QoS 1 ${mode} topics, round ${round + 1}: app/bare ${ratio.toFixed(2)}, CPU per message app/bare ${cpuRatio.toFixed(2)}`);
        rounds.push({ bare: mean(runs.bare), app: mean(runs.app), ratio, cpuRatio, runs });
      }
      const cell = {
        rounds,
        bare: median(rounds.map((r) => r.bare)),
        app: median(rounds.map((r) => r.app)),
        minRatio: Math.min(...rounds.map((r) => r.ratio)),
        cpuRatio: median(rounds.map((r) => r.cpuRatio)),
        appLost: rounds.flatMap((r) => r.runs.app.map((/** @type {any} */ x) => x.lost)),
      };
      if (opts.profile && cell.minRatio < 0.95) cell.profile = await profileBurst(c, jobFor(mode), mode);
      out[mode] = cell;
    }
    return out;
  } finally {
    await publisher.stop();
    await broker.stop();
  }
}

/** One more burst with the engine worker's CPU profile, when a round missed 0.95. @param {any} c @param {Record<string, any>} job @param {string} mode */
async function profileBurst(c, job, mode) {
  const client = await open(c, 'app');
  try {
    const engine = /** @type {any} */ (client).engine;
    const published = c.qosPublisher.run(job);
    await sleep(500);
    const profile = await engine.cpuProfile(3000);
    await published;
    const file = await saveProfile(c, `qos1-${mode}-worker`, profile);
    return { file, top: profileSummary(profile, 15) };
  } finally {
    await client.close();
  }
}
