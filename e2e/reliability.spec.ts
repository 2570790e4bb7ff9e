/**
 * Unstable networks (issue 7) against a real Mosquitto: the broker killed and restarted on the
 * same ports, the browser going offline and online, a persistent session that receives what was
 * published while it was away, stale values after a reconnect (tree and widgets), outages in the
 * alarm journal, and an accelerated soak that shows a flat JS heap.
 */
import { test, expect, connectionStatus, openConnected, uid, waitForSubscription, type Mosquitto } from './support/fixtures';
import { collect, publish } from './support/mqttClient';
import { topicsTree, treeItem } from './support/tree';
import type { CDPSession, Page } from '@playwright/test';

test.use({
  // Chromium logs every refused WebSocket handshake while the broker is down.
  allowedPageErrors: [/^console\.error: .*WebSocket/],
});

const publishRegion = (page: Page) => page.getByRole('region', { name: 'Publish' });
const publishStatus = (page: Page) => publishRegion(page).getByRole('status', { name: 'Publish status' });

async function publishFromUi(page: Page, m: { topic: string; payload: string; qos: 0 | 1 | 2 }) {
  const r = publishRegion(page);
  await r.getByRole('textbox', { name: 'Topic', exact: true }).fill(m.topic);
  await r.getByRole('textbox', { name: 'Payload', exact: true }).fill(m.payload);
  await r.getByRole('combobox', { name: 'QoS', exact: true }).selectOption(String(m.qos));
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
}

/** Shows `text` in the tree (filter), expanded with its ancestors. */
async function filterTree(page: Page, text: string) {
  await page.getByRole('textbox', { name: 'Filter topics', exact: true }).fill(text);
}

/** Mosquitto has written its persistence file after this point (autosave_interval 1). */
/**
 * Waits until Mosquitto has written what it holds now to disk. It logs "Saving…" as a save starts;
 * a kill right after that line lost the retained message now and then. Saves run on its one
 * thread, so the next "Saving…" line proves the first save finished.
 */
async function waitForSave(broker: Mosquitto) {
  const SAVING = 'Saving in-memory database';
  const from = broker.log().length;
  await broker.waitForLog(new RegExp(SAVING), { from });
  await broker.waitForLog(new RegExp(SAVING), { from: broker.log().indexOf(SAVING, from) + SAVING.length });
}

const dashboard = {
  id: 'line1',
  name: 'Line 1',
  widgets: [{ id: 'w1', type: 'stat', title: 'Line 1 temperature', unit: '°C', staleAfterMs: 0, series: [{ connection: 'plant', topic: 'plant/line1/temp', path: 'v' }] }],
};

test.describe('broker restart', () => {
  // Persistence keeps retained messages across the restart, as a production broker would.
  test.use({ brokerOptions: { persistence: true } });

  test('killed and restarted on the same port: Reconnecting → Connected, resubscribed, stale until refreshed, journaled', async ({ page, app, broker, mqttClients }) => {
    test.setTimeout(60_000);
    await openConnected({ page, app, broker }, { dashboards: [dashboard] });
    const status = connectionStatus(page);
    const pub = await mqttClients.connect();
    await publish(pub, 'plant/line1/temp', { v: 21.5 }, { qos: 1 });
    await publish(pub, 'plant/line1/mode', 'auto', { qos: 1, retain: true });
    const tree = topicsTree(page);
    await filterTree(page, 'plant/line1');
    await expect(treeItem(tree, 'temp')).toContainText('1 msgs');
    await expect(treeItem(tree, 'mode')).toContainText('1 msgs');
    await waitForSave(broker);

    await broker.kill();
    // Capped exponential backoff with jitter: the attempt and the time to the next try are shown.
    await expect(status).toHaveText(/Reconnecting \(attempt \d+, next try in \d+ s\) — Connection to ws:\/\/127\.0\.0\.1:\d+ lost/);
    await expect(page.getByRole('status', { name: 'Network' })).toContainText('Broker unreachable');

    const from = broker.log().length;
    await broker.restart();
    await expect(status).toHaveText('Connected', { timeout: 20_000 });
    // Subscriptions are back (clean session: the app subscribed again) …
    await waitForSubscription(broker, '#', { from });
    // … so the retained value came again and is fresh; the live one is stale until it speaks.
    await expect(treeItem(tree, 'temp')).toContainText('stale');
    await expect(treeItem(tree, 'mode')).toContainText('2 msgs');
    await expect(treeItem(tree, 'mode')).not.toContainText('stale');

    // The dashboard widget shows the same stale look (ConnectionStatus.staleBefore).
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Line 1' }).click();
    const widget = page.getByRole('figure', { name: 'Line 1 temperature' });
    await expect(widget).toContainText('21.5');
    await expect(widget).toContainText('Stale');
    const pub2 = await mqttClients.connect();
    await publish(pub2, 'plant/line1/temp', { v: 22.5 }, { qos: 1 });
    await expect(widget).toContainText('22.5');
    await expect(widget).not.toContainText('Stale');

    // The outage is in the alarm journal: lost, then restored with its duration.
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alarms' }).click();
    await page.getByRole('tab', { name: 'Journal' }).or(page.getByRole('link', { name: 'Journal' })).first().click();
    const journal = page.getByRole('table', { name: 'Alarm journal' });
    await expect(journal.getByRole('row').filter({ hasText: 'connection lost' })).toContainText(/connection plant: Connection to ws:\/\/127\.0\.0\.1:\d+ lost/);
    await expect(journal.getByRole('row').filter({ hasText: 'connection restored' })).toContainText(/connection plant: down for \d+(\.\d)? (ms|s|min)/);
  });
});

