// Headless system Chromium driven over the DevTools protocol (see cdp.mjs for why not Playwright).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Cdp, Session } from './cdp.mjs';

export const CHROMIUM_BIN = process.env.CHROMIUM_PATH
  ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((p) => existsSync(p))
  ?? 'chromium';

export const VIEWPORT = { width: 1920, height: 1080 };

/** @param {{ log?: (line: string) => void }} [opts] */
export async function launchChromium({ log = () => {} } = {}) {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'sightglass-bench-chromium-'));
  const args = [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`,
    // A measured page must never be throttled as a background tab.
    '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
    '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--mute-audio',
    `--window-size=${VIEWPORT.width},${VIEWPORT.height}`, 'about:blank',
  ];
  const proc = spawn(CHROMIUM_BIN, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const wsUrl = await new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`chromium did not print its DevTools URL in 20 s:\n${buf.slice(-2000)}`)), 20_000);
    proc.once('error', (err) => { clearTimeout(timer); reject(new Error(`cannot start ${CHROMIUM_BIN}: ${err.message}`)); });
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`chromium exited with ${code}:\n${buf.slice(-2000)}`)); });
    proc.stderr.on('data', (chunk) => {
      buf += chunk.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(buf);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
  });
  // Keep draining stderr so chromium never blocks on a full pipe.
  proc.stderr.on('data', (chunk) => { for (const line of chunk.toString().split('\n')) if (line.trim()) log(line); });
  const cdp = await Cdp.connect(/** @type {string} */ (wsUrl));
  const { product } = await cdp.send('Browser.getVersion');
  return new Browser(cdp, proc, userDataDir, product);
}

export class Browser {
  /** @param {Cdp} cdp @param {import('node:child_process').ChildProcess} proc @param {string} dir @param {string} product */
  constructor(cdp, proc, dir, product) {
    this.cdp = cdp;
    this.proc = proc;
    this.dir = dir;
    this.product = product;
    /** @type {Map<string, Set<(s: Session) => void>>} parent session id → worker listeners */
    this.workerListeners = new Map();
    cdp.on('Target.attachedToTarget', (params, parentSessionId) => {
      const info = params.targetInfo;
      if (!parentSessionId || (info.type !== 'worker' && info.type !== 'shared_worker')) return;
      const session = new Session(cdp, params.sessionId, info);
      for (const fn of this.workerListeners.get(parentSessionId) ?? []) fn(session);
    });
  }

  /**
   * Opens a page in a fresh browser context (own storage: IndexedDB, service worker, cache),
   * attached with auto-attach so that its dedicated workers get sessions too.
   * @param {string} url
   * @param {{ beforeLoad?: string }} [opts] beforeLoad: script run in the page before its own scripts
   */
  async openPage(url, { beforeLoad } = {}) {
    const { browserContextId } = await this.cdp.send('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await this.cdp.send('Target.createTarget', { url: 'about:blank', browserContextId, ...VIEWPORT });
    const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const session = new Session(this.cdp, sessionId, { type: 'page', url });
    const page = new Page(this, session, targetId, browserContextId);
    /** @type {Set<(s: Session) => void>} */
    const listeners = new Set([(w) => page.workers.push(w)]);
    this.workerListeners.set(sessionId, listeners);
    await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: true });
    if (beforeLoad) {
      await session.send('Page.enable');
      await session.send('Page.addScriptToEvaluateOnNewDocument', { source: beforeLoad });
    }
    await session.send('Emulation.setFocusEmulationEnabled', { enabled: true }).catch(() => {});
    await session.send('Page.navigate', { url });
    return page;
  }

  async close() {
    try { await Promise.race([this.cdp.send('Browser.close'), new Promise((r) => setTimeout(r, 3000))]); } catch { /* gone */ }
    this.cdp.close();
    if (this.proc.exitCode === null && this.proc.signalCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => { this.proc.kill('SIGKILL'); }, 3000);
        this.proc.once('exit', () => { clearTimeout(timer); resolve(undefined); });
        this.proc.kill('SIGTERM');
      });
    }
    await rm(this.dir, { recursive: true, force: true }).catch(() => {});
  }
}

export class Page {
  /** @param {Browser} browser @param {Session} session @param {string} targetId @param {string} contextId */
  constructor(browser, session, targetId, contextId) {
    this.browser = browser;
    this.session = session;
    this.targetId = targetId;
    this.contextId = contextId;
    /** @type {Session[]} */
    this.workers = [];
  }

  /** @param {string} expression */
  evaluate(expression) {
    return this.session.evaluate(expression);
  }

  /**
   * Polls `expression` until it returns a truthy value.
   * @param {string} expression @param {{ timeoutMs?: number, intervalMs?: number, what?: string }} [opts]
   */
  async waitFor(expression, { timeoutMs = 30_000, intervalMs = 100, what = expression } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await this.evaluate(expression).catch(() => undefined);
      if (v) return v;
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }

  /**
   * The worker whose URL matches, once it exists.
   * @param {RegExp} urlPattern @param {number} [timeoutMs]
   */
  async worker(urlPattern, timeoutMs = 15_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const w = this.workers.find((s) => urlPattern.test(s.info.url));
      if (w) return w;
      if (Date.now() > deadline) throw new Error(`no worker matching ${urlPattern} (workers: ${this.workers.map((s) => s.info.url).join(', ') || 'none'})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Clicks at page coordinates with real input events (mouse moved, pressed, released). */
  async click(x, y) {
    await this.session.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x, y });
    await this.session.send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await this.session.send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  }

  async close() {
    this.browser.workerListeners.delete(this.session.id);
    await this.browser.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => {});
    await this.browser.cdp.send('Target.disposeBrowserContext', { browserContextId: this.contextId }).catch(() => {});
  }
}
