// Scenario 7: Sparkplug B ingest ceiling (issue 13). A Node edge node (lib/sparkplugEdgeProcess.mjs,
// Tahu's sparkplug-payload) sends NBIRTH + 10 DBIRTHs (1 000 metrics, each with an alias), then
// floods DDATA carrying aliases only, 10 metrics per message, as fast as the socket drains. Clients:
// the bare Sparkplug page (reference/sparkplug.html: mqtt.js + the app's own decoder,
// `decodeSparkplugPayload`, decode and count) and the app subscribed to `spBv1.0/#` (decode once
// in the worker, resolve aliases, keep the host model: seq, births, metric state). Same broker,
// same edge node, interleaved per round; the ceiling is measured as in scenario 1 (measureFlood).
// Target: app ≥ 0.90 × bare page, none lost.
import { CONNECTION_ID } from '../lib/appConfig.mjs';
import { startSparkplugEdge } from '../lib/children.mjs';
import { openAppClient, openBareClient } from '../lib/clients.mjs';
import { buildSparkplugReference } from '../lib/sparkplugReference.mjs';
import { median } from '../lib/stats.mjs';
import { measureFlood } from './ingest.mjs';
import { profileSummary, saveProfile } from '../lib/profile.mjs';

const CLIENTS = /** @type {const} */ (['bare', 'app']);
const FILTER = 'spBv1.0/#';

/** @param {any} ctx @param {'bare' | 'app'} kind */
function openClient(ctx, kind) {
  if (kind === 'bare') {
    return openBareClient(ctx.browser, ctx.referenceUrl.replace(/index\.html$/, 'sparkplug.html'), ctx.broker.wsUrl,
      { worker: /sparkplug-worker\.js/, query: `&filter=${encodeURIComponent(FILTER)}` });
  }
  ctx.server.setConfig({
    version: 1,
    connections: [{
      id: CONNECTION_ID, name: 'Bench broker', url: ctx.broker.wsUrl, protocolVersion: 5,
      subscriptions: [{ topic: FILTER, qos: 0 }], autoConnect: true,
    }],
  });
  return openAppClient(ctx.browser, ctx.appUrl);
}

/** The engine worker's CPU profile during one flood. @param {any} ctx @param {any} edge @param {{ durationMs: number, rate: number }} flood */
async function profileApp(ctx, edge, flood) {
  const client = await openClient(ctx, 'app');
  try {
    const durationMs = Math.max(3000, flood.durationMs);
    const job = edge.run({ rate: flood.rate, durationMs });
    await new Promise((r) => setTimeout(r, Math.min(1000, durationMs / 4)));
    const profile = await /** @type {any} */ (client).engine.cpuProfile(durationMs - 1500);
    await job;
    const file = await saveProfile(ctx, 'sparkplug-worker', profile);
    return { file, top: profileSummary(profile, 15) };
  } finally {
    await client.close();
  }
}

/** @param {any} ctx */
export async function runSparkplug(ctx) {
  const { opts, log } = ctx;
  const t0 = Date.now();
  const { built } = await buildSparkplugReference(ctx.repoRoot);
  log(`  sparkplug: reference worker ${built ? `bundled in ${((Date.now() - t0) / 1000).toFixed(1)} s` : 'up to date'}`);
  // Smoke: a short, gentle flood every client keeps up with on a busy machine (< 20 s in all);
  // it asserts the pipeline, not a ceiling.
  const flood = opts.smoke ? { durationMs: 1500, rate: 500 } : { durationMs: opts.floodMs, rate: opts.rate };
  const edge = await startSparkplugEdge(ctx.broker.tcpUrl);
  try {
    /** @type {Record<string, any[]>} */
    const runs = { bare: [], app: [] };
    for (let run = 0; run < opts.runs; run++) {
      for (const kind of CLIENTS) {
        const client = await openClient(ctx, kind);
        try {
          let rebirths = 0;
          const publisher = { run: (/** @type {any} */ job) => edge.run({ rate: job.rate, durationMs: job.durationMs }).then((r) => { rebirths = r.rebirths; return r; }) };
          const r = await measureFlood({ ...ctx, publisher }, client, { topics: 0, ...flood, warmMs: opts.warmMs });
          // Payloads the bare page's decoder refused: must be 0, or the two pages do not do the same work.
          const bad = kind === 'bare' ? await client.worker?.evaluate('self.__bench.bad') : undefined;
          runs[kind].push({ ...r, rebirths, ...(bad === undefined ? {} : { bad }) });
          log(`  sparkplug ${kind} run ${run + 1}: ${Math.round(r.rate)} msgs/s, sent ${r.sent}, received ${r.received}, `
            + `broker dropped ${r.brokerDropped ?? 'n/a'}, lost ${r.lost ?? 'n/a'}, rebirth requests ${rebirths}, behind ${(r.behindMs / 1000).toFixed(1)} s`);
        } finally {
          await client.close();
        }
      }
    }
    const med = (/** @type {string} */ k) => median(runs[k].map((r) => r.rate));
    // Where the target is missed, one more app flood with the engine worker's CPU profile.
    const profile = !opts.smoke && opts.profile && med('app') / med('bare') < 0.9 ? await profileApp(ctx, edge, flood) : undefined;
    return {
      ...(profile && { profile }),
      metrics: 1000,
      metricsPerMessage: 10,
      bare: med('bare'),
      app: med('app'),
      appLost: runs.app.map((r) => r.lost),
      appBrokerDropped: runs.app.map((r) => r.brokerDropped),
      appRebirths: runs.app.map((r) => r.rebirths),
      appBehindMs: median(runs.app.map((r) => r.behindMs)),
      runs,
    };
  } finally {
    await edge.stop();
  }
}
