/**
 * Counters, aggregates and backfill (issue 15) against a real mosquitto: kWh counters of three
 * meters (one reset) summed per hour into a bar widget whose current-interval text equals what
 * was published; a meter's rate in a stat; a rig's buffered point (older payload time) inserted
 * in a line chart's exported CSV in time order; a site-total alarm on an aggregate.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openConnected, type MqttClient } from './support/fixtures';
import { publish } from './support/mqttClient';

const HOUR = 3_600_000;

const dashboard = {
  id: 'energy',
  name: 'Energy',
  widgets: [
    {
      id: 'bars',
      type: 'bar',
      title: 'Site energy per hour',
      unit: 'kWh',
      series: [{ topic: 'site/+/meter', path: 'kwh', timePath: 'ts', transform: 'increase', interval: '1h', aggregate: 'sum', label: 'Site' }],
    },
    { id: 'rate', type: 'stat', title: 'Meter 1 rate', unit: 'kWh/s', series: [{ topic: 'site/m1/meter', path: 'kwh', timePath: 'ts', transform: 'rate' }] },
    { id: 'rig', type: 'line', title: 'Rig pressure', unit: 'bar', window: '1h', series: [{ topic: 'rig/1/pressure', path: 'v', timePath: 'ts', label: 'Pressure' }] },
  ],
};

const siteAlarm = {
  id: 'site-power',
  name: 'Site power high',
  topic: 'site/+/power',
  path: 'kw',
  aggregate: 'sum',
  condition: 'above',
  setpoint: 500,
  priority: 'high',
};

async function openEnergy(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Energy', exact: true }).click();
  await expect(page.getByRole('figure', { name: 'Site energy per hour' })).toBeVisible();
}

const reading = (pub: MqttClient, meter: string, kwh: number, ts: number) => publish(pub, `site/${meter}/meter`, { kwh, ts }, { qos: 1 });

async function exportCsv(page: Page): Promise<string> {
  const figure = page.getByRole('figure', { name: 'Rig pressure' });
  const [download] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Export CSV' }).click()]);
  return readFile((await download.path())!, 'utf8');
}

test('a bar widget’s current-hour total equals the published counters, one meter reset; a rate stat', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [dashboard] });
  await openEnergy(page);
  const pub = await mqttClients.connect();

  // Payload times inside one hour (the previous one), so the test never straddles a bucket edge.
  const base = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 10 * 60_000;
  await reading(pub, 'm1', 100, base);
  await reading(pub, 'm2', 5000, base);
  await reading(pub, 'm3', 900, base);
  await reading(pub, 'm1', 110, base + 1000);
  await reading(pub, 'm2', 5040, base + 1000);
  await reading(pub, 'm3', 930, base + 1000);
  await reading(pub, 'm1', 125, base + 2000);
  await reading(pub, 'm3', 3, base + 2000); // m3 was reset: +3 since the reset, not −927
  await reading(pub, 'm3', 10, base + 3000);

  // m1 +25, m2 +40, m3 +30 +3 +7 = 105 kWh.
  const bars = page.getByRole('figure', { name: 'Site energy per hour' });
  await expect(bars.getByRole('list', { name: 'Current interval' })).toContainText('105 kWh');
  await expect(bars.locator('canvas').first()).toBeVisible();
  // m1's last step: 15 kWh in one second.
  await expect(page.getByRole('figure', { name: 'Meter 1 rate' })).toContainText('15');
  await expect(page.getByRole('figure', { name: 'Meter 1 rate' })).toContainText('kWh/s');
});

test('a buffered point with an older payload time is inserted: the chart’s CSV lists it in time order', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [dashboard] });
  await openEnergy(page);
  const pub = await mqttClients.connect();
  const t0 = Date.now() - 60_000;
  await publish(pub, 'rig/1/pressure', { v: 1.5, ts: t0 }, { qos: 1 });
  await publish(pub, 'rig/1/pressure', { v: 3.5, ts: t0 + 20_000 }, { qos: 1 });
  const chart = page.getByRole('figure', { name: 'Rig pressure' });
  await expect(chart).toContainText('3.5 bar');

  // The rig comes back and sends what it buffered, with the original time.
  await publish(pub, 'rig/1/pressure', { v: 2.5, ts: t0 + 10_000 }, { qos: 1 });
  await expect
    .poll(async () => {
      const rows = (await exportCsv(page)).trim().split(/\r?\n/).slice(1);
      return rows.map((r) => r.split(',').slice(1).join(','));
    })
    .toEqual([`${t0},1.5`, `${t0 + 10_000},2.5`, `${t0 + 20_000},3.5`]);
  // The newest value is still the newest point, not the backfilled one.
  await expect(chart).toContainText('3.5 bar');
});

test('a site-total alarm on an aggregate over a wildcard trips as one alarm', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { alarms: [siteAlarm] });
  const pub = await mqttClients.connect();
  await publish(pub, 'site/a/power', { kw: 200 }, { qos: 1 });
  await publish(pub, 'site/b/power', { kw: 250 }, { qos: 1 });
  await publish(pub, 'site/c/power', { kw: 60 }, { qos: 1 });
  const banner = page.getByRole('alert', { name: 'Unacknowledged alarms' });
  await expect(banner).toContainText('1 unacknowledged alarm');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alarms', exact: true }).click();
  const rows = page.getByRole('table', { name: 'Active alarms' }).getByRole('row').filter({ hasText: 'Site power high' });
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole('cell').nth(4)).toHaveText('510');
});

test('the widget dialog makes a bar chart of a site total per hour', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [{ id: 'meters', name: 'Meters', widgets: [] }] });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Meters', exact: true }).click();
  await page.getByRole('button', { name: 'Add widget' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add widget' });
  await dialog.getByRole('combobox', { name: 'Widget type' }).selectOption({ label: 'Bar chart' });
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Meters per hour');
  await dialog.getByRole('combobox', { name: 'Topic' }).fill('site/+/meter');
  await dialog.getByRole('combobox', { name: 'Field' }).fill('kwh');
  await dialog.getByRole('textbox', { name: 'Time field' }).fill('ts');
  await dialog.getByRole('combobox', { name: 'Transform' }).selectOption({ label: 'Increase per interval (counter)' });
  await dialog.getByRole('combobox', { name: 'Interval' }).fill('1h');
  await dialog.getByRole('combobox', { name: 'Aggregate' }).selectOption({ label: 'Sum over the topics matched' });
  await dialog.getByRole('textbox', { name: 'Unit' }).fill('kWh');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog).toBeHidden();
  const bars = page.getByRole('figure', { name: 'Meters per hour' });
  await expect(bars).toBeVisible();

  const pub = await mqttClients.connect();
  const base = Math.floor(Date.now() / HOUR) * HOUR - HOUR + 20 * 60_000;
  await reading(pub, 'a', 10, base);
  await reading(pub, 'b', 70, base);
  await reading(pub, 'a', 12.5, base + 1000);
  await reading(pub, 'b', 77, base + 1000);
  await expect(bars.getByRole('list', { name: 'Current interval' })).toContainText('9.5 kWh');
});
