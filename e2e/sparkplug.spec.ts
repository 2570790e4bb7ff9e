/**
 * Sparkplug B host (issue 13) against a real mosquitto, with an edge node written with Eclipse
 * Tahu's `sparkplug-client` (e2e/support/sparkplugEdge.ts), so the app is checked against the
 * reference implementation rather than against its own encoder. Names from ui-contract.md,
 * "Sparkplug B".
 */
import { test, expect, openConnected } from './support/fixtures';
import { REBIRTH, startSparkplugEdge, type EdgeMetric, type ReceivedCommand, type SparkplugEdge } from './support/sparkplugEdge';
import { expandWithKeyboard, topicsTree, treeItem } from './support/tree';
import type { Page } from '@playwright/test';
import type { Mosquitto } from './support/mosquitto';

const DDATA_PRESS1 = 'spBv1.0/Plant1/DDATA/Edge1/Press1';
const BEYOND_2_53 = 9_007_199_254_740_993n; // 2^53 + 1: a double would show ...992

function press1(): EdgeMetric[] {
  return [
    { name: 'Temperature', alias: 10, type: 'Double', value: 65.25, units: '°C' },
    { name: 'Setpoint', alias: 11, type: 'Double', value: 70, units: '°C' },
    { name: 'Speed', alias: 12, type: 'Int32', value: 40, units: 'strokes/min' },
    { name: 'Running', alias: 13, type: 'Boolean', value: true },
    { name: 'Mode', alias: 14, type: 'String', value: 'AUTO' },
    { name: 'Lifetime Strokes', alias: 15, type: 'UInt64', value: BEYOND_2_53 },
  ];
}

function startEdge(broker: Mosquitto): Promise<SparkplugEdge> {
  return startSparkplugEdge(broker.tcpUrl, {
    nodeMetrics: [{ name: 'Uptime', alias: 1, type: 'Int64', value: 5n, units: 's' }],
    devices: { Press1: press1() },
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const views = (page: Page) => page.getByRole('navigation', { name: 'Views' });
const sparkplugTree = (page: Page) => page.getByRole('tree', { name: 'Sparkplug' });
const metricsTable = (page: Page) => page.getByRole('region', { name: 'Metrics' }).getByRole('table', { name: 'Metrics' });
/** The row whose first cell is the metric name (a row's name is its cells' text, in order). */
const metricRow = (page: Page, name: string) => metricsTable(page).getByRole('row', { name: new RegExp(`^${escape(name)}(?![\\w])`) });
/** A group, edge node or device in tree "Sparkplug": its name begins with its id, then its state. */
const entity = (page: Page, id: string, state?: 'online' | 'offline') =>
  sparkplugTree(page).getByRole('treeitem', { name: new RegExp(`^${escape(id)}(?![\\w-])${state ? `.*\\b${state}\\b` : ''}`) });

/** Opens the Sparkplug view and selects an edge node or device, expanding its ancestors by keyboard. */
async function selectEntity(page: Page, path: string[]): Promise<void> {
  await views(page).getByRole('link', { name: 'Sparkplug', exact: true }).click();
  const tree = sparkplugTree(page);
  for (const id of path.slice(0, -1)) {
    await expect(entity(page, id)).toBeVisible();
    await expandWithKeyboard(tree, entity(page, id));
  }
  await entity(page, path.at(-1)!).click();
}

const isRebirth = (c: ReceivedCommand) => c.type === 'NCMD' && c.metrics.some((m) => m.name === REBIRTH && m.value === true);

test('metrics appear by name in table "Metrics" when DATA carries only aliases, Int64 beyond 2^53 exact', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const edge = await startEdge(broker);
  try {
    edge.publishDeviceData('Press1', { Temperature: 71.5, 'Lifetime Strokes': BEYOND_2_53 + 2n });
    await selectEntity(page, ['Plant1', 'Edge1', 'Press1']);
    await expect(entity(page, 'Edge1', 'online')).toBeVisible();
    await expect(entity(page, 'Press1', 'online')).toBeVisible();
    await expect(metricRow(page, 'Temperature')).toContainText('71.5');
    await expect(metricRow(page, 'Temperature')).toContainText('Double');
    await expect(metricRow(page, 'Lifetime Strokes')).toContainText('9007199254740995');
    await expect(metricRow(page, 'Mode')).toContainText('AUTO');
    await expect(metricRow(page, 'Running')).toContainText('Boolean');
  } finally {
    edge.stop();
  }
});

test('"Write <metric>" sends a DCMD typed by the BIRTH datatype, refuses a value that does not fit, and shows the value the node reports', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const edge = await startEdge(broker);
  try {
    await selectEntity(page, ['Plant1', 'Edge1', 'Press1']);
    await expect(metricRow(page, 'Setpoint')).toContainText('70');

    await metricRow(page, 'Setpoint').getByRole('button', { name: 'Write Setpoint' }).click();
    let dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('80.5');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const setpoint = await edge.nextCommand((c) => c.type === 'DCMD' && c.device === 'Press1' && c.metrics.some((m) => m.name === 'Setpoint'));
    expect(setpoint.metrics).toEqual([expect.objectContaining({ name: 'Setpoint', type: 'Double', value: 80.5 })]);
    await expect(metricRow(page, 'Setpoint')).toContainText('80.5'); // the node applied it and reported it in DDATA

    // Int32: 3 000 000 000 does not fit, so nothing is sent; 42 then goes out as the first Speed write.
    await metricRow(page, 'Speed').getByRole('button', { name: 'Write Speed' }).click();
    dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Value' }).fill('3000000000');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await expect(dialog.getByRole('textbox', { name: 'Value' })).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Value' }).fill('42');
    await dialog.getByRole('button', { name: 'Send' }).click();
    const speed = await edge.nextCommand((c) => c.type === 'DCMD' && c.metrics.some((m) => m.name === 'Speed'));
    expect(speed.metrics).toEqual([expect.objectContaining({ name: 'Speed', type: 'Int32', value: 42 })]);
  } finally {
    edge.stop();
  }
});

