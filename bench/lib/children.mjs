// Parent-side handles for the bench's child processes (publisher, Node reference subscriber).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = (/** @type {string} */ f) => fileURLToPath(new URL(f, import.meta.url));

/**
 * @param {import('node:child_process').ChildProcess} child @param {string} type @param {number} timeoutMs
 * @returns {Promise<any>}
 */
function nextMessage(child, type, timeoutMs) {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => { child.off('message', on); reject(new Error(`child did not answer "${type}" in ${timeoutMs} ms`)); }, timeoutMs);
    const on = (/** @type {any} */ m) => {
      if (m.type === 'error') { clearTimeout(t); child.off('message', on); reject(new Error(m.message)); }
      if (m.type !== type) return;
      clearTimeout(t);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
  });
}

/** @param {import('node:child_process').ChildProcess} child */
function exitChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
    const t = setTimeout(() => child.kill('SIGKILL'), 2000);
    child.once('exit', () => { clearTimeout(t); resolve(undefined); });
    child.send({ type: 'exit' });
  });
}

/** The load generator, in its own process. @param {string} tcpUrl */
export async function startPublisher(tcpUrl) {
  const child = fork(here('./publisherProcess.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ type: 'connect', url: tcpUrl });
  // 30 s: at load 25+ on 2 cores, 10 s was seen to pass before a fresh Node process connected.
  // Without an answer the child is ended, not left behind holding the bench's stdout.
  await nextMessage(child, 'ready', 30_000).catch(async (err) => {
    await exitChild(child);
    throw err;
  });
  let sent = 0;
  child.on('message', (/** @type {any} */ m) => { if (m.type === 'progress' || m.type === 'done') sent = m.sent; });
  return {
    get sent() { return sent; },
    /**
     * Starts a job; the returned promise resolves with { sent, ms } when it ends.
     * @param {Record<string, any>} job
     * @returns {Promise<{ sent: number, ms: number }>}
     */
    run(job) {
      sent = 0;
      const done = nextMessage(child, 'done', (job.durationMs ?? 0) + 15 * 60_000);
      child.send(job);
      return done;
    },
    stopJob() { child.send({ type: 'stop' }); },
    /** Flow control for a `credit` job: publish up to this many messages in all. @param {number} upTo */
    allow(upTo) { child.send({ type: 'allow', upTo }); },
    stop: () => exitChild(child),
  };
}

/** The Node mqtt.js WebSocket reference subscriber, in its own process. @param {string} wsUrl */
export async function startNodeSubscriber(wsUrl) {
  const child = fork(here('./nodeSubscriberProcess.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let last = { count: 0, at: Date.now(), bad: 0 };
  child.on('message', (/** @type {any} */ m) => { if (m.type === 'count') last = m; });
  child.send({ type: 'start', url: wsUrl, filter: '#' });
  await nextMessage(child, 'ready', 10_000);
  return {
    sample: async () => ({ count: last.count, at: last.at, bad: last.bad }),
    stop: () => exitChild(child),
  };
}

/**
 * The Sparkplug edge node that floods DDATA (sparkplugEdgeProcess.mjs), in its own process; the
 * same shape as startPublisher, so scenario code can measure it with measureFlood.
 * @param {string} tcpUrl
 */
export async function startSparkplugEdge(tcpUrl) {
  const child = fork(here('./sparkplugEdgeProcess.mjs'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.send({ type: 'connect', url: tcpUrl });
  await nextMessage(child, 'ready', 30_000); // loads protobufjs; slow on a busy machine
  return {
    /**
     * NBIRTH + DBIRTHs, then DDATA by alias until durationMs; resolves with { sent, ms, rebirths }.
     * @param {{ rate?: number, durationMs?: number }} job
     * @returns {Promise<{ sent: number, ms: number, rebirths: number }>}
     */
    run(job) {
      const done = nextMessage(child, 'done', (job.durationMs ?? 0) + 15 * 60_000);
      child.send({ type: 'flood', rate: job.rate, durationMs: job.durationMs });
      return done;
    },
    stop: () => exitChild(child),
  };
}
