/**
 * Hostile and broken input (issue 7) against a real Mosquitto: a fuzz run of random and
 * malformed payloads and topics (script/HTML strings, invalid UTF-8, prototype keys), a 16 MiB
 * payload within the frame budget with "Show all" and "Download", JSON nested 10 000 deep and
 * with 100 000 keys, odd topics ($SYS, unicode, empty and very long levels), hostile
 * configuration files, and the Content-Security-Policy. Big payloads go through a small
 * WebSocket-to-TCP bridge: Debian's Mosquitto 2.0.11 websockets listener stalls on messages
 * over ~150 KB (e2e/support/wsBridge.ts).
 */
import { readFile } from 'node:fs/promises';
import { test, expect, configFor, connectionStatus, waitForSubscription, type App, type ConfigOverrides, type Mosquitto } from './support/fixtures';
import { publish, type MqttClient } from './support/mqttClient';
import { topicsTree, treeItem } from './support/tree';
import { startWsBridge } from './support/wsBridge';
import type { Page } from '@playwright/test';

const message = (page: Page) => page.getByRole('region', { name: 'Message' });
const filter = (page: Page) => page.getByRole('textbox', { name: 'Filter topics', exact: true });

/** Script-ish strings that would act if any of them ever became HTML or code. */
const XSS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload="window.__pwned=1">',
  "javascript:window.__pwned=1",
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<a href="javascript:window.__pwned=1">x</a>',
  '\u202e<b onmouseover=window.__pwned=1>reversed</b>',
  '<style>*{display:none}</style>',
];

/** Deterministic PRNG (mulberry32) so a failing fuzz run can be repeated. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fuzzCases(count: number, seed = 7): { topic: string; payload: Buffer }[] {
  const rnd = prng(seed);
  const pick = <T,>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rnd() * 256)));
  const levels = ['fuzz', 'line1', '__proto__', 'constructor', 'prototype', '', 'ünï', '🚀', '<img src=x onerror=window.__pwned=1>', '"><svg onload=window.__pwned=1>', 'javascript:alert(1)', 'a'.repeat(300), '..', '%00', 'toString'];
  const payloads: (() => Buffer)[] = [
    () => bytes(Math.floor(rnd() * 512)),
    () => Buffer.from(pick(XSS)),
    () => Buffer.from(JSON.stringify({ v: rnd() * 100, html: pick(XSS), unit: pick(XSS) })),
    () => Buffer.from('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"v":' + Math.floor(rnd() * 9) + '}'),
    () => Buffer.from(JSON.stringify({ v: 1, deep: pick(XSS) }).slice(0, Math.floor(rnd() * 20))), // truncated JSON
    () => Buffer.concat([Buffer.from('{"v":"'), bytes(16), Buffer.from('"}')]), // invalid UTF-8 inside JSON
    () => Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc, 0xed, 0xa0, 0x80]), // invalid sequences, a UTF-16 surrogate
    () => Buffer.from('['.repeat(Math.floor(rnd() * 3000)) + ']'.repeat(Math.floor(rnd() * 3000))),
    () => Buffer.from(`${1e308 * 10} ${-0} NaN 9007199254740993 1e-400`),
    () => Buffer.from('\u0000\u0001\u0002\u001b[31mred\u001b[0m\u0007'),
    () => Buffer.from('\u200b\u200f\u202e\ufeff'.repeat(50) + pick(XSS)),
    // At most 6 KB: with 20 QoS 1 messages in flight to an app slowed by the other e2e worker,
    // payloads up to 60 KB piled up in Debian Mosquitto 2.0.11's websockets output, which then
    // stalls for good (its known libwebsockets stall; the CI log showed no drop, no error, and the
    // app's keepalive closing the silent connection 30 s later). Big payloads have their own tests.
    () => Buffer.from('x'.repeat(Math.floor(rnd() * 6_000))),
    () => Buffer.alloc(0),
  ];
  return Array.from({ length: count }, (_, i) => {
    const depth = 1 + Math.floor(rnd() * 4);
    const topic = ['fuzz', ...Array.from({ length: depth }, () => pick(levels)), String(i % 50)].join('/');
    return { topic, payload: pick(payloads)() };
  });
}

/** Nothing from a payload ran or was parsed as markup, in the page or in the engine worker. */
async function expectNothingExecuted(page: Page) {
  const probe = () => ({
    pwned: (globalThis as Record<string, unknown>).__pwned,
    polluted: ({} as Record<string, unknown>).polluted,
  });
  expect(await page.evaluate(probe)).toEqual({ pwned: undefined, polluted: undefined });
  expect(await page.workers()[0].evaluate(probe)).toEqual({ pwned: undefined, polluted: undefined });
  const injected = await page.evaluate(() =>
    Array.from(document.querySelectorAll('script:not([src]), iframe, object, embed, svg[onload], img[src="x"], [onerror], [onload], [onmouseover], style:not([data-vite-dev-id])')).map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(injected).toEqual([]);
}

/** Longest gap between animation frames (ms) while `action` runs. */
async function longestFrame(page: Page, action: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__frames = [];
    w.__rec = true;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (w.__rec) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await action();
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __rec: boolean };
    w.__rec = false;
    return Math.max(0, ...w.__frames.slice(1));
  });
}

