/**
 * Charts and dashboards (issue 4) against a real mosquitto: widgets from config.json show the
 * newest value as text in their figure and redraw with new data; a widget added through the
 * UI survives a reload; the Message view's "Plot" action puts a field on a chart.
 */
import { test, expect, configFor, openConnected, waitForSubscription } from './support/fixtures';
import { publish, type MqttClient } from './support/mqttClient';
import { topicsTree, treeItem } from './support/tree';
import type { Locator, Page } from '@playwright/test';

const dashboard = {
  id: 'line1',
  name: 'Line 1',
  widgets: [
    { id: 'w1', type: 'line', title: 'Line 1 temperature', unit: '°C', series: [{ connection: 'plant', topic: 'plant/line1/temp', path: 'v' }] },
    { id: 'w2', type: 'gauge', title: 'Line 1 pressure', unit: 'bar', min: 0, max: 10, decimals: 1, series: [{ topic: 'plant/line1/pressure', path: 'a.b[0].c' }] },
    { id: 'w3', type: 'stat', title: 'Line 1 rate', unit: 'u/min', series: [{ topic: 'plant/line1/rate', path: '' }] },
    { id: 'w4', type: 'lamp', title: 'Press 1 state', states: [{ value: 'RUNNING', text: 'Running' }, { value: 'FAULT', text: 'Fault', priority: 'high' }], series: [{ topic: 'plant/line1/press1/state', path: 'state' }] },
  ],
};

function views(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Views' });
}

/** The chart's canvas as a data URL, to see that it was redrawn. */
function canvasImage(figure: Locator): Promise<string> {
  return figure.locator('canvas').first().evaluate((c: HTMLCanvasElement) => c.toDataURL());
}

async function publishSeries(pub: MqttClient, topic: string, values: number[]): Promise<void> {
  for (const v of values) await publish(pub, topic, { v, unit: '°C' }, { qos: 1 });
}

test('a config.json dashboard shows each widget’s latest value in its figure, and the chart redraws with new data', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [dashboard] });
  await views(page).getByRole('link', { name: 'Line 1', exact: true }).click();
  const chart = page.getByRole('figure', { name: 'Line 1 temperature' });
  await expect(chart).toBeVisible();
  await expect(chart.locator('canvas').first()).toBeVisible();

  const pub = await mqttClients.connect();
  await publishSeries(pub, 'plant/line1/temp', [20, 22.5, 21, 23.25]);
  await publish(pub, 'plant/line1/pressure', { a: { b: [{ c: 6.54 }] } }, { qos: 1 });
  await publish(pub, 'plant/line1/rate', '118', { qos: 1 });
  await publish(pub, 'plant/line1/press1/state', { state: 'FAULT' }, { qos: 1 });

  await expect(chart).toContainText('23.25 °C');
  await expect(page.getByRole('figure', { name: 'Line 1 pressure' })).toContainText('6.5 bar');
  await expect(page.getByRole('figure', { name: 'Line 1 rate' })).toContainText('118');
  await expect(page.getByRole('figure', { name: 'Press 1 state' })).toContainText('Fault (high)');

  // Wait until the chart has drawn what it has, then check that new data changes the picture.
  let before = await canvasImage(chart);
  await expect.poll(async () => {
    const now = await canvasImage(chart);
    const same = now === before;
    before = now;
    return same;
  }, { intervals: [400] }).toBe(true);
  await publishSeries(pub, 'plant/line1/temp', [40, 5, 38.5]);
  await expect(chart).toContainText('38.5 °C');
  await expect.poll(() => canvasImage(chart)).not.toBe(before);
});

test('a lamp without retained state says "Waiting for data", not "Stale", until its first message or its stale time', async ({ page, app, broker, mqttClients }) => {
  const topic = 'plant/line1/press1/state';
  const lamp = (id: string, title: string, staleAfterMs: number) => ({ id, type: 'lamp', title, staleAfterMs, states: [{ value: 'RUNNING', text: 'Running' }], series: [{ topic, path: 'state' }] });
  await openConnected({ page, app, broker }, { dashboards: [{ id: 'lamps', name: 'Lamps', widgets: [lamp('l1', 'Press 1 state', 600_000), lamp('l2', 'Press 1 state (short)', 1_000)] }] });
  await views(page).getByRole('link', { name: 'Lamps', exact: true }).click();
  const waiting = page.getByRole('figure', { name: 'Press 1 state', exact: true });
  await expect(waiting).toContainText('Waiting for data');
  await expect(waiting).not.toContainText('Stale');
  // Once the stale time has passed since the connection came up with nothing received, it is stale.
  const short = page.getByRole('figure', { name: 'Press 1 state (short)', exact: true });
  await expect(short).toContainText('Stale');
  await expect(short).not.toContainText('Waiting for data');

  const pub = await mqttClients.connect();
  await publish(pub, topic, { state: 'RUNNING' }, { qos: 1 });
  await expect(waiting).toContainText('Running');
  await expect(waiting).not.toContainText('Waiting for data');
  await expect(short).toContainText('Running');
});