test('a killed edge node goes offline through its NDEATH will and keeps its last values', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const edge = await startEdge(broker);
  edge.publishDeviceData('Press1', { Temperature: 68.75 });
  await selectEntity(page, ['Plant1', 'Edge1', 'Press1']);
  await expect(metricRow(page, 'Temperature')).toContainText('68.75');
  await expect(entity(page, 'Edge1', 'online')).toBeVisible();

  edge.kill();
  await expect(entity(page, 'Edge1', 'offline')).toBeVisible();
  await expect(entity(page, 'Press1', 'offline')).toBeVisible();
  await expect(metricRow(page, 'Temperature')).toContainText('68.75');
  await expect(metricRow(page, 'Temperature')).toContainText(/stale/i); // "marked stale" (ui-contract.md)
  edge.stop();
});

test('a seq gap makes the app send NCMD Node Control/Rebirth = true; "Request rebirth" sends another', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const edge = await startEdge(broker);
  try {
    edge.publishDeviceData('Press1', { Temperature: 66 });
    await selectEntity(page, ['Plant1', 'Edge1', 'Press1']);
    await expect(metricRow(page, 'Temperature')).toContainText('66');

    edge.skipSeq(3);
    edge.publishDeviceData('Press1', { Temperature: 67 });
    const rebirth = await edge.nextCommand(isRebirth);
    expect(rebirth.metrics).toEqual([expect.objectContaining({ name: REBIRTH, type: 'Boolean', value: true })]);

    // The node answered with new births: back online, and the user's button is not rate-limited.
    await expect(entity(page, 'Edge1', 'online')).toBeVisible();
    const before = edge.commands.filter(isRebirth).length;
    await page.getByRole('region', { name: 'Metrics' }).getByRole('button', { name: 'Request rebirth' }).click();
    await expect.poll(() => edge.commands.filter(isRebirth).length).toBe(before + 1);
  } finally {
    edge.stop();
  }
});