/** Opens the app connected to `wsUrl` (default: the broker), and waits for its subscription to reach the broker. */
async function openApp({ page, app, broker }: { page: Page; app: App; broker: Mosquitto }, overrides: ConfigOverrides = {}, wsUrl = broker.wsUrl) {
  const from = broker.log().length;
  const config = configFor({ wsUrl }, overrides);
  await app.open(config);
  // Generous: several browsers and brokers share two cores in CI.
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });
  for (const s of config.connections[0].subscriptions ?? []) await waitForSubscription(broker, s.topic, { from });
}

async function selectTopic(page: Page, topic: string) {
  await filter(page).fill(topic);
  const leaf = topic.split('/').at(-1)!;
  await treeItem(topicsTree(page), leaf === '' ? '∅' : leaf).last().click();
  await expect(message(page).getByLabel('Topic name')).toHaveText(topic);
}

/** What the engine counted for the connection (`window.__sightglass`, app/state/benchProbe.ts; sent once a second). */
function engineCount(page: Page, id = 'plant'): Promise<number> {
  return page.evaluate((conn) => {
    const probe = (window as unknown as { __sightglass?: { stats(): Record<string, { totalIn: number } | undefined> } }).__sightglass;
    return probe?.stats()[conn]?.totalIn ?? 0;
  }, id);
}

/**
 * Waits until the engine has counted `expected` messages. Bounded by progress, not by a guess at
 * speed: it fails when the count stops moving for `stallMs` (a stall is a defect), so a machine
 * loaded by other work may take longer but a lost or stuck message still fails (issue 17: with a
 * fixed 60 s wait, 761 of 1 200 had arrived, still rising, at load 12–14).
 */
async function waitForEngineCount(page: Page, expected: number, stallMs = 20_000): Promise<void> {
  for (let last = -1; ;) {
    // Resolves as soon as the count moves (or is complete): an event, not a sleep.
    const moved = await page
      .waitForFunction(({ last, expected }) => {
        const probe = (window as unknown as { __sightglass?: { stats(): Record<string, { totalIn: number } | undefined> } }).__sightglass;
        const n = probe?.stats().plant?.totalIn ?? 0;
        return n !== last || n >= expected ? n : false;
      }, { last, expected }, { timeout: stallMs, polling: 100 })
      .then((h) => h.jsonValue() as Promise<number>, () => null);
    expect(moved, `no message counted for ${stallMs / 1000} s; stuck at ${last} of ${expected}`).not.toBeNull();
    last = moved!;
    expect(last, 'more messages counted than were sent').toBeLessThanOrEqual(expected);
    if (last === expected) return;
  }
}

