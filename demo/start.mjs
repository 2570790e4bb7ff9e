// `npm start`: build the SPA if needed, then run the embedded broker, the
// simulated plant and the static server with a config that auto-connects the
// dashboard to that broker. One process, Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startBroker } from './broker.mjs';
import { startPlant, SCENARIOS } from './plant.mjs';
import { serveStatic } from './staticServer.mjs';
import { demoConfig } from './demoConfig.mjs';
import { checkBuildFresh } from './freshness.mjs';

// Resolve from this file, not cwd: `npm start` may be run from any directory.
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const WILDCARD = new Set(['0.0.0.0', '::', '']);

const USAGE = `Usage: npm start -- [options]
  --port <n>           dashboard HTTP port (default 8080, env PORT)
  --broker-port <n>    MQTT over WebSocket port (default 9001, env BROKER_PORT)
  --broker-tcp-port <n> also listen for plain MQTT/TCP (default off)
  --host <addr>        address to bind (default 127.0.0.1; 0.0.0.0 to reach it from tablets)
  --scenario <name>    ${SCENARIOS.join(' | ')} (default steady)
  --flood-rate <n>     flood scenario: msgs/s, 0 = as fast as possible (default 0)
  --flood-topics <n>   flood scenario: distinct topics (default 1000)
  --no-build           serve dist/ as it is, even if sources changed
  --dist <dir>         serve another build directory (implies --no-build)`;

/** A user-facing failure: print the message only, no stack trace. */
class UsageError extends Error {
  friendly = true;
}

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function portArg(value, flag, fallback) {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new UsageError(`${flag} must be a port number 0-65535, got "${value}".`);
  return n;
}

/** @param {string | undefined} value @param {string} flag @param {number} fallback */
function countArg(value, flag, fallback) {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, got "${value}".`);
  return n;
}

function parseOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' }, 'broker-port': { type: 'string' }, 'broker-tcp-port': { type: 'string' },
        host: { type: 'string' }, scenario: { type: 'string' }, 'no-build': { type: 'boolean' },
        dist: { type: 'string' }, help: { type: 'boolean', short: 'h' },
        'flood-rate': { type: 'string' }, 'flood-topics': { type: 'string' },
      },
    }));
  } catch (err) {
    throw new UsageError(`${/** @type {Error} */ (err).message}\n${USAGE}`);
  }
  if (values.help) { console.log(USAGE); process.exit(0); }
  const scenario = values.scenario ?? 'steady';
  if (!SCENARIOS.includes(scenario)) throw new UsageError(`Unknown --scenario "${scenario}". Choose one of: ${SCENARIOS.join(', ')}.`);
  return {
    port: portArg(values.port ?? process.env.PORT, '--port', 8080),
    brokerPort: portArg(values['broker-port'] ?? process.env.BROKER_PORT, '--broker-port', 9001),
    brokerTcpPort: portArg(values['broker-tcp-port'], '--broker-tcp-port', 0),
    host: values.host ?? '127.0.0.1',
    scenario,
    floodRate: countArg(values['flood-rate'], '--flood-rate', 0),
    floodTopics: countArg(values['flood-topics'], '--flood-topics', 1000),
    build: !values['no-build'] && !values.dist,
    dist: resolve(values.dist ?? join(REPO_ROOT, 'dist')),
  };
}

/** Run `npx vite build` in the repo root with the user's terminal attached. */
function viteBuild() {
  return new Promise((done, fail) => {
    const child = spawn('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (err) => fail(new UsageError(`Could not run "npx vite build": ${err.message}`)));
    child.on('exit', (code, signal) => (code === 0 ? done(undefined) : fail(new UsageError(
      `Build failed (vite build exited with ${signal ?? `code ${code}`}). Fix the errors above, or use --no-build to serve the existing dist/.`))));
  });
}

async function main() {
  const opts = parseOptions();
  if (opts.build) {
    const { fresh, reason } = await checkBuildFresh(REPO_ROOT);
    if (!fresh) {
      console.log(`Building the dashboard (${reason})...`);
      await viteBuild();
    }
  }
  if (!existsSync(join(opts.dist, 'index.html'))) {
    throw new UsageError(`${join(opts.dist, 'index.html')} not found. Run without --no-build to build it first.`);
  }

  // Bind everything before starting the plant, so a busy port fails fast and quietly.
  /** @type {Array<() => Promise<void>>} */
  const stops = [];
  const shutdown = async () => { for (const stop of stops.reverse()) await stop().catch(() => {}); };
  try {
    const broker = await startBroker({ wsPort: opts.brokerPort, tcpPort: opts.brokerTcpPort, host: opts.host });
    stops.push(broker.close);
    const wildcard = WILDCARD.has(opts.host);
    // On 0.0.0.0 the browser reaches us by whatever name it used for the page,
    // so derive the broker URL from the Host header instead of a fixed address.
    const config = wildcard
      ? (/** @type {import('node:http').IncomingMessage} */ req) =>
        demoConfig({ wsUrl: `ws://${new URL(`http://${req.headers.host ?? '127.0.0.1'}`).hostname}:${broker.wsPort}` })
      : demoConfig({ wsUrl: broker.wsUrl });
    const server = await serveStatic({ root: opts.dist, basePath: '/', port: opts.port, host: opts.host, config });
    stops.push(server.close);
    const plantUrl = wildcard ? `ws://127.0.0.1:${broker.wsPort}` : broker.wsUrl;
    const plant = startPlant({ url: plantUrl, scenario: opts.scenario, floodRate: opts.floodRate, floodTopics: opts.floodTopics });
    stops.push(plant.stop);

    const shown = wildcard ? 'http://127.0.0.1' : new URL(server.url).origin.replace(/:\d+$/, '');
    console.log(`Sightglass dashboard: ${shown}:${server.port}/`);
    console.log(`MQTT broker: ${broker.wsUrl}${broker.tcpUrl ? ` and ${broker.tcpUrl}` : ''} (scenario "${opts.scenario}"). Press Ctrl-C to stop.`);
  } catch (err) {
    await shutdown();
    throw err;
  }

  let stopping = false;
  const stop = (/** @type {string} */ why) => {
    if (stopping) process.exit(0); // second Ctrl-C: do not wait
    stopping = true;
    const done = () => { console.log(`Sightglass demo stopped (${why}).`); process.exit(0); };
    // Hard deadline: a stuck socket must never keep the terminal hostage.
    setTimeout(done, 1500).unref();
    shutdown().finally(done);
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // `npm start` runs us under `sh -c`: a signal sent to the npm process alone (a process manager,
  // `kill <npm pid>`) ends npm but reaches neither sh nor us, which would keep the ports. Stop when
  // an ancestor goes away (issue 16 #7).
  const ancestors = ancestorPids();
  setInterval(() => { if (ancestors.some((pid) => !isAlive(pid))) stop('its parent process ended'); }, 300).unref();
}

/** The parent and, where /proc tells, the grandparent (npm above `sh -c`); never init. */
function ancestorPids() {
  const pids = [process.ppid];
  try {
    const stat = readFileSync(`/proc/${process.ppid}/stat`, 'utf8');
    const grand = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (Number.isInteger(grand) && grand > 1) pids.push(grand);
  } catch { /* no /proc (macOS): the parent alone */ }
  return pids.filter((pid) => pid > 1);
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
}

main().catch((err) => {
  if (err?.friendly) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
