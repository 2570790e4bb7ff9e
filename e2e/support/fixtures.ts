/**
 * Playwright fixtures for Sightglass end-to-end tests.
 *
 *   import { test, expect, configFor } from './support/fixtures';
 *
 *   test('…', async ({ page, broker, app, mqttClients }) => {
 *     await app.open(configFor(broker));                 // serves dist/ + config.json, goes there
 *     const pub = await mqttClients.connect();           // mqtt.js over broker.tcpUrl
 *   });
 *
 * - `broker`: a fresh real mosquitto per test (starts in ~50 ms). Options per file/describe:
 *   `test.use({ brokerOptions: { users: { alice: 'secret' }, tls: true } })`.
 * - `app`: serves /work/main/dist with demo/staticServer.mjs (`serveStatic`) and opens it.
 * - `page`: fails the test at teardown on any uncaught page error or console error, except
 *   those allowed via `test.use({ allowedPageErrors: [/…/] })` or `pageErrors.allow(/…/)`.
 * - `mqttClients`: Node-side mqtt.js clients, closed automatically at teardown.
 */
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startMosquitto, type Mosquitto, type MosquittoOptions } from './mosquitto';
import { connectClient, endClient, type ConnectOptions, type MqttClient } from './mqttClient';

export { expect };
export type { Mosquitto, MosquittoOptions, MqttClient };

export const ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
/** The built app (`vite build`); E2E_DIST_DIR serves another build. */
export const DIST_DIR = process.env.E2E_DIST_DIR ? path.resolve(process.env.E2E_DIST_DIR) : path.join(ROOT_DIR, 'dist');
const STATIC_SERVER_MODULE = path.join(ROOT_DIR, 'demo', 'staticServer.mjs');

// ---------------------------------------------------------------------------
// config.json

export interface ConnectionConfig {
  id: string;
  name?: string;
  url: string;
  protocolVersion?: 4 | 5;
  clientId?: string;
  username?: string;
  password?: string;
  subscriptions?: { topic: string; qos: 0 | 1 | 2 }[];
  autoConnect?: boolean;
  [extra: string]: unknown;
}

export interface SiteConfig {
  version: number;
  connections: ConnectionConfig[];
  alarms?: Record<string, unknown>[];
  dashboards?: Record<string, unknown>[];
  [extra: string]: unknown;
}

export interface ConfigOverrides {
  /** Merged into the single default connection ("plant"). */
  connection?: Partial<ConnectionConfig>;
  /** Any top-level field (version, connections, alarms, dashboards, …) replaces the default. */
  [key: string]: unknown;
}

/**
 * A contract-format config.json with one connection "plant" to `broker.wsUrl`
 * (MQTT 5, subscribed to `#`, auto-connect).
 */
export function configFor(broker: Pick<Mosquitto, 'wsUrl'>, overrides: ConfigOverrides = {}): SiteConfig {
  const { connection, ...rest } = overrides;
  return {
    version: 1,
    connections: [
      {
        id: 'plant',
        name: 'Plant broker',
        url: broker.wsUrl,
        protocolVersion: 5,
        subscriptions: [{ topic: '#', qos: 0 }],
        autoConnect: true,
        ...connection,
      },
    ],
    ...rest,
  };
}

/** A short random suffix for unique topics / ids. */
export function uid(): string {
  return Math.random().toString(36).slice(2, 8);
}

// ---------------------------------------------------------------------------
// static server (demo/staticServer.mjs, owned by the demo engineer)

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void> | void;
  setConfig(config: object | string | undefined): void;
}

interface ServeStaticOptions {
  root: string;
  basePath?: string;
  port?: number;
  host?: string;
  config?: object | string;
}

type ServeStatic = (opts: ServeStaticOptions) => Promise<StaticServer>;

let serveStaticPromise: Promise<ServeStatic> | undefined;
function loadServeStatic(): Promise<ServeStatic> {
  serveStaticPromise ??= (async () => {
    if (!existsSync(STATIC_SERVER_MODULE)) {
      throw new Error(`${STATIC_SERVER_MODULE} does not exist yet (it provides serveStatic for the e2e app fixture)`);
    }
    // A computed specifier keeps TypeScript from type-checking the demo's JS here.
    const mod = (await import(pathToFileURL(STATIC_SERVER_MODULE).href)) as { serveStatic?: ServeStatic };
    if (typeof mod.serveStatic !== 'function') throw new Error(`${STATIC_SERVER_MODULE} does not export serveStatic()`);
    return mod.serveStatic;
  })();
  serveStaticPromise.catch(() => {
    serveStaticPromise = undefined;
  });
  return serveStaticPromise;
}

