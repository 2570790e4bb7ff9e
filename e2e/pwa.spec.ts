/**
 * PWA and static hosting (issue 8): the build served under a sub-path, its manifest, the
 * service worker and its precache, and opening with the server gone.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, configFor, connectionStatus, DIST_DIR, ROOT_DIR, type StaticServer } from './support/fixtures';

const SUB_PATH = '/hmi/plant-a/';

/** Every HTTP response ≥ 400 seen by the page or its service worker. */
function collectFailures(context: BrowserContext): string[] {
  const failures: string[] = [];
  context.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
  });
  context.on('requestfailed', (r) => failures.push(`failed ${r.url()} ${r.failure()?.errorText ?? ''}`));
  return failures;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf: Buffer): { width: number; height: number } {
  expect(buf.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(buf.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function builtFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? builtFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')],
  );
}

/** Waits (10 s at most) until a service worker is active for this page; returns its registration facts. */
function swReady(page: Page) {
  return page.evaluate(async () => {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no active service worker within 10 s')), 10_000));
    const reg = await Promise.race([navigator.serviceWorker.ready, timeout]);
    return { scope: reg.scope, script: reg.active?.scriptURL ?? '' };
  });
}

test('served under a sub-path: loads without 404s or console errors', async ({ page, context, app, broker }) => {
  const failures = collectFailures(context);
  const { url } = await app.open(configFor(broker), { path: SUB_PATH });
  expect(url).toContain(SUB_PATH);
  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  // Let the service worker finish precaching: its requests count too.
  const ready = await swReady(page).catch((e: Error) => e);
  expect(failures).toEqual([]);
  expect(ready).not.toBeInstanceOf(Error);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  expect(failures).toEqual([]);
});

test('the manifest is linked, valid, relative to the sub-path, and its icons load', async ({ page, app, broker }) => {
  const { url } = await app.open(configFor(broker), { path: SUB_PATH });
  const base = new URL(url);
  base.search = '';

  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifestUrl = new URL(href!, page.url());
  expect(manifestUrl.pathname).toBe(`${SUB_PATH}manifest.webmanifest`);
  const res = await page.request.get(manifestUrl.href);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toContain('manifest+json');
  const manifest = await res.json();

  expect(manifest.name).toBe('Sightglass');
  expect(manifest.short_name).toBeTruthy();
  expect(manifest.description).toBeTruthy();
  expect(manifest.display).toBe('standalone');
  // Relative start_url/scope: they resolve inside whatever sub-path serves the build.
  expect(manifest.start_url).toBe('./');
  expect(manifest.scope).toBe('./');
  expect(new URL(manifest.start_url, manifestUrl).href).toBe(base.href);
  expect(new URL(manifest.scope, manifestUrl).href).toBe(base.href);
  const themeColor = await page.locator('meta[name="theme-color"]').getAttribute('content');
  expect(manifest.theme_color).toBe(themeColor);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);

  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
  const has = (size: string, purpose: string) => icons.some((i) => i.sizes === size && (i.purpose ?? 'any').split(' ').includes(purpose));
  expect(has('192x192', 'any')).toBe(true);
  expect(has('512x512', 'any')).toBe(true);
  expect(has('512x512', 'maskable')).toBe(true);
  for (const icon of icons) {
    const iconUrl = new URL(icon.src, manifestUrl);
    expect(iconUrl.pathname.startsWith(SUB_PATH)).toBe(true);
    const r = await page.request.get(iconUrl.href);
    expect(r.status(), iconUrl.href).toBe(200);
    expect(r.headers()['content-type']).toBe(icon.type);
    const [w, h] = icon.sizes.split('x').map(Number);
    expect(pngSize(await r.body())).toEqual({ width: w, height: h });
  }

  // Favicon and apple-touch-icon come from the page's <link>s, inside the sub-path (no /favicon.ico 404).
  for (const sel of ['link[rel="icon"]', 'link[rel="apple-touch-icon"]']) {
    const links = await page.locator(sel).evaluateAll((els) => els.map((e) => (e as HTMLLinkElement).href));
    expect(links.length, sel).toBeGreaterThan(0);
    for (const link of links) {
      expect(new URL(link).pathname.startsWith(SUB_PATH)).toBe(true);
      expect((await page.request.get(link)).status(), link).toBe(200);
    }
  }
});

