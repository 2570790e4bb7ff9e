/**
 * Publishing from the "Publish" region, checked by a real Node subscriber on mosquitto's
 * TCP listener. Each test gets a fresh broker.
 */
import { test, expect, openConnected, uid } from './support/fixtures';
import { collect } from './support/mqttClient';
import type { Locator, Page } from '@playwright/test';

function publishRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Publish' });
}

async function publishFromUi(region: Locator, { topic, payload, qos, retain = false }: { topic: string; payload: string; qos: 0 | 1 | 2; retain?: boolean }) {
  await region.getByRole('textbox', { name: 'Topic', exact: true }).fill(topic);
  await region.getByRole('textbox', { name: 'Payload', exact: true }).fill(payload);
  await region.getByRole('combobox', { name: 'QoS', exact: true }).selectOption(String(qos));
  await region.getByRole('checkbox', { name: 'Retain', exact: true }).setChecked(retain);
  await region.getByRole('button', { name: 'Publish', exact: true }).click();
}

const expectedStatus = { 0: 'Sent', 1: 'Delivered', 2: 'Delivered' } as const;

test.describe('publish with QoS', () => {
  for (const qos of [0, 1, 2] as const) {
    test(`QoS ${qos}: status "${expectedStatus[qos]}" and a subscriber receives it at QoS ${qos}`, async ({ page, app, broker, mqttClients }) => {
      const sub = await mqttClients.connect();
      const received = await collect(sub, 'cmd/#', { qos: 2 });
      await openConnected({ page, app, broker });

      const topic = `cmd/line1/setpoint-${uid()}`;
      const payload = JSON.stringify({ sp: 42 + qos, id: uid() });
      const region = publishRegion(page);
      await publishFromUi(region, { topic, payload, qos });

      await expect(region.getByRole('status')).toHaveText(expectedStatus[qos]);
      const msg = await received.waitFor((m) => m.topic === topic && m.payload === payload);
      expect(msg.qos).toBe(qos);
      expect(msg.retain).toBe(false);
    });
  }
});

test('Retain: a later subscriber receives the message as retained', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const topic = `cmd/line1/mode-${uid()}`;
  const payload = `auto-${uid()}`;
  const region = publishRegion(page);
  await publishFromUi(region, { topic, payload, qos: 1, retain: true });
  await expect(region.getByRole('status')).toHaveText('Delivered');

  const late = await mqttClients.connect();
  const received = await collect(late, topic, { qos: 1 });
  const msg = await received.waitFor((m) => m.payload === payload);
  expect(msg.retain).toBe(true);
});

test('selecting a telemetry topic does not make it the Publish topic; using it on purpose warns', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await pub.publishAsync('plant/line1/temp', '21.5', { qos: 1 });
  const region = publishRegion(page);
  const topicBox = region.getByRole('textbox', { name: 'Topic', exact: true });
  await topicBox.fill('cmd/line1/mode');

  const tree = page.getByRole('tree', { name: 'Topics' });
  for (const level of ['plant', 'line1']) {
    const item = tree.getByRole('treeitem', { name: new RegExp(`^${level}(?![\\w-])`) });
    await item.click();
    await page.keyboard.press('ArrowRight');
  }
  await tree.getByRole('treeitem', { name: /^temp(?![\w-])/ }).click();
  await expect(page.getByRole('region', { name: 'Message' })).toContainText('plant/line1/temp');
  await expect(topicBox).toHaveValue('cmd/line1/mode');

  await region.getByRole('button', { name: 'Use selected topic', exact: true }).click();
  await expect(topicBox).toHaveValue('plant/line1/temp');
  await expect(region.getByRole('note')).toContainText('telemetry');
});