function normalizeBasePath(p: string): string {
  let base = p.startsWith('/') ? p : `/${p}`;
  if (!base.endsWith('/')) base += '/';
  return base;
}

export interface OpenOptions {
  /** Sub-path the app is served under (default '/'). */
  path?: string;
  /** Query string, with or without '?', e.g. 'config=other.json'. */
  query?: string;
}

export interface OpenedApp {
  url: string;
  server: StaticServer;
}

export interface App {
  /**
   * Serves dist/ (with `config` as config.json: object → JSON, string → served verbatim,
   * undefined → no config.json, i.e. 404) and navigates the page there.
   */
  open(config?: object | string, opts?: OpenOptions): Promise<OpenedApp>;
  /** The server from the latest open(), if any. */
  readonly server: StaticServer | undefined;
  /** The URL from the latest open(), if any. */
  readonly url: string | undefined;
}

// ---------------------------------------------------------------------------
// page errors

export type ErrorPattern = string | RegExp;

export interface PageErrors {
  /** Errors seen so far (each `pageerror: …` or `console.error: … [url]`). */
  readonly errors: string[];
  /** Patterns allowed in this test (besides the always-allowed 404s for *.json and the favicon). */
  readonly allowed: ErrorPattern[];
  /** Allow (ignore) errors matching any of these patterns for the rest of the test. */
  allow(...patterns: ErrorPattern[]): void;
}

/** Always tolerated: 404s for JSON documents (config.json is optional) and favicon failures. */
const DEFAULT_ALLOWED: ErrorPattern[] = [
  /status of 404[\s\S]*\[[^\]]*\.json(\?[^\]]*)?\]$/,
  /^console\.error: Failed to load resource: [\s\S]*\[[^\]]*\/favicon\.ico\]$/,
];

function matches(pattern: ErrorPattern, text: string): boolean {
  return typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
}

/** The errors not covered by the default allow list or `allowed`. */
export function unexpectedErrors(errors: readonly string[], allowed: readonly ErrorPattern[] = []): string[] {
  return errors.filter((e) => ![...DEFAULT_ALLOWED, ...allowed].some((p) => matches(p, e)));
}

function describeConsole(msg: ConsoleMessage): string {
  const url = msg.location().url;
  return `console.error: ${msg.text()}${url ? ` [${url}]` : ''}`;
}

// ---------------------------------------------------------------------------
// Node-side MQTT clients

export interface MqttClients {
  /** Connects to `opts.url` (default: the test broker's TCP listener); closed at teardown. */
  connect(opts?: ConnectOptions & { url?: string }): Promise<MqttClient>;
}

// ---------------------------------------------------------------------------

interface Fixtures {
  brokerOptions: MosquittoOptions;
  broker: Mosquitto;
  app: App;
  mqttClients: MqttClients;
  allowedPageErrors: ErrorPattern[];
  pageErrors: PageErrors;
}

async function writeLog(file: string, text: string): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