test.describe('fuzz', () => {
  // The publisher sends 1 200 QoS 1 messages in about a second; Mosquitto's default queue (1 000
  // per client) then dropped the rest for a slowed app ("Outgoing messages are being dropped",
  // seen in CI), so the count could never reach 1 200. Queue them all: this test is about hostile
  // content, not about queue limits.
  test.use({ brokerOptions: { extraConfig: 'max_queued_messages 0' } });

  test('fuzz: 1 200 random and malformed payloads and topics; nothing executes, the UI still responds', async ({ page, app, broker, mqttClients }) => {
    // Bounded by progress (waitForMessageCount), not a guess at speed; this only caps a very slow run.
    test.setTimeout(300_000);
    const cases = fuzzCases(1200);
    await openApp({ page, app, broker }, { connection: { subscriptions: [{ topic: 'fuzz/#', qos: 1 }] } });
    const pub = await mqttClients.connect();
    // Pipelined, as a real publisher sends: awaiting each PUBACK in turn measured this test's own
    // round trips through a loaded machine, not the app (issue 17).
    const t0 = Date.now();
    const serial = process.env.FUZZ_SERIAL === '1';
    if (serial) for (const c of cases) await publish(pub, c.topic, c.payload, { qos: 1 });
    else await Promise.all(cases.map((c) => publish(pub, c.topic, c.payload, { qos: 1 })));
    const published = Date.now() - t0;
    const countedThen = await engineCount(page);
    // Every message reached the engine: it counted them all.
    await waitForEngineCount(page, cases.length);
    console.log(`fuzz: published ${cases.length} QoS 1 (${serial ? 'serial' : 'pipelined'}) in ${published} ms, engine had ${countedThen}; all counted after ${Date.now() - t0} ms`);
    // The tree shows that count too.
    await expect(treeItem(topicsTree(page), 'Plant broker')).toContainText(/1[,\u202f\u00a0 ]?200 msgs/);
    await expectNothingExecuted(page);

    // The UI responds: pick hostile topics, look at them in every view.
    for (const c of [cases.find((x) => x.topic.includes('onerror'))!, cases.find((x) => x.payload.includes('<script>'))!, cases.find((x) => x.payload.length > 100 && x.payload.includes(0xff))!]) {
      await selectTopic(page, c.topic);
      for (const view of ['Text', 'Hex', 'Base64', 'JSON']) {
        await message(page).getByRole('radio', { name: view }).click();
        await expect(message(page).getByRole('radio', { name: view })).toBeChecked();
      }
    }
    const scripted = cases.find((x) => x.payload.toString() === '<script>window.__pwned=1</script>')!;
    await selectTopic(page, scripted.topic);
    await message(page).getByRole('radio', { name: 'Text' }).click();
    // Shown as the text it is.
    await expect(message(page).getByLabel('Payload', { exact: true })).toContainText('<script>window.__pwned=1</script>');
    await expectNothingExecuted(page);
  });
});

