/**
 * A real Mosquitto broker for end-to-end tests.
 *
 * Each call to `startMosquitto()` writes a config into a fresh temp dir and runs
 * `mosquitto -c <conf>` on free loopback ports: a plain MQTT/TCP listener (for
 * Node-side publishers and subscribers), a `protocol websockets` listener (what the
 * browser app connects to) and, with `tls: true`, a second websockets listener with a
 * self-signed certificate for 127.0.0.1/localhost.
 *
 * Known quirks of Debian's Mosquitto 2.0.11:
 * - the websockets listener ignores the bind address (libwebsockets listens on all
 *   interfaces); the URLs we hand out always use 127.0.0.1.
 * - the websockets listener stalls on messages over ~150 KB: keep payloads that go
 *   through it small.
 * - `per_listener_settings false`: users/ACL apply to every listener.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const MOSQUITTO_BIN =
  process.env.MOSQUITTO_PATH ??
  ['/usr/sbin/mosquitto', '/usr/bin/mosquitto', '/usr/local/sbin/mosquitto', '/usr/local/bin/mosquitto'].find((p) =>
    existsSync(p),
  ) ??
  'mosquitto';
const MOSQUITTO_PASSWD_BIN = process.env.MOSQUITTO_PASSWD_PATH ?? 'mosquitto_passwd';
const HOST = '127.0.0.1';
const START_TIMEOUT_MS = 5_000;
const STOP_TIMEOUT_MS = 3_000;
const LOG_LIMIT = 256 * 1024;

export interface MosquittoOptions {
  /** username → password. Writes a hashed password_file and sets `allow_anonymous false`. */
  users?: Record<string, string>;
  /** Text of an acl_file (e.g. "user alice\ntopic readwrite plant/#"). */
  acl?: string;
  /** Adds a TLS websockets listener (self-signed cert for 127.0.0.1 and localhost) → wssUrl. */
  tls?: boolean;
  /** Enables persistence (stored in the temp dir; survives restart(), written on clean stop). */
  persistence?: boolean;
  /** Extra raw lines appended to the global section of mosquitto.conf; `{dir}` is the broker's temp dir. */
  extraConfig?: string;
  /** name → text, written into the broker's temp dir (removed with it), e.g. a plugin's config file. */
  files?: Record<string, string>;
}

export interface Mosquitto {
  host: string;
  tcpPort: number;
  wsPort: number;
  wssPort?: number;
  /** mqtt://127.0.0.1:<tcpPort> — use from Node (mqtt.js). */
  tcpUrl: string;
  /** ws://127.0.0.1:<wsPort> — what the browser app connects to. */
  wsUrl: string;
  /** wss://127.0.0.1:<wssPort> — only with `tls: true`. */
  wssUrl?: string;
  /** PEM of the self-signed certificate (pass as `ca` to mqtt.js) — only with `tls: true`. */
  caPem?: string;
  /** The temp dir holding mosquitto.conf, passwords, ACL, certs and persistence. */
  dir: string;
  /** PID of the running broker process, undefined when it is not running. */
  readonly pid: number | undefined;
  readonly running: boolean;
  /** Everything the broker wrote to stdout/stderr so far (all restarts; capped at 256 KB). */
  log(): string;
  /**
   * Resolves with the first log line matching `pattern` (searching from char offset `from`,
   * e.g. a previous `log().length`); rejects after timeoutMs (default 5000) with the log.
   * Lines look like "22:04:14: New client connected from 127.0.0.1:5555 as id (p5, c1, k60)."
   * (p2 = MQTT 3.1.1, p5 = MQTT 5) and, for subscriptions, "22:04:14: <client id> <qos> <filter>".
   */
  waitForLog(pattern: RegExp, opts?: { timeoutMs?: number; from?: number }): Promise<string>;
  /** Graceful stop (SIGTERM, then SIGKILL after 3 s); removes the temp dir. Idempotent. */
  stop(): Promise<void>;
  /** Stops (if running) and starts again on the same ports and config. */
  restart(): Promise<void>;
  /** Abrupt SIGKILL (simulated crash); the temp dir is kept so restart() works. */
  kill(): Promise<void>;
}

/** A port that is free right now (listen on 0, read it, close). */
export async function getFreePort(): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    // No host: bind the wildcard address, because mosquitto's websockets listener does too.
    server.listen(0, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('could not get a free port'))));
    });
  });
}

/** Resolves true when something accepts TCP connections on host:port. */
export function canConnect(port: number, host = HOST, timeoutMs = 250): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