test('the header never says "Live" while the banner says no broker or no network is reachable', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const header = page.getByLabel('Data age', { exact: true });
  const banner = page.getByRole('status', { name: 'Network' });
  await expect(header).toHaveText(/^Live/);

  await broker.kill();
  await expect(banner).toContainText('Broker unreachable: Plant broker');
  await expect(header).toHaveText('Broker unreachable · not live');

  await page.context().setOffline(true);
  await expect(banner).toContainText('No network');
  await expect(header).toHaveText('No network · not live');

  await page.context().setOffline(false);
  await broker.restart();
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });
  await expect(banner).toBeHidden();
  await expect(header).toHaveText(/^Live/);
});

test.describe('persistent session', () => {
  test.use({ brokerOptions: { persistence: true } });

  test('offline and online: closed at once, no reconnect while offline, retried at once online; what was published meanwhile arrives, the queued command exactly once', async ({ page, app, broker, mqttClients }) => {
    test.setTimeout(60_000);
    const clientId = `sg-e2e-${uid()}`;
    await openConnected({ page, app, broker }, { connection: { clientId, clean: false, sessionExpiry: 600, subscriptions: [{ topic: '#', qos: 1 }] } });
    await broker.waitForLog(new RegExp(`as ${clientId} \\(p5, c0, k20`));
    const status = connectionStatus(page);
    // A durable Node subscriber for the commands, persistent like the app.
    const sub = await mqttClients.connect({ clientId: `durable-${uid()}`, clean: false, reconnectPeriod: 200, properties: { sessionExpiryInterval: 300 } });
    const commands = await collect(sub, 'cmd/#', { qos: 1 });
    await waitForSave(broker);

    await broker.kill();
    await expect(status).toContainText('Reconnecting');
    await page.context().setOffline(true);
    await expect(status).toContainText('No network: the browser is offline');
    await expect(page.getByRole('status', { name: 'Network' })).toContainText('No network');

    const payload = JSON.stringify({ setpoint: 64, id: uid() });
    await publishFromUi(page, { topic: 'cmd/line1/setpoint', payload, qos: 1 });
    await expect(publishStatus(page)).toHaveText('Queued: will be sent when the connection is back');

    await broker.restart();
    // Published while the app is away: the broker queues it for the app's persistent session.
    const pub = await mqttClients.connect();
    await publish(pub, 'plant/line1/during-outage', 'published while away', { qos: 1 });
    await expect(status).toContainText('No network');

    // Back online: retried at once, not after the (by now long) backoff.
    const t0 = Date.now();
    await page.context().setOffline(false);
    await expect(status).toHaveText('Connected', { timeout: 20_000 });
    expect(Date.now() - t0).toBeLessThan(5_000);

    await filterTree(page, 'during-outage');
    await expect(treeItem(topicsTree(page), 'during-outage')).toContainText('1 msgs');
    await expect(publishStatus(page)).toHaveText('Delivered');
    await commands.waitFor((m) => m.payload === payload, 10_000);
    // Anything resent would arrive before a later message from the same client.
    await publishFromUi(page, { topic: 'cmd/line1/marker', payload: 'after', qos: 1 });
    await expect(publishStatus(page)).toHaveText('Delivered');
    await commands.waitFor((m) => m.payload === 'after');
    expect(commands.messages.filter((m) => m.payload === payload)).toHaveLength(1);
  });

  test('MQTT 3.1.1 with clean session off and a fixed client id keeps the session too', async ({ page, app, broker, mqttClients }) => {
    const clientId = `sg-e2e-${uid()}`;
    await openConnected({ page, app, broker }, { connection: { clientId, protocolVersion: 4, clean: false, subscriptions: [{ topic: '#', qos: 1 }] } });
    await broker.waitForLog(new RegExp(`as ${clientId} \\(p2, c0, k20`));
    await page.context().setOffline(true);
    await expect(connectionStatus(page)).toContainText('No network');
    const pub = await mqttClients.connect({ protocolVersion: 4 });
    await publish(pub, 'plant/v311/queued', 'kept for you', { qos: 1 });
    await page.context().setOffline(false);
    await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });
    await filterTree(page, 'v311');
    await expect(treeItem(topicsTree(page), 'queued')).toContainText('1 msgs');
  });
});

