// A minimal Chrome DevTools Protocol client over one WebSocket, with flattened sessions.
// Deliberately NOT Playwright: Playwright enables the Network domain, which copies every
// WebSocket frame into the browser process and cut the bare page from ~11 800 to ~3 200 msgs/s
// (issue 9). Nothing here enables Network; pages and workers are driven with Runtime.evaluate.
import WebSocket from 'ws';

export class Cdp {
  /** @param {WebSocket} ws */
  constructor(ws) {
    this.ws = ws;
    this.nextId = 1;
    /** @type {Map<number, { resolve(v: any): void, reject(e: Error): void, method: string }>} */
    this.pending = new Map();
    /** @type {Map<string, Set<(params: any, sessionId: string | undefined) => void>>} */
    this.listeners = new Map();
    ws.on('message', (data) => this.receive(JSON.parse(data.toString())));
    ws.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`CDP connection closed during ${p.method}`));
      this.pending.clear();
    });
  }

  /** @param {string} url the browser's webSocketDebuggerUrl */
  static connect(url) {
    return new Promise((resolve, reject) => {
      // CPU profiles and heap figures can be large: allow big frames.
      const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 1024 * 1024 * 1024 });
      ws.once('open', () => resolve(new Cdp(ws)));
      ws.once('error', reject);
    });
  }

  /** @param {any} msg */
  receive(msg) {
    if (msg.id !== undefined) {
      const p = this.pending.get(msg.id);
      if (!p) return;
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(`${p.method}: ${msg.error.message}${msg.error.data ? ` (${msg.error.data})` : ''}`));
      else p.resolve(msg.result);
      return;
    }
    for (const fn of this.listeners.get(msg.method) ?? []) fn(msg.params, msg.sessionId);
  }

  /**
   * @param {string} method @param {object} [params] @param {string} [sessionId]
   * @returns {Promise<any>}
   */
  send(method, params = {}, sessionId) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, method });
      this.ws.send(JSON.stringify(sessionId ? { id, method, params, sessionId } : { id, method, params }));
    });
  }

  /** @param {string} method @param {(params: any, sessionId: string | undefined) => void} fn */
  on(method, fn) {
    if (!this.listeners.has(method)) this.listeners.set(method, new Set());
    this.listeners.get(method)?.add(fn);
    return () => this.listeners.get(method)?.delete(fn);
  }

  close() {
    this.ws.close();
  }
}

/** A flattened target session (page or worker). */
export class Session {
  /** @param {Cdp} cdp @param {string} sessionId @param {{ type: string, url: string }} info */
  constructor(cdp, sessionId, info) {
    this.cdp = cdp;
    this.id = sessionId;
    this.info = info;
  }

  /** @param {string} method @param {object} [params] */
  send(method, params = {}) {
    return this.cdp.send(method, params, this.id);
  }

  /**
   * Evaluates an expression (awaiting a returned promise) and returns its JSON value.
   * @param {string} expression
   * @returns {Promise<any>}
   */
  async evaluate(expression) {
    const r = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (r.exceptionDetails) {
      const d = r.exceptionDetails;
      throw new Error(`evaluate failed: ${d.exception?.description ?? d.text}\n  in: ${expression.slice(0, 200)}`);
    }
    return r.result.value;
  }

  /** JS heap in bytes after a forced GC (so that garbage does not count). */
  async heapAfterGc() {
    await this.send('HeapProfiler.collectGarbage').catch(() => {});
    const { usedSize, totalSize } = await this.send('Runtime.getHeapUsage');
    return { used: usedSize, total: totalSize };
  }

  /** @param {number} ms @returns {Promise<any>} a CPU profile (Profiler.Profile) of the next `ms` */
  async cpuProfile(ms) {
    await this.send('Profiler.enable');
    await this.send('Profiler.setSamplingInterval', { interval: 500 });
    await this.send('Profiler.start');
    await new Promise((r) => setTimeout(r, ms));
    const { profile } = await this.send('Profiler.stop');
    await this.send('Profiler.disable');
    return profile;
  }
}
