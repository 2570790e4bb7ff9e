// Scenario 4: soak. Constant topic count and rate for a long time (default 10 min) with the tree
// on screen; the JS heap (page + engine worker, after a forced GC) at the start and the end.
// "Start" is after a warm-up in which histories and series fill up to their caps.
import { appConfig } from '../lib/appConfig.mjs';
import { openAppClient } from '../lib/clients.mjs';
import { sleep } from '../lib/stats.mjs';

/** @param {any} ctx */
export async function runSoak(ctx) {
  const { opts, log } = ctx;
  const topics = opts.soakTopics;
  const rate = opts.soakRate;
  // Histories and series fill up first; only then does growth mean a leak.
  const warmMs = opts.smoke ? 1000 : Math.min(60_000, Math.max(10_000, opts.soakMs / 10));
  // Series keep 1 h of points by design, so at this rate they would fill for hours: a growth that
  // is no leak. Smaller series buffers fill during the warm-up, so what grows after it is real.
  const capacity = Math.max(10, Math.floor(((rate / topics) * warmMs) / 1000 / 2));
  ctx.server.setConfig(appConfig({ brokerUrl: ctx.broker.wsUrl, prefix: ctx.prefix, topics, capacity }));
  const client = await openAppClient(ctx.browser, ctx.appUrl);
  try {
    const count0 = (await client.sample())?.count ?? 0;
    const dropped0 = await ctx.broker.dropped({ latest: true });
    const job = ctx.publisher.run({ type: 'flood', prefix: ctx.prefix, topics, rate, durationMs: warmMs + opts.soakMs });
    await sleep(warmMs);
    const heap = async () => {
      const h = (await client.extra()).heap;
      return { at: Date.now(), main: h.main.used, worker: h.worker.used, total: h.main.used + h.worker.used };
    };
    const start = await heap();
    const trend = [start];
    const every = Math.max(5000, opts.soakMs / 20);
    const t0 = Date.now();
    while (Date.now() - t0 < opts.soakMs - every / 2) {
      await sleep(Math.min(every, opts.soakMs - (Date.now() - t0)));
      trend.push(await heap());
      if (trend.length % 5 === 0) log(`    soak: ${((Date.now() - t0) / 1000).toFixed(0)} s, heap ${(trend.at(-1).total / 1048576).toFixed(1)} MB`);
    }
    const { sent } = await job;
    await sleep(opts.smoke ? 1200 : 2500);
    const end = await heap();
    const received = ((await client.sample())?.count ?? 0) - count0;
    const dropped1 = received === sent ? dropped0 : await ctx.broker.dropped();
    const brokerDropped = dropped0 === null || dropped1 === null ? null : dropped1 - dropped0;
    const health = await client.page.evaluate('window.__sightglass.health()');
    const r = {
      seconds: opts.soakMs / 1000, topics, rate, warmSeconds: warmMs / 1000, seriesCapacity: capacity,
      heapStart: start.total, heapEnd: end.total, growth: end.total / start.total - 1,
      heapStartMain: start.main, heapEndMain: end.main, heapStartWorker: start.worker, heapEndWorker: end.worker,
      sent, received, brokerDropped, lost: brokerDropped === null ? null : sent - received - brokerDropped,
      health, trend: trend.map((t) => ({ s: Math.round((t.at - start.at) / 1000), mb: Math.round(t.total / 104857.6) / 10 })),
      // The heap swings by a few per cent as queues compact, so also the least-squares trend.
      slopeMbPer10Min: slope(trend.map((t) => [(t.at - start.at) / 600_000, t.total / 1048576])),
    };
    log(`  soak ${r.seconds} s at ${rate} msgs/s over ${topics} topics: heap ${(r.heapStart / 1048576).toFixed(1)} → ${(r.heapEnd / 1048576).toFixed(1)} MB `
      + `(${(r.growth * 100).toFixed(1)} %), lost ${r.lost ?? 'n/a'}`);
    return r;
  } finally {
    await client.close();
  }
}

/** Least-squares slope of (x, y) points. @param {number[][]} pts */
function slope(pts) {
  const n = pts.length;
  if (n < 2) return NaN;
  const mx = pts.reduce((a, p) => a + p[0], 0) / n;
  const my = pts.reduce((a, p) => a + p[1], 0) / n;
  const num = pts.reduce((a, p) => a + (p[0] - mx) * (p[1] - my), 0);
  const den = pts.reduce((a, p) => a + (p[0] - mx) ** 2, 0);
  return den ? num / den : NaN;
}