test.describe('big payloads (through a WebSocket bridge)', () => {
  test('a 16 MiB payload: the UI keeps painting; "Show all" and "Download" give all of it', async ({ page, app, broker, mqttClients }) => {
    test.setTimeout(90_000);
    const bridge = await startWsBridge(broker.tcpPort);
    try {
      await openApp({ page, app, broker }, {}, bridge.url);
      const pub = await mqttClients.connect();
      await publish(pub, 'big/line1/blob', 'small first', { qos: 1 });
      await selectTopic(page, 'big/line1/blob');

      // 16 MiB of log-like text lines; the last line is recognisable.
      const line = 'ts=1700000000000 level=info machine=press-7 msg="cycle complete" <b>not html</b>\n';
      const body = Buffer.from(line.repeat(Math.floor((16 * 1024 * 1024 - 64) / line.length)) + 'THE END');
      const arrival = await longestFrame(page, async () => {
        await publish(pub, 'big/line1/blob', body, { qos: 1 });
        await expect(message(page)).toContainText('16.0 MiB (showing the first 256.0 KiB)', { timeout: 30_000 });
      });
      console.log(`16 MiB payload arrival: longest frame ${arrival.toFixed(0)} ms`);
      const longest = await longestFrame(page, async () => {
        await message(page).getByRole('button', { name: 'Show all' }).click();
        const full = message(page).getByRole('region', { name: 'Full payload' });
        await expect(full).toContainText('level=info machine=press-7');
        await full.evaluate((el) => (el.scrollTop = el.scrollHeight));
        await expect(full).toContainText('THE END');
      });
      test.info().annotations.push({ type: 'longest frame (ms)', description: longest.toFixed(0) });
      console.log(`16 MiB payload: longest frame ${longest.toFixed(0)} ms`);
      // Frame times are reported, not asserted: the same build measured 33–700 ms here depending on
      // what the other e2e worker ran (a speed claim belongs to `npm run bench`, not to e2e).
      test.info().annotations.push({ type: 'arrival longest frame (ms)', description: arrival.toFixed(0) });
      await expect(message(page).getByRole('region', { name: 'Full payload' }).locator('b')).toHaveCount(0);

      const download = page.waitForEvent('download');
      await message(page).getByRole('button', { name: 'Download' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('big_line1_blob.txt');
      const saved = await readFile(await file.path());
      expect(saved.length).toBe(body.length);
      expect(saved.equals(body)).toBe(true);
    } finally {
      await bridge.close();
    }
  });

  test('JSON nested 10 000 deep, 100 000 keys and a 100 000-item array render quickly; binary and invalid UTF-8 as hex', async ({ page, app, broker, mqttClients }) => {
    test.setTimeout(60_000);
    const bridge = await startWsBridge(broker.tcpPort);
    try {
      await openApp({ page, app, broker }, {}, bridge.url);
      const pub: MqttClient = await mqttClients.connect();
      const deep = '['.repeat(10_000) + '"bottom"' + ']'.repeat(10_000);
      const keys = JSON.stringify(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i])));
      const items = JSON.stringify(Array.from({ length: 100_000 }, () => 0));
      await publish(pub, 'json/deep', deep, { qos: 1 });
      await publish(pub, 'json/keys', keys, { qos: 1 });
      await publish(pub, 'json/items', items, { qos: 1 });
      await publish(pub, 'bin/invalid', Buffer.from([0xff, 0xfe, 0x00, 0x80, 0xc3, 0x28]), { qos: 1 });

      for (const [topic, expectText] of [
        ['json/deep', '1 item'],
        ['json/keys', '"k0":0,"k1":1'],
        ['json/items', '99800 more'],
      ] as const) {
        const t0 = Date.now();
        const longest = await longestFrame(page, async () => {
          await selectTopic(page, topic);
          await expect(message(page).getByLabel('Payload', { exact: true })).toContainText(expectText);
        });
        console.log(`${topic}: shown in ${Date.now() - t0} ms, longest frame ${longest.toFixed(0)} ms`);
        expect(longest).toBeLessThan(500);
      }
      // 100 000 keys (1.3 MB) is over the 256 KiB display cut: shown as text, whole on "Show all".
      await selectTopic(page, 'json/keys');
      await message(page).getByRole('button', { name: 'Show all' }).click();
      await expect(message(page).getByRole('region', { name: 'Full payload' })).toContainText('"k0":0');
      // Diff and the JSON view of the deep document stay quick (no 100 M-character indentation).
      await selectTopic(page, 'json/deep');
      await message(page).getByRole('radio', { name: 'Text' }).click();
      await expect(message(page).getByLabel('Payload', { exact: true })).toContainText('[[[[');

      await selectTopic(page, 'bin/invalid');
      await message(page).getByRole('radio', { name: 'Hex' }).click();
      await expect(message(page).getByLabel('Payload', { exact: true })).toContainText('ff fe 00 80 c3 28');
    } finally {
      await bridge.close();
    }
  });
});

test.describe('odd topics', () => {
  test.use({ brokerOptions: { extraConfig: 'sys_interval 1' } });

  test('$SYS, unicode, empty levels and very long levels', async ({ page, app, broker, mqttClients }) => {
    await openApp({ page, app, broker }, { connection: { subscriptions: [{ topic: '#', qos: 0 }, { topic: '$SYS/#', qos: 0 }] } });
    const pub = await mqttClients.connect();
    const long = `long/${'x'.repeat(20_000)}/end`;
    for (const topic of ['ünï/çødé/🚀', 'a//b', '/leading', long]) await publish(pub, topic, topic.length > 100 ? 'long' : topic, { qos: 1 });

    const tree = topicsTree(page);
    await expect(treeItem(tree, '$SYS')).toBeVisible({ timeout: 5_000 });
    await selectTopic(page, 'ünï/çødé/🚀');
    await expect(message(page).getByLabel('Payload', { exact: true })).toContainText('ünï/çødé/🚀');
    await selectTopic(page, 'a//b');
    await filter(page).fill('a//');
    await expect(treeItem(tree, '∅').first()).toBeVisible();
    await selectTopic(page, '/leading');
    await filter(page).fill('long/');
    await treeItem(tree, 'end').click();
    await expect(message(page).getByLabel('Topic name')).toHaveText(long);
  });
});