/** Heap after a full GC on the page (main thread) and in the engine worker, via CDP. */
async function heaps(page: Page, cdp: CDPSession, workerCdp: (method: string) => Promise<unknown>): Promise<{ page: number; worker: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const pageHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await workerCdp('HeapProfiler.collectGarbage');
  const workerHeap = ((await workerCdp('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  return { page: pageHeap, worker: workerHeap };
}

/**
 * A CDP channel to the page's dedicated worker (Playwright opens CDP sessions for pages only):
 * attach through the browser session and talk to it with Target.sendMessageToTarget.
 */
async function workerSession(page: Page): Promise<(method: string) => Promise<unknown>> {
  const browserCdp = await page.context().browser()!.newBrowserCDPSession();
  const { targetInfos } = await browserCdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.title.includes('sightglass-engine')) ?? targetInfos.find((t) => t.type === 'worker');
  if (!target) throw new Error(`no worker target among ${targetInfos.map((t) => `${t.type}:${t.title}`).join(', ')}`);
  const { sessionId } = await browserCdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  browserCdp.on('Target.receivedMessageFromTarget', (e) => {
    if (e.sessionId !== sessionId) return;
    const msg = JSON.parse(e.message) as { id?: number; result?: unknown };
    if (msg.id !== undefined) waiting.get(msg.id)?.(msg.result);
  });
  return (method) =>
    new Promise((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      void browserCdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    });
}

test.describe('soak', () => {
  test('an accelerated soak at a constant topic count keeps the JS heap flat', async ({ page, app, broker, mqttClients }) => {
    const SOAK_MS = Number(process.env.SOAK_MS ?? 60_000);
    test.setTimeout(SOAK_MS + 60_000);
    await openConnected({ page, app, broker });
    const cdp = await page.context().newCDPSession(page);
    const workerCdp = await workerSession(page);
    const pub = await mqttClients.connect();
    const TOPICS = 500;
    let sent = 0;
    let running = true;
    // ~2 000 msg/s: every topic gets a new value 4× a second, JSON like the plant's.
    const pump = (async () => {
      while (running) {
        for (let i = 0; i < 100; i++) {
          const n = sent++;
          pub.publish(`soak/line${n % 10}/m${n % TOPICS}/temp`, JSON.stringify({ v: (n % 1000) / 10, unit: '°C', ts: Date.now() }));
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await filterTree(page, 'soak/line3');
    await expect(treeItem(topicsTree(page), 'line3')).toBeVisible();
    // Warm-up: histories fill up (20 per topic), then the heap should stay where it is.
    await page.waitForTimeout(Math.min(15_000, SOAK_MS / 4));
    const start = await heaps(page, cdp, workerCdp);
    await page.waitForTimeout(SOAK_MS - Math.min(15_000, SOAK_MS / 4));
    const end = await heaps(page, cdp, workerCdp);
    running = false;
    await pump;
    const stats = { sent, start, end, pageGrowth: end.page / start.page, workerGrowth: end.worker / start.worker };
    test.info().annotations.push({ type: 'soak', description: JSON.stringify(stats) });
    console.log('soak', JSON.stringify(stats));
    expect(sent).toBeGreaterThan((SOAK_MS / 1000) * 1000);
    // Flat: within 15 % (+2 MB of GC noise) of the post-warm-up size, on both threads.
    expect(end.page).toBeLessThan(start.page * 1.15 + 2e6);
    expect(end.worker).toBeLessThan(start.worker * 1.15 + 2e6);
    // And the UI still responds.
    await filterTree(page, 'soak/line3/m3');
    await expect(treeItem(topicsTree(page), 'm3')).toBeVisible();
  });
});
