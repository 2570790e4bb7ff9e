/**
 * Remote sites (issue 15): a "silent for" alarm per wildcard. One stale rule on `rigs/+/pressure`
 * gives one comm-loss alarm per rig that went silent (not one rule per rig), raised after
 * `staleAfterMs` of silence and cleared when the rig talks again. Real Node publishers through a
 * real mosquitto; the rule is evaluated in the engine worker. Then the demo's own simulators
 * (demo/fleetEnergyRigs.mjs) against the demo config: its dashboards and per-truck alarms. Last,
 * bad quality (ISA-18.2, issue 13): a Tahu-encoded edge node dies via its NDEATH will.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { get as sparkplugB } from 'sparkplug-payload';
import type { UMetric } from 'sparkplug-payload/lib/sparkplugbpayload';
import { test, expect, connectionStatus, openConnected, ROOT_DIR, waitForSubscription, type MqttClient } from './support/fixtures';
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
  test.setTimeout(90_000); // connect, two tabs and 6 s of silence on a shared 2-core machine
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

/** A demo module; a computed specifier keeps TypeScript from type-checking the demo's JS here. */
const demoModule = <T>(file: string): Promise<T> => import(pathToFileURL(path.join(ROOT_DIR, 'demo', file)).href) as Promise<T>;

type DemoConfig = { demoConfig(opts: { wsUrl: string }): object };
type Simulators = { startFleetEnergyRigs(opts: { url: string; clientId: string }): { ready: Promise<void>; stop(): Promise<void> } };

test('the demo fleet, meters and rigs feed the Fleet, Energy and Remote rig dashboards and raise fuel-low alarms per truck', async ({ page, app, broker }) => {
  test.setTimeout(90_000); // five screens on a shared 2-core machine
  const { demoConfig } = await demoModule<DemoConfig>('demoConfig.mjs');
  const { startFleetEnergyRigs } = await demoModule<Simulators>('fleetEnergyRigs.mjs');
  const from = broker.log().length;
  await app.open(demoConfig({ wsUrl: broker.wsUrl }));
  await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
  await waitForSubscription(broker, '#', { from });
  const sim = startFleetEnergyRigs({ url: broker.tcpUrl, clientId: 'e2e-fleet-energy-rigs' });
  try {
    await sim.ready;
    const views = page.getByRole('navigation', { name: 'Views' });
    // Every widget is a figure named by its title, whether its type is built yet or not.
    await views.getByRole('link', { name: 'Fleet', exact: true }).click();
    for (const title of ['Fleet map', 'Vehicles']) await expect(page.getByRole('figure', { name: title, exact: true })).toBeVisible();
    await views.getByRole('link', { name: 'Energy', exact: true }).click();
    for (const title of ['Site power', 'Energy per hour by meter', 'Site energy per day']) await expect(page.getByRole('figure', { name: title, exact: true })).toBeVisible();
    await views.getByRole('link', { name: 'Remote rig', exact: true }).click();
    // A chart's figure carries each series' latest value as text.
    await expect(page.getByRole('figure', { name: 'Rig 7 wellhead pressure' })).toContainText(/Rig 3\s*1\d\d(\.\d+)?\s*bar/);

    // Trucks 04, 21 and 38 start low on fuel: one alarm per truck from the one wildcard rule.
    await views.getByRole('link', { name: 'Alarms', exact: true }).click();
    const fuel = activeTable(page).getByRole('row').filter({ hasText: 'Vehicle fuel low' });
    await expect(fuel.filter({ hasText: 'fleet/truck-04/status' })).toHaveCount(1);
    await expect(fuel.filter({ hasText: 'fleet/truck-21/status' })).toHaveCount(1);
  } finally {
    await sim.stop();
  }
});

test('a dead Sparkplug edge node is one low-priority "Bad quality" alarm (not a process alarm) until it is born again', async ({ page, app, broker, mqttClients }) => {
  test.setTimeout(90_000);
  const dataTopic = 'spBv1.0/Plant/DDATA/Edge1/Boiler';
  await openConnected({ page, app, broker }, {
    alarms: [{ id: 'boiler-temp', name: 'Boiler temperature high', connection: 'plant', topic: dataTopic, path: 'Temperature', condition: 'above', setpoint: 80, deadband: 2, priority: 'high' }],
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Alarms', exact: true }).click();
  // An edge node encoded with Eclipse Tahu's library; its will is the NDEATH with this session's bdSeq.
  const tahu = sparkplugB('spBv1.0')!;
  const encode = (metrics: UMetric[], seq?: number) => Buffer.from(tahu.encodePayload({ timestamp: Date.now(), ...(seq !== undefined && { seq }), metrics }));
  const bdSeq = (n: number): UMetric => ({ name: 'bdSeq', type: 'UInt64', value: n });
  const temperature = (v: number): UMetric => ({ name: 'Temperature', type: 'Double', value: v });
  const birth = async (n: number) => {
    const node = await mqttClients.connect({ protocolVersion: 4, will: { topic: 'spBv1.0/Plant/NDEATH/Edge1', payload: encode([bdSeq(n)]), qos: 1, retain: false } });
    await publish(node, 'spBv1.0/Plant/NBIRTH/Edge1', encode([bdSeq(n)], 0));
    await publish(node, 'spBv1.0/Plant/DBIRTH/Edge1/Boiler', encode([temperature(70)], 1));
    return node;
  };
  const node = await birth(0);
  await publish(node, dataTopic, encode([temperature(71)], 2));
  const diagnostic = activeTable(page).getByRole('row').filter({ hasText: 'Bad quality: Edge node Edge1 died (NDEATH)' });
  await expect(activeTable(page)).toContainText('No active alarms');

  // The link dies without DISCONNECT: the broker sends the NDEATH will.
  node.stream.destroy();
  await expect(diagnostic).toHaveCount(1, { timeout: 20_000 });
  await expect(diagnostic).toContainText('Low');
  await expect(stateCell(diagnostic)).toHaveText('Unacknowledged');
  await expect(diagnostic.getByRole('button', { name: 'Shelve' })).toHaveCount(0);
  // No process alarm for the boiler: bad quality neither raises nor clears one.
  await expect(activeTable(page).getByRole('row').filter({ hasText: 'Boiler temperature high' })).toHaveCount(0);
  await diagnostic.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(stateCell(diagnostic)).toHaveText('Acknowledged');

  // Born again (NBIRTH, DBIRTH): the source is good, the acknowledged diagnostic returns to normal and goes.
  await birth(1);
  await expect(diagnostic).toHaveCount(0);
  await expect(activeTable(page)).toContainText('No active alarms');
});