test('the service worker registers in the sub-path, controls the page after a reload, and precaches every chunk', async ({ page, app, broker }) => {
  const { url } = await app.open(configFor(broker), { path: SUB_PATH });
  const base = new URL(url);
  base.search = '';
  const reg = await swReady(page);
  expect(reg.scope).toBe(base.href);
  expect(reg.script).toBe(new URL('sw.js', base).href);

  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null)).toBe(reg.script);

  // Every JS/CSS file of the build, including the engine worker and lazily loaded chunks, is in
  // the precache (workbox silently skips files over maximumFileSizeToCacheInBytes).
  const assets = builtFiles(DIST_DIR).filter((f) => /\.(js|css)$/.test(f) && f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
  expect(assets.some((f) => /worker-[\w-]+\.js$/.test(f))).toBe(true);
  const sw = readFileSync(path.join(DIST_DIR, 'sw.js'), 'utf8');
  for (const f of assets) expect(sw, `${f} in the precache manifest`).toContain(`"${f}"`);
  const missing = await page.evaluate(async (urls) => {
    const out: string[] = [];
    for (const u of urls) if (!(await caches.match(u, { ignoreSearch: true }))) out.push(u);
    return out;
  }, assets.map((f) => new URL(f, base).href));
  expect(missing).toEqual([]);
});

test('with the server and the broker gone, a reload still shows the app and says the broker is unreachable', async ({ page, context, app, broker, pageErrors }) => {
  // The failing WebSocket handshakes are logged by Chromium as console errors.
  pageErrors.allow(/^console\.error: .*WebSocket/);
  const { server } = await app.open(configFor(broker), { path: SUB_PATH });
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  await swReady(page);
  // Controlled from here on: this load also caches config.json (network-first).
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });

  await server.close();
  await broker.stop();
  await page.reload();

  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Topics', exact: true })).toBeVisible();
  // The cached config.json brought the connection back, and it plainly cannot reach its broker.
  await expect(page.getByRole('textbox', { name: 'Broker URL', exact: true })).toHaveValue(broker.wsUrl);
  await expect(connectionStatus(page)).toHaveText(/Reconnecting|Error:/, { timeout: 10_000 });
  await expect(page.getByRole('status', { name: 'Network' })).toContainText('Broker unreachable: Plant broker');

  // The device itself going offline is said too.
  await context.setOffline(true);
  await expect(page.getByRole('status', { name: 'Network' })).toContainText('No network: the broker is unreachable');
  await context.setOffline(false);
  await expect(page.getByRole('status', { name: 'Network' })).toContainText('Broker unreachable');
});

test('a new build is offered with "New version available — Reload", not switched in silently', async ({ page, broker }) => {
  // A copy of the build we can change, served like the app fixture does.
  const root = mkdtempSync(path.join(tmpdir(), 'sightglass-update-'));
  cpSync(DIST_DIR, root, { recursive: true });
  // A computed specifier keeps TypeScript from type-checking the demo's JS (as in the fixtures).
  const { serveStatic } = (await import(pathToFileURL(path.join(ROOT_DIR, 'demo', 'staticServer.mjs')).href)) as {
    serveStatic: (o: { root: string; basePath: string; host: string; port: number; config: object }) => Promise<StaticServer>;
  };
  const server = await serveStatic({ root, basePath: SUB_PATH, host: '127.0.0.1', port: 0, config: configFor(broker) });
  try {
    await page.goto(server.url);
    await swReady(page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));

    // Deploy "a new version": any byte change to sw.js is a new service worker.
    appendFileSync(path.join(root, 'sw.js'), '\n// next build\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());

    const prompt = page.getByRole('status', { name: 'Update' });
    await expect(prompt).toContainText('New version available — Reload', { timeout: 10_000 });
    // Nothing switched by itself: same page, the new worker waits.
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

    // "Reload" activates the waiting worker, which then reloads the page once it controls it.
    const reloaded = page.waitForEvent('load', { timeout: 10_000 });
    await prompt.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    expect(await page.evaluate(() => (window as unknown as { beforeUpdate?: boolean }).beforeUpdate ?? false)).toBe(false);
    await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
  } finally {
    await page.goto('about:blank').catch(() => undefined);
    await server.close();
    rmSync(root, { recursive: true, force: true });
  }
});
