/**
 * Topic tree: live messages from a real Node publisher (TCP) through a real mosquitto
 * to the app (websockets). Each test gets a fresh broker, so topic names are fixed.
 */
import { test, expect, openConnected } from './support/fixtures';
import { publish } from './support/mqttClient';
import { expandWithKeyboard, focusTree, isFocusedItem, moveFocusTo, topicsTree, treeItem } from './support/tree';
import type { Locator, Page } from '@playwright/test';

function messageRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Message' });
}

/** Expands each ancestor level with the keyboard, then clicks the leaf to select it. */
async function selectTopic(page: Page, topic: string): Promise<void> {
  const tree = topicsTree(page);
  const levels = topic.split('/');
  for (const level of levels.slice(0, -1)) await expandWithKeyboard(tree, treeItem(tree, level));
  await treeItem(tree, levels.at(-1)!).click();
}

test('published topics appear level by level', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line1/temp', { v: 21.5 }, { qos: 1 });

  const tree = topicsTree(page);
  await expect(treeItem(tree, 'plant')).toBeVisible();
  await expect(treeItem(tree, 'plant')).toHaveAttribute('aria-expanded', /^(true|false)$/);
  await expandWithKeyboard(tree, treeItem(tree, 'plant'));
  await expandWithKeyboard(tree, treeItem(tree, 'line1'));
  await expect(treeItem(tree, 'temp')).toBeVisible();
});

test('keyboard navigation follows the WAI-ARIA tree pattern', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line1/temp', '21.5', { qos: 1 });
  await publish(pub, 'plant/line1/pressure', '1.2', { qos: 1 });

  const tree = topicsTree(page);
  const plant = treeItem(tree, 'plant');
  const line1 = treeItem(tree, 'line1');
  const temp = treeItem(tree, 'temp');
  const pressure = treeItem(tree, 'pressure');
  await expect(plant).toBeVisible();

  // Focus lands on a node (the first one; the app may show a root per connection above
  // `plant`), then ArrowDown/ArrowUp walk to `plant`.
  await focusTree(tree);
  await expect.poll(() => isFocusedItem(tree.getByRole('treeitem').first())).toBe(true);
  await moveFocusTo(tree, plant);

  // ArrowLeft on an open node closes it; ArrowRight on a closed node opens it.
  if ((await plant.getAttribute('aria-expanded')) === 'true') {
    await page.keyboard.press('ArrowLeft');
    await expect(plant).toHaveAttribute('aria-expanded', 'false');
    await expect(line1).toBeHidden();
  }
  await page.keyboard.press('ArrowRight');
  await expect(plant).toHaveAttribute('aria-expanded', 'true');
  await expect(line1).toBeVisible();

  // ArrowDown moves to the next visible node.
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => isFocusedItem(line1)).toBe(true);
  if ((await line1.getAttribute('aria-expanded')) === 'true') {
    await page.keyboard.press('ArrowLeft');
    await expect(line1).toHaveAttribute('aria-expanded', 'false');
  }
  await expect(temp).toBeHidden();
  await page.keyboard.press('ArrowRight');
  await expect(line1).toHaveAttribute('aria-expanded', 'true');
  await expect(temp).toBeVisible();
  await expect(pressure).toBeVisible();

  // ArrowRight on an open node moves to its first child; ArrowLeft on a child goes to the parent.
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await isFocusedItem(temp)) || (await isFocusedItem(pressure))).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => isFocusedItem(line1)).toBe(true);
  await page.keyboard.press('ArrowLeft');
  await expect(line1).toHaveAttribute('aria-expanded', 'false');
  await expect(temp).toBeHidden();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => isFocusedItem(plant)).toBe(true);
  await expect(plant).toHaveAttribute('aria-expanded', 'true');
});

