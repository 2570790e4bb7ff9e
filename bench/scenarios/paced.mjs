// Scenario 2: paced load at 50 % of the bare page's ceiling, on screen. Three runs per round:
//   bare   — the bare reference page: what data age the transport alone costs (broker, Chromium)
//   tree   — Topics view (wide layout: connection | tree | message), plus clicks on tree items
//   charts — the Bench dashboard: 10 line charts live (50 series)
// Measured: frames from requestAnimationFrame in the page, data age p95 (engine: payload `ts` →
// processed, per second), messages lost, and for the tree the click → next frame time.
import { appConfig, DASHBOARD_ID } from '../lib/appConfig.mjs';
import { openAppClient, openBareClient } from '../lib/clients.mjs';
import { ARM_CLICK, START_FRAMES, STOP_FRAMES, treeItemPoint } from '../lib/pageScripts.mjs';
import { profileSummary, saveProfile } from '../lib/profile.mjs';
import { median, percentile, sleep } from '../lib/stats.mjs';


/** @param {any} ctx */
export function pacedRate(ctx) {
  if (ctx.opts.pacedRate) return { rate: ctx.opts.pacedRate, basis: 'given with --paced-rate' };
  const cells = ctx.results.scenarios.ingest;
  const cell = Array.isArray(cells) ? cells.find((c) => c.topics === ctx.opts.pacedTopics) ?? cells.at(-1) : null;
  if (cell && Number.isFinite(cell.bare)) return { rate: Math.round(cell.bare / 2), basis: `50 % of the bare page's ceiling at ${cell.topics} topics (${Math.round(cell.bare)} msgs/s)` };
  return { rate: 4000, basis: 'default 4 000 msgs/s (scenario 1 not run)' };
}

/** @param {any} ctx */
export async function runPaced(ctx) {
  const { opts, log } = ctx;
  const { rate, basis } = pacedRate(ctx);
  const topics = opts.pacedTopics;
  log(`  paced at ${rate} msgs/s over ${topics} topics (${basis})`);
  ctx.server.setConfig(appConfig({ brokerUrl: ctx.broker.wsUrl, prefix: ctx.prefix, topics }));
  /** @type {Record<string, any>} */
  const out = { rate, basis, topics };
  // The smoke run checks the tree only; scenario 6 drives the charts anyway.
  for (const view of /** @type {const} */ (opts.smoke ? ['tree'] : ['bare', 'tree', 'charts'])) {
    const runs = [];
    for (let run = 0; run < opts.runs; run++) {
      const r = await pacedRun(ctx, view, rate, topics);
      log(`  paced ${view} run ${run + 1}: frames p50 ${r.frameP50.toFixed(1)} / p95 ${r.frameP95.toFixed(1)} / max ${r.frameMax.toFixed(1)} ms, `
        + `data age p95 ${r.ageP95} ms, received ${r.received}/${r.sent} (broker dropped ${r.brokerDropped ?? 'n/a'}, lost ${r.lost ?? 'n/a'})`
        + (r.clicks.length ? `, click ack ${r.clicks.map((c) => Math.round(c.ackMs)).join('/')} ms` : ''));
      runs.push(r);
    }
    const m = (/** @type {string} */ k) => median(runs.map((r) => r[k]));
    out[view] = {
      frameP50: m('frameP50'), frameP95: m('frameP95'), frameMax: m('frameMax'), ageP95: m('ageP95'), ageWorstP95: m('ageWorstP95'),
      lost: runs.map((r) => r.lost), brokerDropped: runs.map((r) => r.brokerDropped),
      clickAckMs: median(runs.flatMap((r) => r.clicks.map((c) => c.ackMs))),
      clickAckMaxMs: Math.max(-Infinity, ...runs.flatMap((r) => r.clicks.map((c) => c.ackMs))),
      clickDetailMs: median(runs.flatMap((r) => r.clicks.map((c) => c.detailMs))),
      runs,
    };
    const missed = out[view].frameP95 > 17 || out[view].frameMax > 50;
    if (opts.profile && missed && view !== 'bare') out[view].profile = await profilePaced(ctx, view, rate, topics);
  }
  return out;
}