test('a widget added through the UI is kept after a reload', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line2/pressure', { v: 5.5, unit: 'bar' }, { qos: 1, retain: true });

  await views(page).getByRole('link', { name: 'Dashboards', exact: true }).click();
  await page.getByRole('textbox', { name: 'Dashboard name' }).fill('Packing');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await expect(views(page).getByRole('link', { name: 'Packing', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add widget' });
  await dialog.getByRole('combobox', { name: 'Widget type' }).selectOption({ label: 'Gauge' });
  await dialog.getByRole('combobox', { name: 'Topic' }).fill('plant/line2/pressure');
  // The field comes from the numeric fields the engine has seen on that topic.
  await expect(dialog.getByRole('combobox', { name: 'Field' })).toHaveValue('v');
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Line 2 pressure');
  await dialog.getByRole('textbox', { name: 'Unit' }).fill('bar');
  await dialog.getByRole('textbox', { name: 'Maximum' }).fill('10');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();

  const gauge = page.getByRole('figure', { name: 'Line 2 pressure' });
  await expect(gauge).toContainText('5.5 bar');

  // The site config is saved to IndexedDB shortly after a change.
  await expect.poll(() => page.evaluate(storedConfigText)).toContain('Line 2 pressure');
  await page.reload();
  await views(page).getByRole('link', { name: 'Packing', exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Line 2 pressure' })).toContainText('5.5 bar');
});

test('"Add widget" stays reachable in view mode on a dashboard that has widgets', async ({ page, app, broker }) => {
  await app.open(configFor(broker, { dashboards: [dashboard] }));
  await views(page).getByRole('link', { name: 'Line 1', exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Line 1 temperature' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit dashboard' })).toHaveAttribute('aria-pressed', 'false');
  await page.getByRole('button', { name: 'Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add widget' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Widget type' })).toBeVisible();
});

test('"Plot" on a numeric field in the Message view adds it to a chart', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line3/flow', { v: 12.5, unit: 'm³/h', q: 192, state: 'ok' }, { qos: 1, retain: true });

  const tree = topicsTree(page);
  await page.getByRole('textbox', { name: 'Filter topics', exact: true }).fill('plant/line3/flow');
  await treeItem(tree, 'flow').click();
  const message = page.getByRole('region', { name: 'Message' });
  await expect(message.getByRole('button', { name: 'Plot v' })).toBeVisible();
  await expect(message.getByRole('button', { name: 'Plot q' })).toBeVisible();
  await expect(message.getByRole('button', { name: 'Plot state' })).toHaveCount(0);

  await message.getByRole('button', { name: 'Plot v' }).click();
  const dialog = page.getByRole('dialog', { name: 'Plot v' });
  await dialog.getByRole('button', { name: 'Plot', exact: true }).click();
  await expect(dialog).toBeHidden();
  await message.getByRole('link', { name: 'Open Plots' }).click();

  const chart = page.getByRole('figure', { name: 'line3/flow' });
  await expect(chart).toBeVisible();
  await publish(pub, 'plant/line3/flow', { v: 13.75 }, { qos: 1 });
  await expect(chart).toContainText('13.75');
  await expect(views(page).getByRole('link', { name: 'Plots', exact: true })).toBeVisible();
});

test('a chart pauses on zoom, resumes, and exports its points as CSV', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [dashboard] });
  await views(page).getByRole('link', { name: 'Line 1', exact: true }).click();
  const chart = page.getByRole('figure', { name: 'Line 1 temperature' });
  const pub = await mqttClients.connect();
  await publishSeries(pub, 'plant/line1/temp', [10, 11, 12.5]);
  await expect(chart).toContainText('12.5 °C');

  // Ctrl+wheel zooms the time axis (a plain wheel scrolls the dashboard); the chart pauses there.
  const box = (await chart.locator('canvas').first().boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -400);
  await page.keyboard.up('Control');
  await expect(chart.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(chart).toContainText('Paused');
  await chart.getByRole('button', { name: 'Resume' }).click();
  await expect(chart.getByRole('button', { name: 'Pause' })).toBeVisible();

  const download = page.waitForEvent('download');
  await chart.getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Line_1_temperature.csv');
  const text = await new Promise<string>((resolve, reject) => {
    void file.createReadStream().then((stream) => {
      let out = '';
      stream.on('data', (c: Buffer) => (out += c.toString('utf8')));
      stream.on('end', () => resolve(out));
      stream.on('error', reject);
    });
  });
  const lines = text.trim().split(/\r?\n/);
  expect(lines[0]).toBe('time,time_ms,line1/temp');
  expect(lines.slice(1).map((l) => l.split(',')[2])).toEqual(['10', '11', '12.5']);
});

/** The stored site configuration (IndexedDB `sightglass` › kv › siteConfig) as JSON text. */
function storedConfigText(): Promise<string> {
  return new Promise((resolve) => {
    const open = indexedDB.open('sightglass');
    open.onerror = () => resolve('');
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction('kv').objectStore('kv').get('siteConfig');
        get.onsuccess = () => resolve(JSON.stringify(get.result ?? ''));
        get.onerror = () => resolve('');
      } catch {
        resolve('');
      }
      db.close();
    };
  });
}

