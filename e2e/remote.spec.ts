/**
 * Remote sites (issue 15): a "silent for" alarm per wildcard. One stale rule on `rigs/+/pressure`
 * gives one comm-loss alarm per rig that went silent (not one rule per rig), raised after
 * `staleAfterMs` of silence and cleared when the rig talks again. Real Node publishers through a
 * real mosquitto; the rule is evaluated in the engine worker.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, openConnected, type MqttClient } from './support/fixtures';
import { publish } from './support/mqttClient';

const NAME = 'Rig communication lost';
const activeTable = (page: Page) => page.getByRole('table', { name: 'Active alarms' });
const commLossRows = (page: Page) => activeTable(page).getByRole('row').filter({ hasText: NAME });
/** The State column (4th) of a row. */
const stateCell = (row: Locator) => row.getByRole('cell').nth(3);

const RULE = {
  id: 'rig-comm-loss', name: NAME, connection: 'plant', topic: 'rigs/+/pressure', path: 'v',
  condition: 'stale', staleAfterMs: 6000, priority: 'medium',
};

/** A rig's 1 Hz-ish telemetry (every 500 ms here), with its own sample time, as the demo rigs send it. */
function startRig(pub: MqttClient, rig: string) {
  const send = () => void publish(pub, `rigs/${rig}/pressure`, { v: 140 + Math.random(), unit: 'bar', ts: Date.now() }).catch(() => undefined);
  send();
  const timer = setInterval(send, 500);
  return { send, stop: () => clearInterval(timer) };
}

test('a wildcard stale rule raises one alarm for the silent rig only, and it clears when the rig talks again', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { alarms: [RULE] });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alarms', exact: true }).click();
  await expect(activeTable(page)).toBeVisible();
  const pub = await mqttClients.connect();
  const rig3 = startRig(pub, 'rig-3');
  const rig7 = startRig(pub, 'rig-7');
  try {
    // Both rigs talk: the one rule has an instance per rig (the rule list says so), and no alarm.
    const views = page.getByRole('navigation', { name: 'Alarm views' });
    await views.getByRole('link', { name: 'Rules' }).click();
    await expect(page.getByRole('table', { name: 'Alarm rules' }).getByRole('row').filter({ hasText: NAME })).toContainText('2 instances');
    await views.getByRole('link', { name: /^Active/ }).click();
    await expect(activeTable(page)).toContainText('No active alarms');

    // rig-7's link drops: after staleAfterMs of silence, one alarm for rig-7, none for rig-3.
    rig7.stop();
    const row = commLossRows(page);
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row).toContainText('rigs/rig-7/pressure');
    await expect(stateCell(row)).toHaveText('Unacknowledged');
    await expect(activeTable(page)).not.toContainText('rigs/rig-3/pressure');
    await expect(page.getByRole('alert', { name: 'Unacknowledged alarms' })).toContainText('1 medium');

    // rig-7 is back (its backlog arrives): the condition clears, the operator still has to acknowledge.
    rig7.send();
    await expect(stateCell(row)).toHaveText('Returned unacknowledged');
    await row.getByRole('button', { name: 'Acknowledge' }).click();
    await expect(row).toHaveCount(0);
    await expect(activeTable(page)).toContainText('No active alarms');
  } finally {
    rig3.stop();
    rig7.stop();
  }
});
