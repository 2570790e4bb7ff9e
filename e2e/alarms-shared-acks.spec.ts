/**
 * Acknowledgements shared between control-room screens through the retained snapshot on
 * `alarmSettings.shareAcksTopic` (src/alarms/AlarmSharing.ts): two (then three) browser contexts on
 * one real Mosquitto, a real Node publisher for the plant.
 */
import { test, expect, openConnected, uid, type MqttClient } from './support/fixtures';
import { alarmRow as row, openAlarms, openScreen, stateCell } from './support/alarmScreens';
import { collect, publish } from './support/mqttClient';
import type { BrowserContext, Page } from '@playwright/test';

const SHARED = 'sightglass/alarms/shared-acks';
const NAME = 'Line 1 temperature high';
const alarmRow = (page: Page) => row(page, NAME);
const send = (pub: MqttClient, topic: string, v: number) => publish(pub, topic, { v, unit: '°C', ts: Date.now() }, { qos: 1 });

const rule = (topic: string) => ({
  id: 't1', name: NAME, connection: 'plant', topic, path: 'v', condition: 'above', setpoint: 80, deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high',
});

/** Sends `v` until `page` shows the alarm row (its subscription is in place), then returns. */
async function sendUntilShown(pub: MqttClient, topic: string, v: number, page: Page): Promise<void> {
  await expect(async () => {
    await send(pub, topic, v);
    await expect(alarmRow(page)).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 10_000 });
}

test('a screen that opens later shows an alarm acknowledged elsewhere as acknowledged; a new activation is unacknowledged on both', async ({ page, app, broker, mqttClients, browser }) => {
  // Three browser contexts, each loading the app and connecting: more than one page's budget.
  test.setTimeout(120_000);
  const topic = `plant/line1/temp-${uid()}`;
  const opened = await openConnected({ page, app, broker }, { alarms: [rule(topic)], alarmSettings: { shareAcksTopic: SHARED } });
  const screens: { context: BrowserContext; page: Page }[] = [];
  try {
    await openAlarms(page);
    const pub = await mqttClients.connect();
    const snapshots = await collect(await mqttClients.connect(), SHARED);
    await sendUntilShown(pub, topic, 86, page);
    await expect(stateCell(alarmRow(page))).toHaveText('Unacknowledged');
    await alarmRow(page).getByRole('button', { name: 'Acknowledge' }).click();
    await expect(stateCell(alarmRow(page))).toHaveText('Acknowledged');

    // Screen B opens afterwards: the retained snapshot says the standing activation is acknowledged.
    screens.push(await openScreen(browser, opened.url));
    const page2 = screens[0].page;
    await sendUntilShown(pub, topic, 87, page2);
    await expect(stateCell(alarmRow(page2))).toHaveText('Acknowledged');
    await expect(page2.getByRole('alert', { name: 'Unacknowledged alarms' })).toHaveCount(0);

    // Back to normal (the row goes on both), then a new activation: unacknowledged on both.
    await send(pub, topic, 70);
    for (const p of [page, page2]) await expect(alarmRow(p)).toHaveCount(0);
    await send(pub, topic, 88);
    for (const p of [page, page2]) await expect(stateCell(alarmRow(p))).toHaveText('Unacknowledged');

    // One screen replaces the retained snapshot, whose ack was for the old activation; a screen
    // opening after that does not take the old ack for the new activation.
    await snapshots.waitFor((m) => {
      const body = JSON.parse(m.payload) as { type: string; acks?: unknown[] };
      return body.type === 'snapshot' && body.acks?.length === 0;
    }, 15_000);
    screens.push(await openScreen(browser, opened.url));
    const page3 = screens[1].page;
    await sendUntilShown(pub, topic, 89, page3);
    await expect(stateCell(alarmRow(page3))).toHaveText('Unacknowledged');
  } finally {
    for (const s of screens) await s.context.close();
  }
});
