#!/usr/bin/env node
// Regenerates docs/screenshot.png from what `npm start` serves (its default ports, so the
// Broker URL in the picture is the one a reader gets): node scripts/readme-screenshot.mjs
// Needs a build (`npx vite build`) and Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.argv[2] ?? `${root}docs/screenshot.png`;
const demo = spawn(process.execPath, ['demo/start.mjs', '--no-build'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((resolve, reject) => {
  demo.once('exit', (code) => reject(new Error(`demo/start.mjs exited (${code})`)));
  demo.stdout.on('data', (d) => {
    const m = /Sightglass dashboard: (\S+)/.exec(String(d));
    if (m) resolve(m[1]);
  });
});

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  await page.goto(url);
  await page.getByRole('status', { name: 'Connection status' }).filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
  const tree = page.getByRole('tree', { name: 'Topics' });
  for (const level of ['plant', 'site1', 'line1', 'press1']) {
    const item = tree.getByRole('treeitem', { name: new RegExp(`^${level}\\b`) }).first();
    await item.click();
    if ((await item.getAttribute('aria-expanded')) !== 'true') await page.keyboard.press('ArrowRight');
  }
  await tree.getByRole('treeitem', { name: /^temperature/ }).click();
  await page.mouse.click(5, 890);
  await page.getByRole('region', { name: 'Message' }).getByText('temperature').first().waitFor();
  // Let a few seconds of plant data fill the counters and the history.
  await page.waitForTimeout(4000);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  demo.kill('SIGTERM');
}
