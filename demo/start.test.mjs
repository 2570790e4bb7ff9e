import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, writeFile, utimes, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkBuildFresh } from './freshness.mjs';
import { connect, nextMessage } from './testHelpers.mjs';

const START = fileURLToPath(new URL('./start.mjs', import.meta.url));

/** Spawn `node demo/start.mjs` with a throwaway dist so no vite build is involved. */
function run(/** @type {string[]} */ args) {
  const child = spawn(process.execPath, [START, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', BROKER_PORT: '' } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** @param {() => string} read @param {RegExp} re */
async function waitFor(read, re, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const m = read().match(re);
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${re}; got: ${read()}`);
}

// Generous timeouts: each case spawns Node, which is slow on a loaded CI box.
describe('npm start (demo/start.mjs)', { timeout: 30_000 }, () => {
  /** @type {string} */
  let dist;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'sg-dist-'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Sightglass</title>');
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  it('serves the dashboard with a config pointing at the live broker, and stops on SIGTERM within 2 s', async () => {
    const p = run(['--dist', dist, '--port', '0', '--broker-port', '0']);
    try {
      const [, url] = await waitFor(p.out, /^Sightglass dashboard: (http:\/\/127\.0\.0\.1:\d+\/)$/m);
      await waitFor(p.out, /Ctrl-C/);
      expect(p.out().match(/Sightglass dashboard:/g)).toHaveLength(1);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const config = /** @type {any} */ (await (await fetch(`${url}config.json`)).json());
      expect(config.connections[0]).toMatchObject({ id: 'demo', protocolVersion: 5, autoConnect: true });
      expect(config.alarms[0]).toMatchObject({ topic: 'plant/site1/line1/press1/temperature', setpoint: 80 });
      const mqtt = await connect(config.connections[0].url);
      const meta = nextMessage(mqtt, (t) => t.endsWith('/meta'));
      await mqtt.subscribeAsync('plant/#');
      expect(JSON.parse(`${(await meta).payload}`).firmware).toBe('2.4.1');
      await mqtt.endAsync();
    } finally {
      const t0 = Date.now();
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      // Spec: gone within 2 s. start.mjs forces exit at 1.5 s; the rest is slack for a starved CI box.
      expect(Date.now() - t0).toBeLessThan(2500);
    }
  });

  // Issue 16 #7: npm runs the script under `sh -c`; a signal to npm alone reached neither sh nor
  // node, which kept the ports. Stopping is seen as the output pipe closing (every writer gone).
  it.each(['SIGINT', 'SIGTERM'])('stops everything when only the npm process gets %s', async (signal) => {
    const npm = spawn('npm', ['start', '--', '--dist', dist, '--port', '0', '--broker-port', '0'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '', BROKER_PORT: '' },
    });
    let out = '';
    npm.stdout.on('data', (d) => { out += d; });
    const closed = new Promise((resolve) => npm.stdout.on('close', resolve));
    try {
      const [, port] = await waitFor(() => out, /^Sightglass dashboard: http:\/\/127\.0\.0\.1:(\d+)\/$/m);
      await waitFor(() => out, /Ctrl-C/);
      npm.kill(/** @type {NodeJS.Signals} */ (signal));
      await closed;
      expect(out).toMatch(/^Sightglass demo stopped \(.+\)\.$/m);
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
    } finally {
      npm.kill('SIGKILL');
    }
  });

  it('exits 1 with one plain line when the port is busy', async () => {
    const blocker = createServer();
    await new Promise((r) => blocker.listen(0, '127.0.0.1', () => r(undefined)));
    const busy = /** @type {import('node:net').AddressInfo} */ (blocker.address()).port;
    try {
      const web = run(['--dist', dist, '--port', String(busy), '--broker-port', '0']);
      expect(await web.exited).toBe(1);
      expect(web.err().trim()).toBe(`Port ${busy} is already in use (dashboard HTTP server). Choose another with --port.`);
      const broker = run(['--dist', dist, '--port', '0', '--broker-port', String(busy)]);
      expect(await broker.exited).toBe(1);
      expect(broker.err().trim()).toBe(`Port ${busy} is already in use (broker WebSocket listener). Choose another with --broker-port.`);
    } finally {
      blocker.close();
    }
  });
});

describe('build freshness check', () => {
  it('is fresh only when dist/index.html is newer than every source', async () => {
    const repo = await mkdtemp(join(tmpdir(), 'sg-fresh-'));
    try {
      await mkdir(join(repo, 'src', 'engine'), { recursive: true });
      await mkdir(join(repo, 'dist'));
      const src = join(repo, 'src', 'engine', 'a.ts');
      await writeFile(src, '');
      expect((await checkBuildFresh(repo)).fresh).toBe(false); // no build yet
      const built = join(repo, 'dist', 'index.html');
      await writeFile(built, '');
      const old = new Date(Date.now() - 60_000);
      for (const p of [src, join(repo, 'src', 'engine'), join(repo, 'src')]) await utimes(p, old, old);
      expect(await checkBuildFresh(repo)).toEqual({ fresh: true, reason: expect.any(String) });
      await utimes(src, new Date(), new Date(Date.now() + 5000));
      expect(await checkBuildFresh(repo)).toMatchObject({ fresh: false, reason: 'src changed after the last build' });
    } finally {
      await rm(repo, { recursive: true, force: true });
    }
  });
});
