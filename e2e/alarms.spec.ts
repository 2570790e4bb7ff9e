/**
 * Alarms (ISA-18.2) end to end: rules from config.json, a real Node publisher through a real
 * mosquitto, evaluation in the engine worker, the banner, the "Active alarms" table, shelving,
 * and the journal in IndexedDB across a reload. Each test gets a fresh broker and browser context.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, openConnected, uid, waitForSubscription, type MqttClient } from './support/fixtures';
import { activeTable, alarmRow, openAlarms, openScreen, stateCell } from './support/alarmScreens';
import { publish } from './support/mqttClient';
import type { BrowserContext, Locator, Page } from '@playwright/test';

const banner = (page: Page) => page.getByRole('alert', { name: 'Unacknowledged alarms' });
const valueCell = (row: Locator) => row.getByRole('cell').nth(4);

function rule(topic: string, over: Record<string, unknown> = {}) {
  return {
    id: 't1', name: 'Line 1 temperature high', connection: 'plant', topic, path: 'v',
    condition: 'above', setpoint: 80, deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high', ...over,
  };
}

const send = (pub: MqttClient, topic: string, v: number) => publish(pub, topic, { v, unit: '°C', ts: Date.now() }, { qos: 1 });

test('a real publisher raises an alarm; acknowledge; the deadband holds it; return to normal clears it', async ({ page, app, broker, mqttClients }) => {
  const topic = `plant/line1/temp-${uid()}`;
  await openConnected({ page, app, broker }, { alarms: [rule(topic)] });
  const pub = await mqttClients.connect();

  // In normal operation nothing on the page has role alert.
  await expect(page.getByRole('alert')).toHaveCount(0);
  await send(pub, topic, 75);
  await send(pub, topic, 85);

  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toContainText('1 unacknowledged alarm');
  await expect(banner(page)).toContainText('1 high');
  await expect(page.getByRole('alert')).toHaveCount(1);

  // The banner opens the alarm page.
  await banner(page).getByRole('link').click();
  await expect(page).toHaveURL(/#\/alarms$/);
  const row = alarmRow(page, 'Line 1 temperature high');
  await expect(stateCell(row)).toHaveText('Unacknowledged');
  await expect(row).toContainText('High');
  await expect(valueCell(row)).toHaveText('85 °C');

  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(stateCell(row)).toHaveText('Acknowledged');
  await expect(row.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(banner(page)).toHaveCount(0);

  // 79 is below the setpoint but inside the deadband (78..80): still active.
  await send(pub, topic, 79);
  await expect(valueCell(row)).toHaveText('79 °C');
  await expect(stateCell(row)).toHaveText('Acknowledged');

  // Below setpoint − deadband: normal and acknowledged, so the row goes.
  await send(pub, topic, 77.5);
  await expect(row).toHaveCount(0);
  await expect(activeTable(page)).toContainText('No active alarms');

  // Raise and return before acknowledging: "Returned unacknowledged", the banner stays until acked.
  await send(pub, topic, 90);
  await send(pub, topic, 60);
  await expect(stateCell(row)).toHaveText('Returned unacknowledged');
  await expect(banner(page)).toBeVisible();
  await page.getByRole('button', { name: 'Acknowledge all visible' }).click();
  await expect(row).toHaveCount(0);
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an on-delay suppresses a short excursion; a sustained one raises after the delay', async ({ page, app, broker, mqttClients }) => {
  const topic = `plant/line1/temp-${uid()}`;
  const sentinel = `plant/line1/heartbeat-${uid()}`;
  await openConnected(
    { page, app, broker },
    {
      alarms: [
        rule(topic, { onDelayMs: 1500 }),
        // Goes stale 2.5 s after its message: a clock to wait on without sleeping in the test.
        { id: 'hb', name: 'Heartbeat lost', connection: 'plant', topic: sentinel, condition: 'stale', staleAfterMs: 2500, priority: 'low' },
      ],
    },
  );
  const pub = await mqttClients.connect();
  await openAlarms(page);

  await publish(pub, sentinel, '1', { qos: 1 });
  await send(pub, topic, 95);
  await send(pub, topic, 70); // back within milliseconds: the on-delay never ran out

  await expect(stateCell(alarmRow(page, 'Heartbeat lost'))).toHaveText('Unacknowledged', { timeout: 8_000 });
  // By now the on-delay (1.5 s) of the short excursion would long have fired.
  await expect(alarmRow(page, 'Line 1 temperature high')).toHaveCount(0);

  const raisedAt = Date.now();
  await send(pub, topic, 95);
  await send(pub, topic, 96);
  await expect(stateCell(alarmRow(page, 'Line 1 temperature high'))).toHaveText('Unacknowledged', { timeout: 5_000 });
  expect(Date.now() - raisedAt).toBeGreaterThanOrEqual(1400);
});

test('shelving hides an alarm for the chosen time, then it returns by itself', async ({ page, app, broker, mqttClients }) => {
  const topic = `plant/line1/temp-${uid()}`;
  await openConnected({ page, app, broker }, { alarms: [rule(topic)] });
  const pub = await mqttClients.connect();
  await openAlarms(page);
  await send(pub, topic, 88);
  const row = alarmRow(page, 'Line 1 temperature high');
  await expect(stateCell(row)).toHaveText('Unacknowledged');

  // Sound needs a user gesture first; then the banner offers Silence until a new alarm comes.
  await banner(page).getByRole('button', { name: 'Enable sound' }).click();
  await banner(page).getByRole('button', { name: 'Silence' }).click();
  await expect(banner(page).getByRole('button', { name: 'Silence' })).toHaveCount(0);
  await expect(page.getByText('Sound on')).toBeVisible();

  await row.getByRole('button', { name: 'Shelve' }).click();
  const dialog = page.getByRole('dialog', { name: 'Shelve alarm' });
  await dialog.getByRole('button', { name: 'Shelve' }).click();
  await expect(dialog).toContainText('Give a reason for shelving.');
  await dialog.getByLabel('Shelve duration').selectOption('custom');
  await dialog.getByLabel('Duration in seconds').fill('3');
  await dialog.getByLabel('Shelve reason').fill('sensor check by e2e');
  await dialog.getByRole('button', { name: 'Shelve' }).click();
  await expect(dialog).toHaveCount(0);

  await expect(stateCell(row)).toContainText('Shelved');
  await expect(row).toContainText('sensor check by e2e');
  await expect(banner(page)).toHaveCount(0);

  // Still above the setpoint when the shelf expires: annunciated again, unacknowledged.
  await expect(stateCell(row)).toHaveText('Unacknowledged', { timeout: 8_000 });
  await expect(banner(page)).toBeVisible();
});

test('alarm states and the journal survive a reload; the journal exports CSV', async ({ page, app, broker, mqttClients }) => {
  const topic = `plant/line1/temp-${uid()}`;
  const topic2 = `plant/line2/temp-${uid()}`;
  await openConnected({ page, app, broker }, { alarms: [rule(topic), rule(topic2, { id: 't2', name: 'Line 2 temperature high', priority: 'critical' })] });
  const pub = await mqttClients.connect();
  await openAlarms(page);

  await send(pub, topic, 85);
  const row = alarmRow(page, 'Line 1 temperature high');
  await row.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(stateCell(row)).toHaveText('Acknowledged');
  await send(pub, topic, 70);
  await expect(row).toHaveCount(0);
  // Left unacknowledged on purpose: it must still be there after the reload (no new message comes).
  await send(pub, topic2, 99);
  await expect(stateCell(alarmRow(page, 'Line 2 temperature high'))).toHaveText('Unacknowledged');

  await page.reload();
  await expect(stateCell(alarmRow(page, 'Line 2 temperature high'))).toHaveText('Unacknowledged');
  await expect(valueCell(alarmRow(page, 'Line 2 temperature high'))).toHaveText('99 °C');
  await expect(banner(page)).toContainText('1 critical');

  await page.getByRole('navigation', { name: 'Alarm views' }).getByRole('link', { name: 'Journal' }).click();
  const journal = page.getByRole('table', { name: 'Alarm journal' });
  await expect(journal.getByRole('row')).toHaveCount(5); // header + 4 entries
  await page.getByLabel('Search journal').fill('Line 1');
  await expect(journal.getByRole('row')).toHaveCount(4);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv.trimEnd().split('\r\n').map((l) => l.split(','));
  const header = lines[0];
  expect(header).toEqual(['time', 'kind', 'rule', 'name', 'priority', 'connection', 'topic', 'value', 'from', 'to', 'action', 'trigger', 'reason', 'station']);
  const col = (name: string) => header.indexOf(name);
  const rows = lines.slice(1);
  expect(rows.map((r) => [r[col('rule')], r[col('topic')], r[col('value')], r[col('from')], r[col('to')], r[col('action')]])).toEqual([
    ['t1', topic, '85', 'normal', 'unacknowledged', 'activate'],
    ['t1', topic, '85', 'unacknowledged', 'acknowledged', 'acknowledge'],
    ['t1', topic, '70', 'acknowledged', 'normal', 'clear'],
  ]);
  expect(rows.every((r) => r[col('connection')] === 'plant' && r[col('priority')] === 'high' && !Number.isNaN(Date.parse(r[col('time')])))).toBe(true);
});

test('shared acknowledgements: acknowledging on one screen acknowledges on the other', async ({ page, app, broker, mqttClients, browser }) => {
  const topic = `plant/line1/temp-${uid()}`;
  // Two browser contexts, each loading the app and connecting: more than one page's budget.
  test.setTimeout(120_000);
  const opened = await openConnected({ page, app, broker }, { alarms: [rule(topic)], alarmSettings: { shareAcksTopic: 'sightglass/alarms/ack' } });
  const { context: other, page: page2 } = await openScreen(browser, opened.url);
  try {
    await openAlarms(page);
    const pub = await mqttClients.connect();
    // Wait until both screens' subscriptions are in place before raising.
    await expect(async () => {
      await send(pub, topic, 86);
      await expect(stateCell(alarmRow(page2, 'Line 1 temperature high'))).toHaveText('Unacknowledged', { timeout: 500 });
    }).toPass({ timeout: 8_000 });
    await expect(stateCell(alarmRow(page, 'Line 1 temperature high'))).toHaveText('Unacknowledged');

    await alarmRow(page, 'Line 1 temperature high').getByRole('button', { name: 'Acknowledge' }).click();
    await expect(stateCell(alarmRow(page2, 'Line 1 temperature high'))).toHaveText('Acknowledged');
    await expect(banner(page2)).toHaveCount(0);
  } finally {
    await other.close();
  }
});

test('rule editor: the id comes from the name, problems read as words, topics are suggested, a wildcard rule is tested on every topic', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { alarms: [rule('plant/+/temp', { id: 'wild', name: 'Any line temperature high' })] });
  const pub = await mqttClients.connect();
  await send(pub, 'plant/a/temp', 90);
  await send(pub, 'plant/b/temp', 50);
  await openAlarms(page);
  await expect(stateCell(alarmRow(page, 'Any line temperature high'))).toHaveText('Unacknowledged');

  // A new rule with no Rule ID and no setpoint: the problem is named in words, never validator text.
  await page.getByRole('navigation', { name: 'Alarm views' }).getByRole('link', { name: 'Rules', exact: true }).click();
  await page.getByRole('button', { name: 'Add rule', exact: true }).click();
  const editor = page.getByRole('form', { name: 'Rule editor' });
  await editor.getByRole('textbox', { name: 'Alarm name', exact: true }).fill('Line B pressure high');
  const topic = editor.getByLabel('Alarm topic', { exact: true });
  await topic.fill('plant/');
  // The topic field offers the topics seen, as the widget dialog does.
  await expect
    .poll(() => topic.evaluate((el) => [...((el as HTMLInputElement).list?.options ?? [])].map((o) => o.value)))
    .toEqual(expect.arrayContaining(['plant/a/temp', 'plant/b/temp']));
  await topic.fill('plant/b/temp');
  await editor.getByRole('button', { name: 'Save rule', exact: true }).click();
  await expect(editor).toContainText(/Setpoint/);
  await expect(editor).not.toContainText(/Invalid (key|type)|Expected/);
  await editor.getByRole('textbox', { name: 'Setpoint', exact: true }).fill('70');
  await editor.getByRole('button', { name: 'Save rule', exact: true }).click();
  const rules = page.getByRole('table', { name: 'Alarm rules' });
  await expect(rules).toContainText('Line B pressure high');
  await expect(rules).toContainText('line-b-pressure-high');

  // Testing the wildcard rule reports each matching topic.
  await page.getByRole('button', { name: 'Edit Any line temperature high', exact: true }).click();
  await page.getByRole('button', { name: 'Test against the last value', exact: true }).click();
  const result = page.getByRole('status', { name: 'Test result' });
  await expect(result).toContainText('plant/a/temp');
  await expect(result).toContainText('plant/b/temp');
  await expect(result).toContainText('would be in alarm');
});

test('a chattering alarm does not re-sort the rows while the pointer is over the table', async ({ page, app, broker, mqttClients }) => {
  const a = 'plant/a/temp';
  const b = 'plant/b/temp';
  await openConnected({ page, app, broker }, { alarms: [rule(a, { id: 'a', name: 'Alarm A' }), rule(b, { id: 'b', name: 'Alarm B' })] });
  const pub = await mqttClients.connect();
  await openAlarms(page);
  await send(pub, a, 90);
  await expect(stateCell(alarmRow(page, 'Alarm A'))).toHaveText('Unacknowledged');
  await send(pub, b, 90);
  const rows = activeTable(page).getByRole('row');
  // Newest activation first within a priority.
  await expect(rows.nth(1)).toContainText('Alarm B');
  await expect(rows.nth(2)).toContainText('Alarm A');

  // The operator's pointer rests on Alarm A's row, about to acknowledge it; A chatters.
  await alarmRow(page, 'Alarm A').getByRole('button', { name: 'Acknowledge' }).hover();
  await send(pub, a, 60);
  await expect(stateCell(alarmRow(page, 'Alarm A'))).toHaveText('Returned unacknowledged');
  await send(pub, a, 91);
  await expect(valueCell(alarmRow(page, 'Alarm A'))).toHaveText('91 °C');
  await expect(stateCell(alarmRow(page, 'Alarm A'))).toHaveText('Unacknowledged');
  await expect(rows.nth(2)).toContainText('Alarm A');

  // Once the pointer leaves, the table sorts again.
  await page.mouse.move(0, 0);
  await expect(rows.nth(1)).toContainText('Alarm A');
});

const SHARED = 'sightglass/alarms/shared';

test('shared shelving: a shelve on one screen shows on the other and on a screen that connects later; unshelve clears it everywhere', async ({ page, app, broker, mqttClients, browser }) => {
  // Two or three browser contexts, each loading the app and connecting: more than one page's budget.
  test.setTimeout(120_000);
  const topic = `plant/line1/temp-${uid()}`;
  const name = 'Line 1 temperature high';
  const opened = await openConnected({ page, app, broker }, { alarms: [rule(topic)], alarmSettings: { shareAcksTopic: SHARED } });
  const second = await openScreen(browser, opened.url);
  let late: { context: BrowserContext; page: Page } | undefined;
  try {
    const page2 = second.page;
    await openAlarms(page);
    const pub = await mqttClients.connect();
    // Wait until both screens' subscriptions are in place before acting.
    await expect(async () => {
      await send(pub, topic, 86);
      await expect(stateCell(alarmRow(page2, name))).toHaveText('Unacknowledged', { timeout: 500 });
    }).toPass({ timeout: 8_000 });
    await expect(stateCell(alarmRow(page, name))).toHaveText('Unacknowledged');

    await alarmRow(page, name).getByRole('button', { name: 'Shelve' }).click();
    const dialog = page.getByRole('dialog', { name: 'Shelve alarm' });
    await dialog.getByLabel('Shelve reason').fill('pump swap by e2e');
    await dialog.getByRole('button', { name: 'Shelve' }).click();
    await expect(stateCell(alarmRow(page, name))).toContainText('Shelved');
    await expect(stateCell(alarmRow(page2, name))).toContainText('Shelved');
    await expect(alarmRow(page2, name)).toContainText('pump swap by e2e');
    await expect(banner(page2)).toHaveCount(0);

    // A third screen connects afterwards: the retained snapshot tells it about the shelf, which
    // applies as soon as the alarm's first value arrives there.
    late = await openScreen(browser, opened.url);
    const page3 = late.page;
    await expect(async () => {
      await send(pub, topic, 87);
      await expect(alarmRow(page3, name)).toHaveCount(1, { timeout: 500 });
    }).toPass({ timeout: 8_000 });
    await expect(stateCell(alarmRow(page3, name))).toContainText('Shelved');
    await expect(alarmRow(page3, name)).toContainText('pump swap by e2e');

    // Unshelved on the second screen: still above the setpoint, so unacknowledged on all three.
    await alarmRow(page2, name).getByRole('button', { name: 'Unshelve' }).click();
    for (const p of [page, page2, page3]) await expect(stateCell(alarmRow(p, name))).toHaveText('Unacknowledged');
  } finally {
    await second.context.close();
    await late?.context.close();
  }
});

test('a latched alarm stays after its condition clears until Reset, on both screens and across a reload', async ({ page, app, broker, mqttClients, browser }) => {
  // Two or three browser contexts, each loading the app and connecting: more than one page's budget.
  test.setTimeout(120_000);
  const topic = `plant/line1/trip-${uid()}`;
  const name = 'Line 1 trip';
  const opened = await openConnected(
    { page, app, broker },
    { alarms: [rule(topic, { name, latch: true, deadband: 0 })], alarmSettings: { shareAcksTopic: SHARED } },
  );
  const second = await openScreen(browser, opened.url);
  try {
    const page2 = second.page;
    await openAlarms(page);
    const pub = await mqttClients.connect();
    await expect(async () => {
      await send(pub, topic, 95);
      await expect(stateCell(alarmRow(page2, name))).toHaveText('Unacknowledged', { timeout: 500 });
    }).toPass({ timeout: 8_000 });
    const row = alarmRow(page, name);
    await expect(stateCell(row)).toHaveText('Unacknowledged');
    // While the condition is active there is nothing to reset.
    await expect(row.getByRole('button', { name: 'Reset' })).toBeDisabled();

    // The condition clears: the alarm stays (ISA-18.2 E), still to be acknowledged, Reset not yet.
    await send(pub, topic, 20);
    for (const p of [page, page2]) await expect(stateCell(alarmRow(p, name))).toHaveText('Latched unacknowledged');
    await expect(valueCell(row)).toHaveText('20 °C');
    await expect(row.getByRole('button', { name: 'Reset' })).toBeDisabled();
    await expect(banner(page)).toBeVisible();

    await row.getByRole('button', { name: 'Acknowledge' }).click();
    for (const p of [page, page2]) await expect(stateCell(alarmRow(p, name))).toHaveText('Latched acknowledged');
    await expect(banner(page2)).toHaveCount(0);

    // The latch is stored like any alarm state.
    const from = broker.log().length;
    await page2.reload();
    await openAlarms(page2);
    await expect(stateCell(alarmRow(page2, name))).toHaveText('Latched acknowledged');
    // The reset below is an event, not retained: wait until the reloaded screen is subscribed again.
    await waitForSubscription(broker, '#', { from });

    await row.getByRole('button', { name: 'Reset' }).click();
    await expect(row).toHaveCount(0);
    await expect(alarmRow(page2, name)).toHaveCount(0);
    await expect(activeTable(page2)).toContainText('No active alarms');

    // The rule editor shows the rule's latch.
    await page.getByRole('navigation', { name: 'Alarm views' }).getByRole('link', { name: 'Rules', exact: true }).click();
    await page.getByRole('button', { name: `Edit ${name}`, exact: true }).click();
    await expect(page.getByRole('form', { name: 'Rule editor' }).getByRole('checkbox', { name: 'Latch until reset' })).toBeChecked();
  } finally {
    await second.context.close();
  }
});