// Brokers still alive when the test process exits (crash, Ctrl-C) are killed.
const liveChildren = new Set<ChildProcess>();
let exitHookInstalled = false;
function trackChild(child: ChildProcess) {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const c of liveChildren) {
        try {
          c.kill('SIGKILL');
        } catch {
          /* already gone */
        }
      }
    });
  }
  liveChildren.add(child);
  child.once('exit', () => liveChildren.delete(child));
}

async function generateCert(dir: string): Promise<{ certFile: string; keyFile: string }> {
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  // prettier-ignore
  await execFileAsync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-addext', 'basicConstraints=critical,CA:TRUE',
  ]);
  return { certFile, keyFile };
}

async function writePasswordFile(dir: string, users: Record<string, string>): Promise<string> {
  const file = path.join(dir, 'passwd');
  for (const name of Object.keys(users)) {
    if (!name || name.includes(':')) throw new Error(`mosquitto: invalid username ${JSON.stringify(name)}`);
  }
  // Write "user:password" lines, then hash them all in place with one mosquitto_passwd call.
  await writeFile(file, Object.entries(users).map(([u, p]) => `${u}:${p}\n`).join(''), { mode: 0o600 });
  try {
    await execFileAsync(MOSQUITTO_PASSWD_BIN, ['-U', file]);
  } catch {
    // Fallback for builds without -U: add users one by one with -b.
    await writeFile(file, '', { mode: 0o600 });
    for (const [u, p] of Object.entries(users)) await execFileAsync(MOSQUITTO_PASSWD_BIN, ['-b', file, u, p]);
  }
  return file;
}

interface Ports {
  tcpPort: number;
  wsPort: number;
  wssPort?: number;
}

function buildConfig(dir: string, ports: Ports, opts: MosquittoOptions, files: { passwd?: string; acl?: string; cert?: { certFile: string; keyFile: string } }) {
  const lines: string[] = [];
  // Running as root, mosquitto would switch to user "mosquitto", which cannot read our 0700 temp dir.
  if (typeof process.getuid === 'function' && process.getuid() === 0) lines.push('user root');
  lines.push(
    'per_listener_settings false',
    `allow_anonymous ${opts.users ? 'false' : 'true'}`,
    'log_dest stderr',
    'log_type error',
    'log_type warning',
    'log_type notice',
    'log_type information',
    'log_type subscribe',
    'log_type unsubscribe',
    'connection_messages true',
    'log_timestamp true',
    'log_timestamp_format %H:%M:%S',
  );
  if (files.passwd) lines.push(`password_file ${files.passwd}`);
  if (files.acl) lines.push(`acl_file ${files.acl}`);
  if (opts.persistence) lines.push('persistence true', `persistence_location ${dir}${path.sep}`, 'autosave_interval 1');
  else lines.push('persistence false');
  if (opts.extraConfig) lines.push(opts.extraConfig.replaceAll('{dir}', dir));
  lines.push('', `listener ${ports.tcpPort} ${HOST}`, 'protocol mqtt');
  lines.push('', `listener ${ports.wsPort} ${HOST}`, 'protocol websockets');
  if (ports.wssPort && files.cert) {
    lines.push('', `listener ${ports.wssPort} ${HOST}`, 'protocol websockets', `certfile ${files.cert.certFile}`, `keyfile ${files.cert.keyFile}`);
  }
  return lines.join('\n') + '\n';
}