test.describe('hostile configuration files', () => {
  const cases = [
    { what: '__proto__ in a connection', body: '{"version":1,"connections":[{"id":"evil","url":"ws://127.0.0.1:1","__proto__":{"autoConnect":true,"polluted":1}}]}', problem: 'connections[0]: the key "__proto__" is not allowed' },
    { what: 'constructor.prototype', body: '{"version":1,"constructor":{"prototype":{"polluted":1}}}', problem: '(document): the key "constructor" is not allowed' },
    { what: 'nesting 100 000 deep', body: `{"version":1,"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, problem: 'the document is nested too deeply (more than 32 levels)' },
    { what: 'an 11 MB document', body: `{"version":1,"pad":"${'x'.repeat(11 * 1024 * 1024)}"}`, problem: 'the file is too big (11.0 MB; a configuration may have at most 10 MB)' },
  ];

  for (const c of cases) {
    test(`import refuses ${c.what} with a specific message and changes nothing`, async ({ page, app, broker }) => {
      await openApp({ page, app, broker });
      await page.locator('input[type="file"]').setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(c.body) });
      const problem = page.getByRole('alert', { name: 'Configuration problem' });
      await expect(problem).toContainText(`hostile.json: ${c.problem}. Nothing was changed.`);
      await expect(page.getByRole('combobox', { name: 'Connection' }).locator('option')).toHaveText(['Plant broker']);
      await expect(connectionStatus(page)).toHaveText('Connected');
      await expectNothingExecuted(page);
    });
  }

  test('a hostile config.json at start is refused the same way', async ({ page, app }) => {
    await app.open(cases[0].body);
    await expect(page.getByRole('alert', { name: 'Configuration problem' })).toContainText(`config.json: ${cases[0].problem}`);
    await expect(page.getByRole('combobox', { name: 'Connection' }).locator('option')).toHaveText(['(new, not saved)']);
  });
});

test.describe('Content-Security-Policy', () => {
  test('the built app runs under its CSP (worker, charts) without a single violation; eval and inline script are refused', async ({ page, app, broker, mqttClients, pageErrors }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const dashboard = { id: 'd', name: 'Line 1', widgets: [
      { id: 'w1', type: 'line', title: 'Temperature', series: [{ topic: 'plant/t', path: 'v' }] },
      { id: 'w2', type: 'gauge', title: 'Pressure', min: 0, max: 10, series: [{ topic: 'plant/p', path: 'v' }] },
    ] };
    await openApp({ page, app, broker }, { dashboards: [dashboard] });
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toMatch(/object-src 'none'/);
    const pub = await mqttClients.connect();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Line 1' }).click();
    for (const v of [20, 21, 22]) {
      await publish(pub, 'plant/t', { v }, { qos: 1 });
      await publish(pub, 'plant/p', { v: v / 4 }, { qos: 1 });
    }
    await expect(page.getByRole('figure', { name: 'Temperature' })).toContainText('22');
    await expect(page.getByRole('figure', { name: 'Pressure' }).locator('canvas')).toHaveCount(1);
    await page.getByRole('figure', { name: 'Temperature' }).locator('canvas').first().hover();
    expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);

    // What an injected payload would try: a string timer (eval), an inline script. (page.evaluate
    // itself runs through DevTools, which CSP does not restrict, so the page is made to do it.)
    pageErrors.allow(/Refused to (evaluate|execute inline script)/, /Content Security Policy/);
    await page.evaluate(() => {
      (window.setTimeout as unknown as (code: string, ms: number) => number)('window.__pwned = "timer"', 0);
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = "inline"';
      document.body.append(s);
    });
    // Each is reported once per policy in force (the meta tag, and the header the demo server sends).
    await expect.poll(() => page.evaluate(() => [...new Set((window as unknown as { __csp: string[] }).__csp)].sort())).toEqual(['script-src eval', 'script-src-elem inline']);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  });
});