test('filter by text and by MQTT wildcard filter', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  for (const topic of ['plant/line1/temp', 'plant/line1/pressure', 'plant/line2/temp', 'plant/line2/pressure']) {
    await publish(pub, topic, '1', { qos: 1 });
  }
  const tree = topicsTree(page);
  await expect(treeItem(tree, 'plant')).toBeVisible();
  const filter = page.getByRole('textbox', { name: 'Filter topics', exact: true });

  // Text: matching topics with their ancestors, expanded.
  await filter.fill('line2');
  await expect(treeItem(tree, 'line2')).toBeVisible();
  await expect(treeItem(tree, 'plant')).toBeVisible();
  await expect(treeItem(tree, 'temp')).toHaveCount(1);
  await expect(treeItem(tree, 'pressure')).toHaveCount(1);
  await expect(treeItem(tree, 'line1')).toHaveCount(0);

  // MQTT filter with +.
  await filter.fill('plant/+/temp');
  await expect(treeItem(tree, 'temp')).toHaveCount(2);
  await expect(treeItem(tree, 'line1')).toBeVisible();
  await expect(treeItem(tree, 'line2')).toBeVisible();
  await expect(treeItem(tree, 'pressure')).toHaveCount(0);
});

test('selecting a topic shows its full topic and pretty JSON', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line1/temp', '{"v":21.5,"unit":"C"}', { qos: 1 });

  await selectTopic(page, 'plant/line1/temp');
  const message = messageRegion(page);
  await expect(message).toContainText('plant/line1/temp');
  // Published compact; `"v": 21.5` (with a space) only appears when pretty-printed.
  await expect(message).toContainText('"v": 21.5');
  await expect(message).toContainText('"unit": "C"');
});

test('a retained message published before the page opens is shown as retained', async ({ page, app, broker, mqttClients }) => {
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/line1/temp', '{"v":19}', { qos: 1, retain: true });

  await openConnected({ page, app, broker });
  await selectTopic(page, 'plant/line1/temp');
  const message = messageRegion(page);
  await expect(message).toContainText('plant/line1/temp');
  await expect(message).toContainText('"v": 19');
  // innerText keeps the gap between a label and its value ("Retain yes", "retained: true").
  await expect(message).toContainText(/retain/i, { useInnerText: true });
  await expect(message).toContainText(/\b(true|yes)\b/i, { useInnerText: true });
});

test('an HTML payload is shown as text, never rendered', async ({ page, app, broker, mqttClients }) => {
  const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/html', payload, { qos: 1 });

  await selectTopic(page, 'plant/html');
  const message = messageRegion(page);
  await expect(message).toContainText(payload);
  await expect(message.locator('img[src="x"], script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
});

test('malformed JSON is shown as text', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/bad', '{"v": 1,', { qos: 1 });

  await selectTopic(page, 'plant/bad');
  await expect(messageRegion(page)).toContainText('plant/bad');
  await expect(messageRegion(page)).toContainText('{"v": 1,');
});

test('the selection and keyboard focus stay on the topic while rows are added above it or filtered', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const pub = await mqttClients.connect();
  await publish(pub, 'plant/press1/temperature', '21.5', { qos: 1 });
  await publish(pub, 'plant/press1/zeta', '1', { qos: 1 });

  await selectTopic(page, 'plant/press1/temperature');
  const tree = topicsTree(page);
  const temperature = treeItem(tree, 'temperature');
  await expect(temperature).toHaveAttribute('aria-selected', 'true');
  await expect(messageRegion(page)).toContainText('plant/press1/temperature');

  // A sibling that sorts above arrives: the highlight stays on `temperature`.
  await publish(pub, 'plant/press1/state', '"run"', { qos: 1 });
  await expect(treeItem(tree, 'state')).toBeVisible();
  await expect(temperature).toHaveAttribute('aria-selected', 'true');
  await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);
  await expect.poll(() => isFocusedItem(temperature)).toBe(true);

  // ArrowDown moves on from `temperature`, not from the row that took its old place.
  await tree.focus();
  await page.keyboard.press('ArrowDown');
  await expect(treeItem(tree, 'zeta')).toHaveAttribute('aria-selected', 'true');
  await expect(messageRegion(page)).toContainText('plant/press1/zeta');

  // A filter that hides the selected topic highlights no other row; clearing it shows it again.
  const filter = page.getByRole('textbox', { name: 'Filter topics', exact: true });
  await filter.fill('temp');
  await expect(treeItem(tree, 'zeta')).toHaveCount(0);
  await expect(temperature).toBeVisible();
  await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(0);
  await filter.fill('');
  await expect(treeItem(tree, 'zeta')).toHaveAttribute('aria-selected', 'true');
  await expect(tree.locator('[role="treeitem"][aria-selected="true"]')).toHaveCount(1);
});