/** @param {any} ctx @param {'bare' | 'tree' | 'charts'} view @param {number} rate @param {number} topics */
async function pacedRun(ctx, view, rate, topics, profileMs = 0) {
  const { opts } = ctx;
  const client = view === 'bare'
    ? await openBareClient(ctx.browser, ctx.referenceUrl, ctx.broker.wsUrl)
    : await openAppClient(ctx.browser, ctx.appUrl, { hash: view === 'tree' ? '#/topics' : `#/dashboards/${DASHBOARD_ID}` });
  const page = /** @type {import('../lib/chromium.mjs').Page} */ (client.page);
  // Data age p95 of the last second: the engine's health, or the bare worker's own figure.
  const readAge = view === 'bare'
    ? async () => { const b = await client.worker?.evaluate('({ p95: self.__bench.ageP95, at: self.__bench.ageAt })'); return { p95: b?.p95 ?? null, at: b?.at ?? 0, shedding: null }; }
    : async () => { const h = await page.evaluate('({ h: window.__sightglass.health(), at: window.__sightglass.statsAt() })'); return { p95: h.h ? (h.h.dataAgeP95Ms ?? h.h.dataAgeMs) : null, at: h.at, shedding: h.h?.shedding ?? null }; };
  try {
    if (view === 'charts') {
      await page.waitFor('document.querySelectorAll("figure").length >= 10', { timeoutMs: 15_000, what: '10 chart figures' });
    }
    const count0 = (await client.sample())?.count ?? 0;
    const dropped0 = await ctx.broker.dropped({ latest: true });
    const job = ctx.publisher.run({ type: 'flood', prefix: ctx.prefix, topics, rate, durationMs: opts.pacedMs });
    // Let the tree fill and the charts get their first points before timing frames.
    await sleep(Math.min(2000, opts.pacedMs / 4));
    if (view === 'tree') await expandFirstLevels(page);
    await page.evaluate(START_FRAMES);
    const t0 = Date.now();
    /** @type {any[]} */
    const healths = [];
    /** @type {any[]} */
    const clicks = [];
    let profile = null;
    if (profileMs) profile = await page.session.cpuProfile(profileMs);
    let nextClick = t0 + 1000;
    while (Date.now() - t0 < opts.pacedMs - Math.min(2000, opts.pacedMs / 4) - 500) {
      await sleep(250);
      const h = await readAge();
      if (h.p95 !== null && h.at !== healths.at(-1)?.at) healths.push(h);
      if (view === 'tree' && clicks.length < opts.clicks && Date.now() >= nextClick) {
        const c = await clickTreeItem(page, clicks.length);
        if (c) clicks.push(c);
        nextClick = Date.now() + 1000;
      }
    }
    const frames = /** @type {number[]} */ (await page.evaluate(STOP_FRAMES));
    const { sent } = await job;
    // Let the last messages arrive and be counted (more stats ticks).
    await sleep(opts.smoke ? 1200 : 2500);
    const last = await client.sample();
    const received = (last?.count ?? 0) - count0;
    const dropped1 = received === sent ? dropped0 : await ctx.broker.dropped();
    const brokerDropped = dropped0 === null || dropped1 === null ? null : dropped1 - dropped0;
    const ages = healths.map((h) => h.p95);
    return {
      sent, received, brokerDropped, lost: brokerDropped === null ? null : sent - received - brokerDropped,
      frames: frames.length, frameP50: percentile(frames, 50), frameP95: percentile(frames, 95), frameMax: Math.max(...frames),
      ageP95: median(ages), ageWorstP95: Math.max(-Infinity, ...ages), clicks,
      sheddingSeconds: healths.filter((h) => h.shedding).length, profile,
    };
  } finally {
    await client.close();
  }
}

/** Opens the connection's first levels, so the tree shows topics rather than one folded root. @param {import('../lib/chromium.mjs').Page} page */
async function expandFirstLevels(page) {
  for (let i = 0; i < 3; i++) {
    const p = await page.evaluate(`(() => {
      const el = [...document.querySelectorAll('[role="treeitem"][aria-expanded="false"]')][0];
      if (!el) return null;
      const r = el.querySelector('span').getBoundingClientRect();
      return { x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2) };
    })()`);
    if (!p) return;
    await page.click(p.x, p.y);
    await sleep(300);
  }
}

/** @param {import('../lib/chromium.mjs').Page} page @param {number} n */
async function clickTreeItem(page, n) {
  const p = await page.evaluate(treeItemPoint(n + 1));
  if (!p) return null;
  await page.evaluate(ARM_CLICK);
  await page.click(p.x, p.y);
  return page.evaluate('window.__benchClick');
}

/** @param {any} ctx @param {'tree' | 'charts'} view @param {number} rate @param {number} topics */
async function profilePaced(ctx, view, rate, topics) {
  const r = await pacedRun(ctx, view, rate, topics, Math.min(5000, ctx.opts.pacedMs / 2));
  const file = await saveProfile(ctx, `paced-${view}-main`, r.profile);
  return { file, top: profileSummary(r.profile, 15) };
}
