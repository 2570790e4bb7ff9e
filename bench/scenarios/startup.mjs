// Scenario 5: start-up of the built app on localhost (the bench's config: 1 connection, 10 charts,
// 1 000 rules; a quiet broker). First visit in a fresh browser context (nothing cached, service
// worker not installed yet) and a reload in the same context. Initial JavaScript = every script
// the page and its engine worker loaded, gzip-compressed from the built files.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { appConfig } from '../lib/appConfig.mjs';
import { READ_STARTUP, STARTUP_OBSERVER } from '../lib/pageScripts.mjs';
import { median, sleep } from '../lib/stats.mjs';

/** @param {any} ctx */
export async function runStartup(ctx) {
  const { opts, log } = ctx;
  ctx.server.setConfig(appConfig({ brokerUrl: ctx.broker.wsUrl, prefix: ctx.prefix, topics: 10_000 }));
  const cold = [];
  const warm = [];
  /** @type {Set<string>} */
  const scripts = new Set();
  for (let run = 0; run < opts.runs; run++) {
    const page = await ctx.browser.openPage(`${ctx.appUrl}#/topics`, { beforeLoad: STARTUP_OBSERVER });
    try {
      cold.push(await settle(page, scripts));
      await page.evaluate('window.__benchOld = true');
      await page.session.send('Page.reload', { ignoreCache: false });
      warm.push(await settle(page, scripts));
    } finally {
      await page.close();
    }
    log(`  start-up run ${run + 1}: first visit FCP ${Math.round(cold.at(-1).fcp)} ms, interactive ${Math.round(cold.at(-1).interactive)} ms, `
      + `connected ${Math.round(cold.at(-1).connectedAt)} ms; reload FCP ${Math.round(warm.at(-1).fcp)} ms, interactive ${Math.round(warm.at(-1).interactive)} ms`);
  }
  const js = await jsSizes(ctx.distDir, [...scripts]);
  const m = (/** @type {any[]} */ rs, /** @type {string} */ k) => median(rs.map((r) => r[k]));
  return {
    cold: { fcp: m(cold, 'fcp'), interactive: m(cold, 'interactive'), connected: m(cold, 'connectedAt'), domContentLoaded: m(cold, 'domContentLoaded') },
    warm: { fcp: m(warm, 'fcp'), interactive: m(warm, 'interactive'), connected: m(warm, 'connectedAt'), domContentLoaded: m(warm, 'domContentLoaded') },
    js,
    runs: { cold, warm },
  };
}

/**
 * Waits until the app is up and quiet, then reads the figures.
 * @param {import('../lib/chromium.mjs').Page} page @param {Set<string>} scripts
 */
async function settle(page, scripts) {
  await page.waitFor('!window.__benchOld && window.__benchStartup && window.__benchStartup.connectedAt !== null && window.__benchStartup.uiReadyAt !== null',
    { timeoutMs: 30_000, what: 'the app to start and connect' });
  await sleep(1000);
  const r = await page.evaluate(READ_STARTUP);
  for (const url of r.js) scripts.add(url);
  const worker = page.workers.at(-1);
  if (worker) {
    scripts.add(worker.info.url);
    const more = await worker.evaluate("performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\\.m?js(\\?|$)/.test(n))").catch(() => []);
    for (const url of more) scripts.add(url);
  }
  return r;
}

/** gzip sizes of the scripts the app loaded, from the built files. @param {string} distDir @param {string[]} urls */
async function jsSizes(distDir, urls) {
  const files = [];
  for (const url of urls) {
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    const buf = await readFile(path.join(distDir, rel)).catch(() => null);
    if (buf) files.push({ file: rel, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
  }
  files.sort((a, b) => b.gzip - a.gzip);
  const sum = (/** @type {(f: any) => boolean} */ pred) => files.filter(pred).reduce((n, f) => n + f.gzip, 0);
  return {
    gzipTotal: sum(() => true),
    gzipMain: sum((f) => !/worker/.test(f.file)),
    gzipWorker: sum((f) => /worker/.test(f.file)),
    files,
  };
}
