import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveStatic, CSP } from './staticServer.mjs';

/** Raw GET: unlike fetch, node:http sends the path as written (no `..` normalisation). */
function get(/** @type {number} */ port, /** @type {string} */ path, /** @type {Record<string, string>} */ headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET', headers }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  }).then((r) => /** @type {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }} */ (r));
}

describe('static server', () => {
  /** @type {string} */
  let dir;
  /** @type {Awaited<ReturnType<typeof serveStatic>>} */
  let server;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sg-static-'));
    const root = join(dir, 'dist');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>Sightglass</title>');
    await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'app-1234.css'), 'body{}');
    await writeFile(join(root, 'manifest.webmanifest'), '{}');
    await writeFile(join(root, 'sw.js'), '');
    await writeFile(join(root, 'icon.svg'), '<svg/>');
    await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
    server = await serveStatic({ root, basePath: '/hmi/plant-a/', config: { version: 1, connections: [] } });
  });
  afterAll(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html at the sub-path with a strict CSP and no-cache', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/hmi/plant-a/`);
    const res = await get(server.port, '/hmi/plant-a/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Sightglass</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.headers['content-security-policy']).toContain("script-src 'self';");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
    expect((await get(server.port, '/hmi/plant-a')).headers.location).toBe('/hmi/plant-a/');
  });

  it('sends the right content types and caching', async () => {
    const js = await get(server.port, '/hmi/plant-a/assets/app-1234.js');
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    expect(js.headers['content-security-policy']).toBeUndefined();
    expect((await get(server.port, '/hmi/plant-a/assets/app-1234.css')).headers['content-type']).toMatch(/^text\/css/);
    const manifest = await get(server.port, '/hmi/plant-a/manifest.webmanifest');
    expect(manifest.headers['content-type']).toBe('application/manifest+json');
    expect(manifest.headers['cache-control']).toBe('no-cache');
    expect((await get(server.port, '/hmi/plant-a/sw.js')).headers['cache-control']).toBe('no-cache');
    expect((await get(server.port, '/hmi/plant-a/icon.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('serves config.json from the object, a string verbatim, or falls through when unset', async () => {
    let res = await get(server.port, '/hmi/plant-a/config.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(res.body)).toEqual({ version: 1, connections: [] });
    server.setConfig('{ not json');
    expect((await get(server.port, '/hmi/plant-a/config.json')).body).toBe('{ not json');
    server.setConfig(undefined);
    expect((await get(server.port, '/hmi/plant-a/config.json')).status).toBe(404);
    server.setConfig({ version: 1, connections: [] });
  });

  it('404s for missing files and paths outside the base path', async () => {
    expect((await get(server.port, '/hmi/plant-a/nope.js')).status).toBe(404);
    expect((await get(server.port, '/hmi/plant-a/assets/')).status).toBe(404);
    expect((await get(server.port, '/index.html')).status).toBe(404);
    expect((await get(server.port, '/hmi/plant-b/index.html')).status).toBe(404);
  });

  it('never serves files outside root', async () => {
    for (const path of [
      '/hmi/plant-a/../secret.txt', '/hmi/plant-a/../../secret.txt', '/hmi/plant-a/%2e%2e/secret.txt',
      '/hmi/plant-a/..%2fsecret.txt', '/hmi/plant-a/assets/..%2f..%2fsecret.txt', '/hmi/plant-a/..%5csecret.txt',
      `/hmi/plant-a/${encodeURIComponent(join(dir, 'secret.txt'))}`, '/hmi/plant-a//etc/passwd', '/hmi/plant-a/%00',
    ]) {
      const res = await get(server.port, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('TOP SECRET');
    }
  });

  it('serves byte ranges (a .pmtiles basemap is read by range requests)', async () => {
    const part = await get(server.port, '/hmi/plant-a/assets/app-1234.js', { Range: 'bytes=8-10' });
    expect(part.status).toBe(206);
    expect(part.body).toBe('log');
    expect(part.headers['content-range']).toBe('bytes 8-10/14');
    expect((await get(server.port, '/hmi/plant-a/assets/app-1234.js', { Range: 'bytes=-3' })).body).toBe('(1)');
    expect((await get(server.port, '/hmi/plant-a/assets/app-1234.js', { Range: 'bytes=99-' })).status).toBe(416);
    expect((await get(server.port, '/hmi/plant-a/assets/app-1234.js')).headers['accept-ranges']).toBe('bytes');
  });

  it('rejects a busy port with a plain message', async () => {
    await expect(serveStatic({ root: dir, port: server.port })).rejects.toThrow(
      `Port ${server.port} is already in use (dashboard HTTP server). Choose another with --port.`);
  });
});