export const test = base.extend<Fixtures>({
  brokerOptions: [{}, { option: true }],

  broker: async ({ brokerOptions }, use, testInfo) => {
    const broker = await startMosquitto(brokerOptions);
    try {
      await use(broker);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) {
        // Also on disk beside the screenshot: the list reporter keeps no attachments.
        await testInfo.attach('mosquitto.log', { path: await writeLog(testInfo.outputPath('mosquitto.log'), broker.log()), contentType: 'text/plain' });
      }
      await broker.stop();
    }
  },

  mqttClients: async ({ broker }, use) => {
    const clients: MqttClient[] = [];
    await use({
      async connect(opts = {}) {
        const { url = broker.tcpUrl, ...rest } = opts;
        const client = await connectClient(url, rest);
        clients.push(client);
        return client;
      },
    });
    await Promise.all(clients.map((c) => endClient(c)));
  },

  allowedPageErrors: [[], { option: true }],

  pageErrors: async ({ allowedPageErrors }, use) => {
    const allowed = [...allowedPageErrors];
    const errors: string[] = [];
    const collector: PageErrors = {
      errors,
      allowed,
      allow: (...patterns) => {
        allowed.push(...patterns);
      },
    };
    await use(collector);
  },

  // Every test that uses the page fails at teardown on unexpected page/console errors.
  page: async ({ page, pageErrors }, use) => {
    const record = (text: string) => pageErrors.errors.push(text);
    const onPageError = (err: Error) => record(`pageerror: ${err.stack ?? err.message}`);
    const onConsole = (msg: ConsoleMessage) => {
      if (msg.type() === 'error') record(describeConsole(msg));
    };
    page.on('pageerror', onPageError);
    page.on('console', onConsole);
    await use(page);
    page.off('pageerror', onPageError);
    page.off('console', onConsole);
    const unexpected = unexpectedErrors(pageErrors.errors, pageErrors.allowed);
    if (unexpected.length) {
      throw new Error(
        `${unexpected.length} unexpected error(s) in the page (allow expected ones with ` +
          `test.use({ allowedPageErrors }) or pageErrors.allow()):\n  ${unexpected.join('\n  ')}`,
      );
    }
  },

  app: async ({ page }, use) => {
    const servers: StaticServer[] = [];
    let lastUrl: string | undefined;
    const app: App = {
      async open(config, { path: basePath = '/', query = '' } = {}) {
        if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
          throw new Error(`${DIST_DIR}/index.html is missing: build the app first (npx vite build, or npm run test:e2e)`);
        }
        const serveStatic = await loadServeStatic();
        const base = normalizeBasePath(basePath);
        const server = await serveStatic({ root: DIST_DIR, basePath: base, host: '127.0.0.1', port: 0, config });
        servers.push(server);
        const search = query ? (query.startsWith('?') ? query : `?${query}`) : '';
        const url = `http://127.0.0.1:${server.port}${base}${search}`;
        lastUrl = url;
        await page.goto(url);
        return { url, server };
      },
      get server() {
        return servers.at(-1);
      },
      get url() {
        return lastUrl;
      },
    };
    await use(app);
    // Leave the page first so the app's connections do not outlive their server.
    await page.goto('about:blank').catch(() => undefined);
    await Promise.all(servers.map((s) => s.close()));
  },
});

// ---------------------------------------------------------------------------
// Small page helpers shared by specs

/** The connection status element (contract: status "Connection status"). */
export function connectionStatus(page: Page) {
  return page.getByRole('status', { name: 'Connection status' });
}

/**
 * Opens the app with `configFor(broker, overrides)`, waits for "Connected" and for the
 * app's `#` subscription to reach the broker, so Node publishes afterwards are not missed.
 */
export async function openConnected(
  { page, app, broker }: { page: Page; app: App; broker: Mosquitto },
  overrides: ConfigOverrides = {},
): Promise<OpenedApp> {
  const from = broker.log().length;
  const opened = await app.open(configFor(broker, overrides));
  // Bounded by the connection event, not a speed guess: 5 s was missed at load 11–26 on 2 cores.
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  await waitForSubscription(broker, '#', { from });
  return opened;
}

/**
 * Waits until some client (normally the app) holds a subscription to exactly `filter` on the
 * broker, so messages published from Node afterwards are not missed. Uses mosquitto's
 * subscribe log; pass `from: broker.log().length` taken earlier to ignore older lines.
 */
export function waitForSubscription(
  broker: Pick<Mosquitto, 'waitForLog'>,
  filter = '#',
  opts: { timeoutMs?: number; from?: number } = {},
): Promise<string> {
  const escaped = filter.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return broker.waitForLog(new RegExp(`^[\\d:]+: \\S+ [0-2] ${escaped}$`), opts);
}

/**
 * Text of the smallest visible element whose text matches every pattern (or '' if none),
 * ignoring elements that contain form controls or the topic tree, and texts over maxLength.
 * Used to check that an error message names its problem in one place, not across the page.
 */
export async function findMessage(page: Page, patterns: RegExp[], maxLength = 600): Promise<string> {
  return page.evaluate(
    ({ sources, maxLength }) => {
      const res = sources.map(([s, f]) => new RegExp(s, f));
      const FORM_CONTROLS = 'input, select, textarea, [contenteditable], [role="textbox"], [role="combobox"], [role="tree"]';
      const hits = (el: Element) => {
        const text = (el as HTMLElement).innerText ?? el.textContent ?? '';
        return res.every((r) => r.test(text));
      };
      let best = '';
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        if (!(el instanceof HTMLElement) || !el.checkVisibility()) continue;
        // A block holding form controls is a form, not a message (its labels would match).
        if (el.querySelector(FORM_CONTROLS)) continue;
        if (!hits(el)) continue;
        if (Array.from(el.children).some((c) => c instanceof HTMLElement && c.checkVisibility() && hits(c))) continue;
        const text = el.innerText.trim();
        if (text.length <= maxLength && (!best || text.length < best.length)) best = text;
      }
      return best;
    },
    { sources: patterns.map((p) => [p.source, p.flags.replace('g', '')] as [string, string]), maxLength },
  );
}
