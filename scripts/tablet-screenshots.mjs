#!/usr/bin/env node
// Tablet screenshots (issue 16, "Tablet and touch"): the demo (`npm start` on free ports) in
// headless Chromium at 768×1024 and 1024×768 with touch, writing PNGs to .tmp/tablet/ (or argv[2]):
//   topics-<w>x<h>.png     Topics with press1/temperature selected: the one-line connection, tree and Message
//   message-<w>x<h>.png    the same, scrolled to the Message region where it is below the tree
//   dashboards-<w>x<h>.png the Dashboards page: a card per dashboard with live values
//   menu-<w>x<h>.png       the header's "Menu" open
// Needs a build (`npx vite build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
//   npx vite build && node scripts/tablet-screenshots.mjs
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = process.argv[2] ?? `${root}.tmp/tablet`;
mkdirSync(outDir, { recursive: true });
const SIZES = [
  { width: 768, height: 1024 },
  { width: 1024, height: 768 },
];

const demo = spawn(process.execPath, ['demo/start.mjs', '--no-build', '--port', '0', '--broker-port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  demo.once('exit', (code) => reject(new Error(`demo/start.mjs exited (${code})`)));
  demo.stdout.on('data', (d) => {
    const m = /Sightglass dashboard: (\S+)/.exec(String(d));
    if (m) resolve(m[1]);
  });
});

/** Expands plant ▸ site1 ▸ line1 ▸ press1 by tapping each row, then selects temperature. */
async function selectTemperature(page) {
  const tree = page.getByRole('tree', { name: 'Topics' });
  for (const level of ['plant', 'site1', 'line1', 'press1']) {
    const item = tree.getByRole('treeitem', { name: new RegExp(`^${level}(?![\\w-])`) }).first();
    await item.tap();
    if ((await item.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  }
  await tree.getByRole('treeitem', { name: /^temperature(?![\w-])/ }).first().tap();
  await page.getByRole('region', { name: 'Message' }).getByText('temperature').first().waitFor();
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  for (const { width, height } of SIZES) {
    const size = `${width}x${height}`;
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    const shot = async (name) => {
      const path = `${outDir}/${name}-${size}.png`;
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    };
    await page.goto(url);
    await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Edit connection' }).waitFor();
    await selectTemperature(page);
    // A few seconds of plant data fill the counters, the history and the dashboards' values.
    await page.waitForTimeout(3000);
    await shot('topics');
    await page.getByRole('region', { name: 'Message' }).scrollIntoViewIfNeeded();
    await shot('message');

    await page.goto(`${url}#/dashboards`);
    await page.getByRole('list', { name: 'Dashboards' }).waitFor();
    await page.waitForTimeout(2000);
    await shot('dashboards');

    await page.getByRole('button', { name: 'Menu' }).tap();
    await page.getByRole('menu', { name: 'Menu' }).waitFor();
    await shot('menu');
    await context.close();
  }
} finally {
  await browser.close();
  demo.kill('SIGTERM');
}
