// The bench's broker: the system Mosquitto on free loopback ports (a TCP listener for the Node
// publisher, a websockets listener for the measured clients), or the demo's embedded aedes broker
// when Mosquitto is not installed. Mosquitto reports what it drops ($SYS, once a second), which is
// how the bench tells "the broker dropped QoS 0 for a slow consumer" from "lost somewhere".
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import mqtt from 'mqtt';

export const MOSQUITTO_BIN = process.env.MOSQUITTO_PATH
  ?? ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto'].find((p) => existsSync(p));

const HOST = '127.0.0.1';
const DROPPED_TOPIC = '$SYS/broker/publish/messages/dropped';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/** @param {number} port */
function accepts(port) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host: HOST });
    const done = (/** @type {boolean} */ ok) => { sock.destroy(); resolve(ok); };
    sock.setTimeout(250, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/**
 * @param {{ maxQueued?: number, forceAedes?: boolean, log?: (s: string) => void }} [opts]
 *   maxQueued: Mosquitto's max_queued_messages. The default (1000, Mosquitto's own default) makes it
 *   drop QoS 0 for a client that falls behind, and count the drops; 0 = queue without limit.
 */
export async function startBroker({ maxQueued = 1000, forceAedes = false, log = () => {} } = {}) {
  const broker = MOSQUITTO_BIN && !forceAedes ? await startMosquitto(maxQueued) : await startAedes(log);
  const monitor = await startDropMonitor(broker.tcpUrl, broker.kind === 'mosquitto');
  return {
    ...broker,
    /**
     * Messages the broker dropped so far (null when the broker does not say). Waits for the
     * broker's next report (~1.3 s) unless `latest`: then the last value reported, for a baseline
     * taken while nothing is being dropped.
     * @param {{ latest?: boolean }} [opts]
     */
    async dropped({ latest = false } = {}) {
      return monitor.read(latest);
    },
    async stop() {
      await monitor.stop();
      await broker.stop();
    },
  };
}

/** @param {number} maxQueued */
async function startMosquitto(maxQueued) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sightglass-bench-mosquitto-'));
  const conf = path.join(dir, 'mosquitto.conf');
  let out = '';
  for (let attempt = 1; ; attempt++) {
    const tcpPort = await freePort();
    const wsPort = await freePort();
    const lines = [
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      'per_listener_settings false', 'allow_anonymous true', 'persistence false',
      'log_dest stderr', 'log_type error', 'log_type warning',
      'sys_interval 1', `max_queued_messages ${maxQueued}`,
      `listener ${tcpPort} ${HOST}`, 'protocol mqtt',
      `listener ${wsPort} ${HOST}`, 'protocol websockets',
    ];
    await writeFile(conf, `${lines.join('\n')}\n`);
    const proc = spawn(/** @type {string} */ (MOSQUITTO_BIN), ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    proc.stderr.on('data', (c) => { out = (out + c.toString()).slice(-8000); });
    let exited = false;
    proc.once('exit', () => { exited = true; });
    const deadline = Date.now() + 5000;
    while (!exited && Date.now() < deadline && !((await accepts(tcpPort)) && (await accepts(wsPort)))) await new Promise((r) => setTimeout(r, 30));
    if (!exited && Date.now() < deadline) {
      const version = await new Promise((resolve) => {
        const p = spawn(/** @type {string} */ (MOSQUITTO_BIN), ['-h'], { stdio: ['ignore', 'pipe', 'ignore'] });
        let s = '';
        p.stdout.on('data', (c) => { s += c; });
        p.once('exit', () => resolve(/mosquitto version (\S+)/.exec(s)?.[1] ?? '?'));
      });
      return {
        kind: /** @type {const} */ ('mosquitto'),
        description: `Mosquitto ${version} (${MOSQUITTO_BIN}), max_queued_messages ${maxQueued || 'unlimited'}`,
        wsUrl: `ws://${HOST}:${wsPort}`,
        tcpUrl: `mqtt://${HOST}:${tcpPort}`,
        log: () => out,
        async stop() {
          if (!exited) {
            await new Promise((resolve) => {
              const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
              proc.once('exit', () => { clearTimeout(t); resolve(undefined); });
              proc.kill('SIGTERM');
            });
          }
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
    proc.kill('SIGKILL');
    if (attempt >= 3) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`mosquitto did not start:\n${out}`);
    }
  }
}

/** @param {(s: string) => void} log */
async function startAedes(log) {
  log('Mosquitto not found (set MOSQUITTO_PATH or install mosquitto): using the embedded aedes broker from demo/broker.mjs. '
    + 'It runs inside the bench process and does not report drops, so figures are not comparable with Mosquitto runs.');
  const { startBroker: startDemoBroker } = await import('../../demo/broker.mjs');
  const b = await startDemoBroker({ wsPort: 0, tcpPort: await freePort(), host: HOST });
  return {
    kind: /** @type {const} */ ('aedes'),
    description: 'embedded aedes (demo/broker.mjs) — Mosquitto not found',
    wsUrl: b.wsUrl,
    tcpUrl: /** @type {string} */ (b.tcpUrl),
    log: () => '',
    stop: () => b.close(),
  };
}

/**
 * Follows Mosquitto's dropped-messages counter. Mosquitto publishes it (retained) only when it
 * changes, so "never seen" means 0.
 * @param {string} tcpUrl @param {boolean} supported
 */
async function startDropMonitor(tcpUrl, supported) {
  if (!supported) return { read: async (/** @type {boolean} */ _latest) => null, stop: async () => {} };
  const client = mqtt.connect(tcpUrl, { clientId: `bench-sys-${process.pid}`, reconnectPeriod: 500 });
  client.on('error', () => {});
  let value = 0;
  client.on('message', (_t, payload) => {
    value = Number(payload.toString()) || 0;
  });
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('cannot connect the $SYS monitor')), 5000);
    client.once('connect', () => { clearTimeout(t); client.subscribe(DROPPED_TOPIC, { qos: 0 }, () => resolve(undefined)); });
  });
  return {
    /** @param {boolean} latest */
    async read(latest) {
      // A change is published within sys_interval (1 s); wait that long past the last quiet moment.
      if (!latest) await new Promise((r) => setTimeout(r, 1300));
      return value;
    },
    stop: () => new Promise((resolve) => client.end(true, {}, () => resolve(undefined))),
  };
}