test('a new gauge suggests its range and unit from the values seen on its topic', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line3/pressure', { v: 0.35, unit: 'bar' }, { qos: 1, retain: true });

  await views(page).getByRole('link', { name: 'Dashboards', exact: true }).click();
  await page.getByRole('textbox', { name: 'Dashboard name' }).fill('Utilities');
  await page.getByRole('button', { name: 'New dashboard' }).click();
  await page.getByRole('button', { name: 'Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add widget' });
  await dialog.getByRole('combobox', { name: 'Widget type' }).selectOption({ label: 'Gauge' });
  await dialog.getByRole('combobox', { name: 'Topic' }).fill('plant/line3/pressure');
  await expect(dialog.getByRole('combobox', { name: 'Field' })).toHaveValue('v');
  await expect(dialog.getByRole('textbox', { name: 'Unit' })).toHaveValue('bar');
  await expect(dialog.getByRole('textbox', { name: 'Minimum' })).toHaveValue('0');
  await expect(dialog.getByRole('textbox', { name: 'Maximum' })).toHaveValue('0.5');
  // The user's own choice wins over the suggestion.
  await dialog.getByRole('textbox', { name: 'Maximum' }).fill('2');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('figure', { name: /pressure/i })).toContainText('0.35 bar');
});

/** A document of the app's `kv` store as JSON text ('' when missing), read in the page. */
function storedKvText(key: string): Promise<string> {
  return new Promise((resolve) => {
    const open = indexedDB.open('sightglass');
    open.onerror = () => resolve('');
    open.onsuccess = () => {
      const db = open.result;
      try {
        const get = db.transaction('kv').objectStore('kv').get(key);
        get.onsuccess = () => resolve(JSON.stringify(get.result ?? ''));
        get.onerror = () => resolve('');
      } catch {
        resolve('');
      }
      db.close();
    };
  });
}

test('lamp and stat show their last state after a reload, marked stale, until a new message comes', async ({ page, app, broker, mqttClients }) => {
  test.setTimeout(60_000); // two page loads
  const restoring = {
    id: 'restore',
    name: 'Restore',
    widgets: [
      { id: 'lamp', type: 'lamp', title: 'Press 2 state', staleAfterMs: 600_000, states: [{ value: 'RUNNING', text: 'Running' }, { value: 'FAULT', text: 'Fault', priority: 'high' }], series: [{ topic: 'plant/line2/press/state', path: 'state' }] },
      { id: 'stat', type: 'stat', title: 'Line 2 rate', unit: 'u/min', staleAfterMs: 600_000, series: [{ topic: 'plant/line2/rate', path: '' }] },
    ],
  };
  await openConnected({ page, app, broker }, { dashboards: [restoring] });
  const open = () => views(page).getByRole('link', { name: 'Restore', exact: true }).click();
  await open();
  const lamp = page.getByRole('figure', { name: 'Press 2 state' });
  const stat = page.getByRole('figure', { name: 'Line 2 rate' });
  const pub = await mqttClients.connect();
  // Not retained: after the reload the broker has nothing to send.
  await publish(pub, 'plant/line2/press/state', { state: 'FAULT' }, { qos: 1 });
  await publish(pub, 'plant/line2/rate', '118', { qos: 1 });
  await expect(lamp).toContainText('Fault (high)');
  await expect(stat).toContainText('118');
  await expect(lamp).not.toContainText('Stale');

  await expect.poll(() => page.evaluate(storedKvText, 'widgetLastValues')).toMatch(/FAULT.*118|118.*FAULT/);
  const from = broker.log().length;
  await page.reload();
  await open();
  // The last values are back, and the widgets say they are not live.
  await expect(lamp).toContainText('Fault (high)');
  await expect(lamp).toContainText('Stale');
  await expect(stat).toContainText('118');
  await expect(stat).toContainText('Stale');

  await waitForSubscription(broker, '#', { from });
  await publish(pub, 'plant/line2/press/state', { state: 'RUNNING' }, { qos: 1 });
  await expect(lamp).toContainText('Running');
  await expect(lamp).not.toContainText('Stale');
});
