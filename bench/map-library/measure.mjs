#!/usr/bin/env node
// Issue 15: choose the map library by measurement. Builds a bare page per library (2 000 markers
// with 10-point trails, all moved once a second, no basemap), reports the gzip size of each page's
// JavaScript and the frame intervals (p50/p95/max) in headless Chromium. Headless Chromium has no
// GPU: MapLibre's WebGL runs on SwiftShader (software), which is what a control-room PC without
// a GPU driver gets too.
//
//   node bench/map-library/measure.mjs [--n 2000] [--seconds 15] [--runs 3] [--swiftshader]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { serveStatic } from '../../demo/staticServer.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OUT = path.join(HERE, '../../.tmp/map-library');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('n', 2000);
const SECONDS = arg('seconds', 15);
const RUNS = arg('runs', 3);
const LIBS = ['leaflet', 'leaflet-layer', 'maplibre'];

await build({
  root: HERE,
  base: './',
  logLevel: 'warn',
  configFile: false,
  build: { outDir: OUT, emptyOutDir: true, target: 'es2022', rollupOptions: { input: Object.fromEntries(LIBS.map((l) => [l, path.join(HERE, `${l}.html`)])) } },
});

const assets = path.join(OUT, 'assets');
const gz = (f) => gzipSync(readFileSync(path.join(assets, f))).length;
for (const lib of LIBS) {
  // Only the page's own chunk (+ MapLibre's worker); leaflet-layer's chunk may share Leaflet with leaflet's.
  const files = readdirSync(assets).filter((f) => new RegExp(`^${lib}-[\\w-]{8}\\.`).test(f) || (lib === 'maplibre' && /worker/i.test(f)));
  const js = files.filter((f) => /\.m?js$/.test(f));
  const kb = (list) => (list.reduce((s, f) => s + gz(f), 0) / 1000).toFixed(1);
  console.log(`${lib}: JS ${kb(js)} kB gzip (${js.join(', ')}), CSS ${kb(files.filter((f) => f.endsWith('.css')))} kB gzip`);
}

const server = await serveStatic({ root: OUT, port: 0 });
// Two browsers (the second with --swiftshader): the bench's own flags (--disable-gpu: canvas 2D rasterised by Skia on the CPU,
// no WebGL) and SwiftShader (WebGL in software; canvas 2D then also goes through it).
const BROWSERS = {
  'cpu (--disable-gpu)': ['--disable-gpu'],
  ...(process.argv.includes('--swiftshader') ? { swiftshader: ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'] } : {}),
};
const pct = (a, p) => a[Math.min(a.length - 1, Math.floor((a.length * p) / 100))];
for (const [name, flags] of Object.entries(BROWSERS)) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: [...flags, '--disable-renderer-backgrounding', '--disable-background-timer-throttling'] });
  for (let run = 0; run < RUNS; run++) {
    for (const lib of LIBS) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${server.url.replace(/\/$/, '')}/${lib}.html?n=${N}`);
      const ok = await page.waitForFunction(() => window.ready === true, null, { timeout: 20_000 }).then(() => true, () => false);
      if (!ok) {
        console.log(`${name} run ${run + 1} ${lib.padEnd(8)} did not start: ${errors[0] ?? 'no error'}`);
        await page.close();
        continue;
      }
      await page.waitForTimeout(3000);
      const projection = await page.evaluate(() => window.projectionError?.());
      if (projection !== undefined && run === 0) console.log(`${lib}: projection differs from Leaflet's by at most ${projection.toFixed(6)} px`);
      if (run === 0) await page.screenshot({ path: path.join(OUT, `${lib}-${name.split(' ')[0]}.png`) });
      // Main-thread busy time (DevTools TaskDuration) per second: less sensitive to other load on
      // the machine than frame intervals, which stretch whenever the page does not get a core.
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
      const busy0 = await busy();
      const frames = (await page.evaluate((ms) => window.measure(ms), SECONDS * 1000)).slice(1).sort((a, b) => a - b);
      const busyPerS = ((await busy()) - busy0) / SECONDS;
      console.log(`${name} run ${run + 1} ${lib.padEnd(13)} frames ${frames.length} p50 ${pct(frames, 50).toFixed(1)} p95 ${pct(frames, 95).toFixed(1)} max ${frames.at(-1).toFixed(1)} ms, main thread busy ${(busyPerS * 1000).toFixed(0)} ms/s`);
      await page.close();
    }
  }
  await browser.close();
}
await server.close();