test('with sparkplug.hostId the app publishes STATE online (retained) and its will marks it offline when the page dies', async ({ page, app, broker, mqttClients }) => {
  const hostId = 'sightglass-e2e';
  const topic = `spBv1.0/STATE/${hostId}`;
  /** What a host connecting now learns from the retained STATE. */
  const retained = async () => {
    const late = await mqttClients.connect();
    const first = new Promise<{ online: boolean; timestamp: number; retain: boolean }>((resolve) =>
      late.on('message', (t, p, packet) => { if (t === topic) resolve({ ...JSON.parse(p.toString()), retain: packet.retain }); }));
    await late.subscribeAsync(topic, { qos: 1 });
    return first;
  };
  await openConnected({ page, app, broker }, { connection: { sparkplug: { hostId } } });
  const observer = await mqttClients.connect();
  const states: { online: boolean; timestamp: number }[] = [];
  observer.on('message', (t, payload) => { if (t === topic) states.push(JSON.parse(payload.toString())); });
  await observer.subscribeAsync(topic, { qos: 1 });
  await expect.poll(() => states.some((s) => s.online === true)).toBe(true);
  const born = states.find((s) => s.online)!.timestamp;
  expect(await retained()).toEqual({ online: true, timestamp: born, retain: true });

  await page.close();
  await expect.poll(() => states.at(-1)?.online, { timeout: 20_000 }).toBe(false);
  expect(states.at(-1)!.timestamp).toBeGreaterThanOrEqual(born);
  expect(await retained()).toMatchObject({ online: false, retain: true });
});

test('the Topics view shows a Sparkplug message decoded: metric names and values as text', async ({ page, app, broker }) => {
  await openConnected({ page, app, broker });
  const edge = await startEdge(broker);
  try {
    edge.publishDeviceData('Press1', { Temperature: 72.125, Mode: 'MANUAL' });
    const tree = topicsTree(page);
    const levels = DDATA_PRESS1.split('/');
    for (const level of levels.slice(0, -1)) await expandWithKeyboard(tree, treeItem(tree, level));
    await treeItem(tree, 'Press1').click();
    const message = page.getByRole('region', { name: 'Message' });
    await expect(message).toContainText(DDATA_PRESS1);
    await expect(message).toContainText('Temperature');
    await expect(message).toContainText('72.125');
    await expect(message).toContainText('MANUAL');
    await expect(message).not.toContainText('\uFFFD'); // protobuf bytes read as text would show replacement characters
  } finally {
    edge.stop();
  }
});

test('a stat and a chart on a DDATA metric name show its value (DATA by alias)', async ({ page, app, broker }) => {
  const series = (path: string) => [{ connection: 'plant', topic: DDATA_PRESS1, path }];
  await openConnected({ page, app, broker }, {
    dashboards: [{
      id: 'edge1', name: 'Edge1 board',
      widgets: [
        { id: 't', type: 'stat', title: 'Press1 temperature', unit: '°C', decimals: 2, series: series('Temperature') },
        { id: 's', type: 'line', title: 'Press1 speed', series: series('Speed') },
      ],
    }],
  });
  const edge = await startEdge(broker);
  try {
    await views(page).getByRole('link', { name: 'Edge1 board', exact: true }).click();
    await expect(page.getByRole('figure', { name: 'Press1 temperature' })).toBeVisible();
    edge.publishDeviceData('Press1', { Temperature: 73.25, Speed: 44 });
    await expect(page.getByRole('figure', { name: 'Press1 temperature' })).toContainText('73.25');
    await expect(page.getByRole('figure', { name: 'Press1 speed' })).toContainText('44');
  } finally {
    edge.stop();
  }
});