export async function startMosquitto(opts: MosquittoOptions = {}): Promise<Mosquitto> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sightglass-mosquitto-'));
  const confFile = path.join(dir, 'mosquitto.conf');
  let logText = '';
  const appendLog = (chunk: Buffer | string) => {
    logText += chunk.toString();
    if (logText.length > LOG_LIMIT) logText = logText.slice(-LOG_LIMIT);
  };

  let child: ChildProcess | undefined;
  let stopped = false;

  const files: { passwd?: string; acl?: string; cert?: { certFile: string; keyFile: string } } = {};
  try {
    if (opts.users) files.passwd = await writePasswordFile(dir, opts.users);
    if (opts.acl !== undefined) {
      files.acl = path.join(dir, 'acl');
      await writeFile(files.acl, opts.acl.endsWith('\n') ? opts.acl : opts.acl + '\n', { mode: 0o600 });
    }
    if (opts.tls) files.cert = await generateCert(dir);
    for (const [name, text] of Object.entries(opts.files ?? {})) await writeFile(path.join(dir, name), text, { mode: 0o600 });
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const spawnBroker = async (ports: Ports): Promise<void> => {
    await writeFile(confFile, buildConfig(dir, ports, opts, files));
    const logStart = logText.length;
    const proc = spawn(MOSQUITTO_BIN, ['-c', confFile], { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    trackChild(proc);
    proc.stdout?.on('data', appendLog);
    proc.stderr?.on('data', appendLog);
    child = proc;

    let exitInfo: string | undefined;
    proc.once('exit', (code, signal) => {
      exitInfo = `exited with ${signal ?? `code ${code}`}`;
    });
    proc.once('error', (err) => {
      exitInfo = `failed to spawn ${MOSQUITTO_BIN}: ${err.message}`;
    });

    const wanted = [ports.tcpPort, ports.wsPort, ...(ports.wssPort ? [ports.wssPort] : [])];
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      if (exitInfo) break;
      const ready = await Promise.all(wanted.map((p) => canConnect(p)));
      if (ready.every(Boolean) && !exitInfo) return;
      if (Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    if (!exitInfo) await killProcess(proc, 'SIGKILL');
    child = undefined;
    const output = logText.slice(logStart).trim() || '(no output)';
    throw new MosquittoStartError(
      `mosquitto did not start (${exitInfo ?? `ports ${wanted.join(', ')} not accepting connections after ${START_TIMEOUT_MS} ms`}).\n` +
        `config ${confFile}:\n${await readFile(confFile, 'utf8').catch(() => '?')}\nmosquitto output:\n${output}`,
      output,
    );
  };

  // Initial start: another process may grab a probed port before mosquitto binds it; retry with new ports.
  let ports: Ports | undefined;
  for (let attempt = 1; ; attempt++) {
    const candidate: Ports = { tcpPort: await getFreePort(), wsPort: await getFreePort() };
    if (opts.tls) candidate.wssPort = await getFreePort();
    const distinct = new Set([candidate.tcpPort, candidate.wsPort, candidate.wssPort].filter(Boolean));
    if (distinct.size !== (opts.tls ? 3 : 2)) continue;
    try {
      await spawnBroker(candidate);
      ports = candidate;
      break;
    } catch (err) {
      const addressInUse = err instanceof MosquittoStartError && /address already in use/i.test(err.output);
      if (!addressInUse || attempt >= 3) {
        await rm(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }

  const caPem = files.cert ? await readFile(files.cert.certFile, 'utf8') : undefined;
  const fixedPorts = ports;

  const stopProcess = async (signal: NodeJS.Signals) => {
    const proc = child;
    child = undefined;
    if (proc) await killProcess(proc, signal);
  };

  const broker: Mosquitto = {
    host: HOST,
    tcpPort: fixedPorts.tcpPort,
    wsPort: fixedPorts.wsPort,
    wssPort: fixedPorts.wssPort,
    tcpUrl: `mqtt://${HOST}:${fixedPorts.tcpPort}`,
    wsUrl: `ws://${HOST}:${fixedPorts.wsPort}`,
    wssUrl: fixedPorts.wssPort ? `wss://${HOST}:${fixedPorts.wssPort}` : undefined,
    caPem,
    dir,
    get pid() {
      return child?.pid;
    },
    get running() {
      return !!child && child.exitCode === null && child.signalCode === null;
    },
    log: () => logText,
    async waitForLog(pattern, { timeoutMs = 5_000, from = 0 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const lines = logText.slice(from).split('\n');
        const hit = lines.find((line) => pattern.test(line));
        if (hit !== undefined) return hit;
        if (Date.now() > deadline) {
          throw new Error(`mosquitto log has no line matching ${pattern} after ${timeoutMs} ms:\n${logText.slice(from).slice(-4000)}`);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopProcess('SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    async kill() {
      await stopProcess('SIGKILL');
    },
    async restart() {
      if (stopped) throw new Error('mosquitto: restart() after stop()');
      await stopProcess('SIGTERM');
      // The old sockets are closed once the process has exited; mosquitto sets SO_REUSEADDR,
      // but retry briefly in case the kernel has not released a port yet.
      const deadline = Date.now() + START_TIMEOUT_MS;
      for (;;) {
        try {
          await spawnBroker(fixedPorts);
          return;
        } catch (err) {
          const addressInUse = err instanceof MosquittoStartError && /address already in use/i.test(err.output);
          if (!addressInUse || Date.now() > deadline) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
  };
  return broker;
}

class MosquittoStartError extends Error {
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'MosquittoStartError';
  }
}

function killProcess(proc: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      try {
        proc.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }, STOP_TIMEOUT_MS);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      proc.kill(signal);
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}
