// Scenario 1: ingest ceiling. A QoS 0 flood (as fast as the publisher can send) for a few seconds;
// each client's steady receive rate during the flood is its ceiling. Afterwards every message is
// accounted for: sent = received + dropped by the broker (Mosquitto's $SYS counter) + lost.
import { appConfig } from '../lib/appConfig.mjs';
import { openAppClient, openBareClient, openNodeClient } from '../lib/clients.mjs';
import { profileSummary, saveProfile } from '../lib/profile.mjs';
import { median, sleep } from '../lib/stats.mjs';

const CLIENTS = /** @type {const} */ (['node', 'bare', 'app']);

/**
 * One flood against one open client.
 * @param {any} ctx @param {import('../lib/clients.mjs').Client} client
 * @param {{ topics: number, durationMs: number, rate: number, warmMs: number }} o
 */
export async function measureFlood(ctx, client, { topics, durationMs, rate, warmMs }) {
  const first = await client.sample();
  const count0 = first?.count ?? 0;
  const dropped0 = await ctx.broker.dropped({ latest: true });
  /** @type {import('../lib/clients.mjs').Sample[]} */
  const samples = [];
  const t0 = Date.now();
  /** @type {{ sent: number, ms: number } | null} */
  let done = null;
  const job = ctx.publisher.run({ type: 'flood', prefix: ctx.prefix, topics, rate, durationMs }).then((r) => { done = r; });
  while (!done) {
    const s = await client.sample();
    if (s) samples.push(s);
    await sleep(client.name === 'app' ? 250 : 100);
  }
  await job;
  const floodEnd = t0 + durationMs;
  // Drain: wait until the count stops moving, judged on the client's own clock: a client too
  // busy to report (a Node process parsing a large socket read, an engine that ticks late) is
  // not "quiet". The app reports once a second, so it needs a longer quiet spell.
  const quietMs = client.name === 'app' ? (ctx.opts.smoke ? 1000 : 2000) : 1000;
  let last = (await client.sample()) ?? { count: count0, at: Date.now() };
  let changedAt = last.at;
  const deadline = Date.now() + ctx.opts.drainTimeoutMs;
  while (Date.now() < deadline && last.at - changedAt < quietMs) {
    await sleep(200);
    const s = await client.sample();
    if (!s) continue;
    samples.push(s);
    if (s.count !== last.count) changedAt = s.at;
    last = s;
  }
  const sent = /** @type {{ sent: number }} */ (/** @type {unknown} */ (done)).sent;
  const received = last.count - count0;
  // Nothing missing: no need to wait for the broker's next $SYS report.
  const dropped1 = received === sent && dropped0 !== null ? dropped0 : await ctx.broker.dropped();
  const brokerDropped = dropped0 === null || dropped1 === null ? null : dropped1 - dropped0;
  return {
    rate: busyRate(client.name, samples, t0 + warmMs, last.count),
    sent,
    received,
    brokerDropped,
    lost: brokerDropped === null ? null : sent - received - brokerDropped,
    // How long after the flood ended the client was still working through its backlog.
    behindMs: Math.max(0, changedAt - floodEnd),
    extra: await client.extra(),
  };
}

/**
 * Messages/s while the client was busy: from `from` (after the warm-up) until it had received its
 * last message. A client that falls behind keeps working through its backlog after the flood
 * ends, still at its ceiling, so that time counts too. For the app: the engine's own per-second
 * rate (rolled at its 1 s stats tick, exact for that second), averaged over the ticks that were
 * busy the whole second.
 * @param {string} name @param {import('../lib/clients.mjs').Sample[]} samples @param {number} from @param {number} finalCount
 */
export function busyRate(name, samples, from, finalCount) {
  const endAt = samples.find((s) => s.at >= from && s.count >= finalCount)?.at ?? Infinity;
  if (name === 'app') {
    /** @type {Map<number, import('../lib/clients.mjs').Sample>} */
    const ticks = new Map();
    for (const s of samples) if (s.at >= from + 1000 && s.at < endAt) ticks.set(s.at, s);
    const whole = [...ticks.values()];
    if (whole.length) return whole.reduce((a, s) => a + (s.rate ?? 0), 0) / whole.length;
  }
  const inWin = samples.filter((s) => s.at >= from && s.at <= endAt);
  if (inWin.length < 2) return NaN;
  const a = inWin[0];
  const b = inWin[inWin.length - 1];
  return ((b.count - a.count) * 1000) / Math.max(1, b.at - a.at);
}

/** @param {any} ctx @param {'node' | 'bare' | 'app'} kind @param {number} topics */
export async function openClient(ctx, kind, topics) {
  if (kind === 'node') return openNodeClient(ctx.broker.wsUrl);
  if (kind === 'bare') return openBareClient(ctx.browser, ctx.referenceUrl, ctx.broker.wsUrl);
  ctx.server.setConfig(appConfig({ brokerUrl: ctx.broker.wsUrl, prefix: ctx.prefix, topics }));
  return openAppClient(ctx.browser, ctx.appUrl);
}

/** @param {any} ctx */
export async function runIngest(ctx) {
  const { opts, log } = ctx;
  const cells = [];
  for (const topics of opts.topics) {
    /** @type {Record<string, any[]>} */
    const runs = { node: [], bare: [], app: [] };
    for (let run = 0; run < opts.runs; run++) {
      // Interleave the clients within each round so drift over time hits all three alike.
      for (const kind of CLIENTS) {
        const client = await openClient(ctx, kind, topics);
        try {
          const r = await measureFlood(ctx, client, { topics, durationMs: opts.floodMs, rate: opts.rate, warmMs: opts.warmMs });
          runs[kind].push(r);
          log(`  ingest ${topics} topics, ${kind} run ${run + 1}: ${Math.round(r.rate)} msgs/s, sent ${r.sent}, received ${r.received}, `
            + `broker dropped ${r.brokerDropped ?? 'n/a'}, lost ${r.lost ?? 'n/a'}, behind ${(r.behindMs / 1000).toFixed(1)} s`);
        } finally {
          await client.close();
        }
      }
    }
    const med = (/** @type {string} */ k) => median(runs[k].map((r) => r.rate));
    const cell = {
      topics,
      node: med('node'),
      bare: med('bare'),
      app: med('app'),
      appLost: runs.app.map((r) => r.lost),
      appBrokerDropped: runs.app.map((r) => r.brokerDropped),
      appBehindMs: median(runs.app.map((r) => r.behindMs)),
      runs,
    };
    if (opts.profile && cell.app / cell.bare < 0.9) cell.profile = await profileIngest(ctx, topics);
    cells.push(cell);
  }
  return cells;
}

/** One more flood with the engine worker's CPU profile, when the app missed the target. @param {any} ctx @param {number} topics */
async function profileIngest(ctx, topics) {
  const client = await openClient(ctx, 'app', topics);
  try {
    const durationMs = Math.max(3000, ctx.opts.floodMs);
    const job = ctx.publisher.run({ type: 'flood', prefix: ctx.prefix, topics, rate: ctx.opts.rate, durationMs });
    await sleep(Math.min(1000, durationMs / 4));
    const engine = /** @type {any} */ (client).engine;
    const profile = await engine.cpuProfile(durationMs - 1500);
    await job;
    const file = await saveProfile(ctx, `ingest-${topics}-worker`, profile);
    return { file, top: profileSummary(profile, 15) };
  } finally {
    await client.close();
  }
}
