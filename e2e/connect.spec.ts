/**
 * Connections: auto-connect from config.json, manual connect, unreachable broker, and
 * config.json problems. Each test gets a fresh mosquitto.
 */
import { test, expect, configFor, connectionStatus, findMessage, waitForSubscription } from './support/fixtures';
import { readFile } from 'node:fs/promises';
import { getFreePort } from './support/mosquitto';

/** mosquitto logs "(p5, …)" for MQTT 5 and "(p2, …)" for MQTT 3.1.1 on each CONNECT. */
const connectedWith = (p: 2 | 5) => new RegExp(`New client connected from .* \\(p${p}, `);

test('auto-connects from config.json, then disconnects', async ({ page, app, broker }) => {
  await app.open(configFor(broker));
  const status = connectionStatus(page);
  await expect(status).toContainText('Connected', { timeout: 20_000 });
  await broker.waitForLog(connectedWith(5));
  await waitForSubscription(broker, '#');

  await page.getByRole('button', { name: 'Disconnect', exact: true }).click();
  await expect(status).toContainText('Disconnected');
  await broker.waitForLog(/Client \S+ (disconnected|closed its connection)/);
});

test('connects manually with MQTT 3.1.1', async ({ page, app, broker }) => {
  await app.open();
  await page.getByRole('textbox', { name: 'Broker URL', exact: true }).fill(broker.wsUrl);
  await page.getByRole('combobox', { name: 'MQTT version', exact: true }).selectOption('3.1.1');
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  await broker.waitForLog(connectedWith(2));
});

test('an unreachable broker shows an error or a retry', async ({ page, app, pageErrors }) => {
  // Chromium logs the refused WebSocket handshake as a console error.
  pageErrors.allow(/^console\.error: .*WebSocket/);
  const closedPort = await getFreePort();
  await app.open(configFor({ wsUrl: `ws://127.0.0.1:${closedPort}` }));
  await expect(connectionStatus(page)).toHaveText(/Error: \S|Reconnecting/, { timeout: 10_000 });
});

test.describe('config.json problems', () => {
  const broken: { what: string; body: string; problem: RegExp }[] = [
    { what: 'a connection with a numeric id and no url', body: '{"version":1,"connections":[{"id":1}]}', problem: /connections|\bid\b/i },
    { what: 'text that is not JSON', body: 'this is not JSON {', problem: /not valid|invalid|pars|syntax|unexpected|malformed/i },
  ];
  for (const { what, body, problem } of broken) {
    test(`invalid config.json (${what}) names the problem and the app stays usable`, async ({ page, app, pageErrors }) => {
      pageErrors.allow(/^console\.(error|warn): .*config/i);
      await app.open(body);
      await expect.poll(() => findMessage(page, [/config\.json/i, problem]), { message: 'a visible message about config.json' }).not.toBe('');
      await expect(page.getByRole('textbox', { name: 'Broker URL', exact: true })).toBeVisible();
    });
  }

  test('a newer config version is refused with a clear message', async ({ page, app, broker, pageErrors }) => {
    pageErrors.allow(/^console\.(error|warn): .*(config|version)/i);
    await app.open(configFor(broker, { version: 99 }));
    await expect
      .poll(() => findMessage(page, [/version/i, /\b99\b|newer|unsupported|not supported/i]), { message: 'a visible message about the version' })
      .not.toBe('');
    await expect(page.getByRole('textbox', { name: 'Broker URL', exact: true })).toBeVisible();
  });

  test('a missing config.json is not an error', async ({ page, app }) => {
    const configFetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/config.json'));
    await app.open();
    expect((await configFetched).status()).toBe(404);
    await expect(page.getByRole('textbox', { name: 'Broker URL', exact: true })).toBeVisible();
    // Let the app handle the response and render.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await findMessage(page, [/config\.json/i, /error|invalid|fail|could not|cannot/i])).toBe('');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test('"New connection" starts an empty form and connecting it adds a connection, keeping the others', async ({ page, app, broker }) => {
  await app.open(configFor(broker));
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  const select = page.getByRole('combobox', { name: 'Connection', exact: true });
  await expect(select.locator('option:checked')).toHaveText('Plant broker');

  await page.getByRole('button', { name: 'New connection', exact: true }).click();
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveValue('');
  await name.fill('Second broker');
  await page.getByRole('textbox', { name: 'Broker URL', exact: true }).fill(broker.wsUrl);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  await expect(select.locator('option:checked')).toHaveText('Second broker');
  await expect(select.locator('option')).toHaveText(['Plant broker', 'Second broker']);
  await select.selectOption({ label: 'Plant broker' });
  // A connected connection's form is folded to one line (issue 16, tablets): one click opens it.
  await page.getByRole('button', { name: 'Edit connection', exact: true }).click();
  await expect(name).toHaveValue('Plant broker');
});

test('import shows what it will change and asks first; the export carries the alarm settings', async ({ page, app, broker }) => {
  const alarm = (id: string, setpoint: number) => ({ id, name: `Alarm ${id}`, connection: 'plant', topic: `plant/${id}`, path: 'v', condition: 'above', setpoint, priority: 'high' });
  const base = configFor(broker, {
    alarms: [alarm('a1', 80), alarm('a2', 80)],
    dashboards: [{ id: 'd1', name: 'Line 1', widgets: [] }],
    alarmSettings: { shareAcksTopic: 'sightglass/acks', journalMax: 5000 },
  });
  await app.open(base);
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export configuration' }).click();
  const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
  expect(exported.alarmSettings).toMatchObject({ shareAcksTopic: 'sightglass/acks', journalMax: 5000 });

  const next = {
    ...base,
    connections: [...base.connections, { id: 'second', name: 'Second broker', url: broker.wsUrl, autoConnect: false }],
    alarms: [alarm('a1', 90)],
    dashboards: [{ id: 'd1', name: 'Line 1', widgets: [] }, { id: 'd2', name: 'Line 2', widgets: [] }],
  };
  const file = { name: 'next.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) };
  const options = page.getByRole('combobox', { name: 'Connection', exact: true }).locator('option');
  const dialog = page.getByRole('dialog', { name: 'Import configuration' });

  await page.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog).toContainText('Connections');
  await expect(dialog).toContainText('added: Second broker');
  await expect(dialog).toContainText('changed: Alarm a1');
  await expect(dialog).toContainText('removed: Alarm a2');
  await expect(dialog).toContainText('added: Line 2');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(options).toHaveText(['Plant broker']);

  await page.locator('input[type="file"]').setInputFiles(file);
  await dialog.getByRole('button', { name: 'Apply configuration' }).click();
  await expect(options).toHaveText(['Plant broker', 'Second broker']);
});
