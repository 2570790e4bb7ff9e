/**
 * Commands (issue 6) through the "Publish" region against a real Mosquitto, each checked by a
 * real Node MQTT client: QoS, retain and clearing it, MQTT 5 properties, request/response,
 * templates with variables and confirmation, ACL denial, the audit, and publishing while the
 * broker is down.
 */
import { readFile } from 'node:fs/promises';
import { test, expect, configFor, connectionStatus, openConnected, uid, type Mosquitto } from './support/fixtures';
import { collect, publish, type ConnectOptions, type MqttClient } from './support/mqttClient';
import type { Locator, Page } from '@playwright/test';

const region = (page: Page) => page.getByRole('region', { name: 'Publish' });
const status = (page: Page) => region(page).getByRole('status', { name: 'Publish status' });

async function fillMessage(r: Locator, m: { topic: string; payload?: string; qos: 0 | 1 | 2; retain?: boolean }) {
  await r.getByRole('textbox', { name: 'Topic', exact: true }).fill(m.topic);
  await r.getByRole('textbox', { name: 'Payload', exact: true }).fill(m.payload ?? '');
  await r.getByRole('combobox', { name: 'QoS', exact: true }).selectOption(String(m.qos));
  await r.getByRole('checkbox', { name: 'Retain', exact: true }).setChecked(m.retain ?? false);
}

async function publishFromUi(page: Page, m: { topic: string; payload?: string; qos: 0 | 1 | 2; retain?: boolean }) {
  const r = region(page);
  await fillMessage(r, m);
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
}

/** Waits until mosquitto has written its persistence file after this point (autosave_interval 1). */
async function waitForSave(broker: Mosquitto) {
  await broker.waitForLog(/Saving in-memory database/, { from: broker.log().length });
}

test('each QoS arrives at its QoS with the protocol status, and the audit records it', async ({ page, app, broker, mqttClients }) => {
  const sub = await mqttClients.connect();
  const received = await collect(sub, 'cmd/#', { qos: 2 });
  await openConnected({ page, app, broker });
  const expected = ['Sent', 'Delivered', 'Delivered'];
  const id = uid();
  for (const qos of [0, 1, 2] as const) {
    const payload = JSON.stringify({ qos, id });
    await publishFromUi(page, { topic: `cmd/line1/q${qos}`, payload, qos });
    await expect(status(page)).toHaveText(expected[qos]);
    const msg = await received.waitFor((m) => m.payload === payload);
    expect(msg.qos).toBe(qos);
    expect(msg.retain).toBe(false);
  }

  await region(page).getByRole('button', { name: 'Command audit' }).click();
  const audit = page.getByRole('dialog', { name: 'Command audit' }).getByRole('table', { name: 'Command audit' });
  await expect(audit.getByRole('row')).toHaveCount(4);
  // Newest first.
  await expect(audit.getByRole('row').nth(1)).toContainText('cmd/line1/q2');
  await expect(audit.getByRole('row').nth(1)).toContainText('Delivered');
  await expect(audit.getByRole('row').nth(3)).toContainText('Sent');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const lines = csv.trim().split('\r\n');
  // Stable columns and result codes for scripts, then "result text" as the table reads it (UI language).
  expect(lines[0]).toBe('time,connection,client id,source,topic,payload,bytes,qos,retain,properties,result,reason,reply,round trip ms,result text');
  expect(lines).toHaveLength(4);
  expect(lines[1]).toMatch(/,Plant broker,sightglass_[0-9a-f]+,Publish,cmd\/line1\/q0,"{""qos"":0,.*",\d+,0,no,,sent,,,,Sent$/);
});

test('retained message, then "Clear retained" after confirmation removes it', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker });
  const topic = `cmd/line1/mode-${uid()}`;
  await publishFromUi(page, { topic, payload: 'auto', qos: 1, retain: true });
  await expect(status(page)).toHaveText('Delivered');
  const late = await mqttClients.connect();
  const first = await collect(late, topic, { qos: 1 });
  expect((await first.waitFor()).retain).toBe(true);

  const r = region(page);
  await r.getByRole('button', { name: 'Clear retained' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear retained message' });
  await expect(dialog).toContainText(`Clear the retained message on ${topic}?`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(status(page)).toHaveText('Cancelled: nothing was sent');

  await r.getByRole('button', { name: 'Clear retained' }).click();
  await page.getByRole('dialog', { name: 'Clear retained message' }).getByRole('button', { name: 'Clear retained' }).click();
  await expect(status(page)).toHaveText('Delivered');
  // The live subscriber sees the empty message; a new one gets no retained value: the marker comes first.
  expect((await first.waitFor((m) => m.payload === '')).payloadBuffer.length).toBe(0);
  const later = await mqttClients.connect();
  const second = await collect(later, topic, { qos: 1 });
  await publish(await mqttClients.connect(), topic, 'marker', { qos: 1 });
  await second.waitFor((m) => m.payload === 'marker');
  expect(second.messages.map((m) => m.payload)).toEqual(['marker']);
});

test('MQTT 5 properties reach an MQTT 5 subscriber', async ({ page, app, broker, mqttClients }) => {
  const sub = await mqttClients.connect();
  const received = await collect(sub, 'cmd/#', { qos: 1 });
  await openConnected({ page, app, broker });
  const r = region(page);
  await fillMessage(r, { topic: 'cmd/line1/setpoint', payload: '{"value": 42}', qos: 1 });
  await r.getByRole('combobox', { name: 'Payload encoding' }).selectOption('json');
  await r.getByRole('button', { name: 'Format JSON' }).click();
  await expect(r.getByRole('textbox', { name: 'Payload', exact: true })).toHaveValue('{\n  "value": 42\n}');
  await r.getByRole('textbox', { name: 'User properties' }).fill('site=plant1\noperator=alice\noperator=bob');
  await r.getByRole('textbox', { name: 'Content type' }).fill('application/json');
  await r.getByRole('textbox', { name: 'Message expiry (s)' }).fill('60');
  await r.getByRole('checkbox', { name: 'Payload format indicator' }).check();
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText('Delivered');

  const msg = await received.waitFor((m) => m.topic === 'cmd/line1/setpoint');
  expect(JSON.parse(msg.payload)).toEqual({ value: 42 });
  expect(msg.properties?.userProperties).toEqual({ site: 'plant1', operator: ['alice', 'bob'] });
  expect(msg.properties?.contentType).toBe('application/json');
  expect(msg.properties?.payloadFormatIndicator).toBe(true);
  expect(msg.properties?.messageExpiryInterval).toBeGreaterThan(50);
  expect(msg.properties?.messageExpiryInterval).toBeLessThanOrEqual(60);

  // Invalid input is refused before anything is sent, and says which field.
  await r.getByRole('textbox', { name: 'User properties' }).fill('no equals sign');
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText('Failed: user properties line 1: expected name=value');
  await r.getByRole('textbox', { name: 'User properties' }).fill('');
  await r.getByRole('textbox', { name: 'Payload', exact: true }).fill('{"value":');
  await expect(r.getByText(/^Invalid JSON: /)).toBeVisible();
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText(/^Failed: payload not valid JSON: /);
  expect(received.messages).toHaveLength(1);

  // Hex mode sends exactly those bytes; the recent list brings the first message back.
  await r.getByRole('combobox', { name: 'Payload encoding' }).selectOption('hex');
  await r.getByRole('textbox', { name: 'Payload', exact: true }).fill('01 ff 00 7f');
  await r.getByRole('checkbox', { name: 'Payload format indicator' }).uncheck();
  await r.getByRole('textbox', { name: 'Topic', exact: true }).fill('cmd/line1/raw');
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText('Delivered');
  expect([...(await received.waitFor((m) => m.topic === 'cmd/line1/raw')).payloadBuffer]).toEqual([1, 255, 0, 127]);
  await r.getByRole('combobox', { name: 'Recent messages' }).selectOption({ label: 'cmd/line1/setpoint — { "value": 42 } (QoS 1)' });
  await expect(r.getByRole('textbox', { name: 'Topic', exact: true })).toHaveValue('cmd/line1/setpoint');
  await expect(r.getByRole('combobox', { name: 'Payload encoding' })).toHaveValue('json');
});

test('MQTT 3.1.1: the properties are hidden with a note, and publishing works', async ({ page, app, broker, mqttClients }) => {
  const sub = await mqttClients.connect();
  const received = await collect(sub, 'cmd/#', { qos: 1 });
  await openConnected({ page, app, broker }, { connection: { protocolVersion: 4 } });
  const r = region(page);
  await expect(r.getByText(/MQTT 5 properties .* are hidden: this connection uses MQTT 3.1.1/)).toBeVisible();
  for (const name of ['User properties', 'Content type', 'Message expiry (s)', 'Response topic', 'Correlation data']) {
    await expect(r.getByRole('textbox', { name })).toHaveCount(0);
  }
  await publishFromUi(page, { topic: 'cmd/line1/v311', payload: 'x', qos: 1 });
  await expect(status(page)).toHaveText('Delivered');
  expect((await received.waitFor((m) => m.topic === 'cmd/line1/v311')).payload).toBe('x');
});

test('request/response: the reply is matched by correlation data and shown with its round-trip time; no reply times out', async ({ page, app, broker, mqttClients }) => {
  const responder = await mqttClients.connect();
  const correlations: string[] = [];
  responder.on('message', (topic, payload, packet) => {
    const responseTopic = packet.properties?.responseTopic;
    const correlationData = packet.properties?.correlationData;
    if (!responseTopic || !topic.startsWith('req/')) return;
    correlations.push(correlationData?.toString() ?? '');
    // A decoy with other correlation data first: it must not be taken for the reply.
    responder.publish(responseTopic, 'decoy', { qos: 1, properties: { correlationData: Buffer.from('someone-else') } });
    responder.publish(responseTopic, JSON.stringify({ ok: true, got: JSON.parse(payload.toString()) }), { qos: 1, properties: { correlationData } });
  });
  await responder.subscribeAsync('req/#', { qos: 1 });
  await openConnected({ page, app, broker });

  const r = region(page);
  const responseTopic = `resp/sightglass-${uid()}`;
  await fillMessage(r, { topic: 'req/line1/setpoint', payload: '{"value":55}', qos: 1 });
  await r.getByRole('textbox', { name: 'Response topic' }).fill(responseTopic);
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText('Delivered');
  await expect(r.getByText(/^Reply/)).toHaveText(new RegExp(`^Reply after \\d+ ms on ${responseTopic}: \\{"ok":true,"got":\\{"value":55\\}\\}$`));
  expect(correlations).toHaveLength(1);
  expect(correlations[0]).toMatch(/^sightglass-[0-9a-f-]{36}$/);

  // The user's own correlation data is used as given.
  await r.getByRole('textbox', { name: 'Correlation data' }).fill('my-request-1');
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect.poll(() => correlations.length).toBe(2);
  expect(correlations[1]).toBe('my-request-1');
  await expect(r.getByText(/^Reply/)).toContainText('{"ok":true');

  // Nobody answers on noreply/: the configured timeout gives a Failed status that says so.
  await r.getByRole('textbox', { name: 'Correlation data' }).fill('');
  await r.getByRole('textbox', { name: 'Topic', exact: true }).fill('noreply/line1');
  await r.getByRole('textbox', { name: 'Wait for reply (s)' }).fill('1');
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(status(page)).toHaveText(`Failed: no reply on ${responseTopic} within 1 s (timed out)`);
  await expect(r.getByText(/^Reply/)).toHaveCount(0);
});

test.describe('command templates', () => {
  const setpointTemplate = {
    id: 'line1-setpoint', name: 'Line 1 setpoint', topic: 'cmd/line1/setpoint', payload: '{"value":${setpoint}}', encoding: 'json', qos: 1,
    variables: [{ name: 'setpoint', label: 'Setpoint', type: 'number', min: 20, max: 120, unit: '°C' }],
    confirm: 'Set line 1 to ${setpoint} °C?', properties: { messageExpiryInterval: 30 },
  };

  test('a template from config.json with a typed variable and a confirmation', async ({ page, app, broker, mqttClients }) => {
    const sub = await mqttClients.connect();
    const received = await collect(sub, 'cmd/#', { qos: 1 });
    await openConnected({ page, app, broker }, { commands: [setpointTemplate] });
    const r = region(page);
    await r.getByRole('combobox', { name: 'Command template' }).selectOption({ label: 'Line 1 setpoint' });
    const value = r.getByRole('spinbutton', { name: 'Setpoint (°C)' });

    await value.fill('130');
    await r.getByRole('button', { name: 'Send command' }).click();
    await expect(status(page)).toHaveText('Failed: Setpoint: 130 °C is above the maximum 120 °C');

    await value.fill('85.5');
    await r.getByRole('button', { name: 'Send command' }).click();
    const dialog = page.getByRole('dialog', { name: 'Confirm command' });
    await expect(dialog).toContainText('Set line 1 to 85.5 °C?');
    await expect(dialog).toContainText('cmd/line1/setpoint');
    // Focus starts on Cancel: Enter by habit does not send.
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(status(page)).toHaveText('Cancelled: nothing was sent');

    await r.getByRole('button', { name: 'Send command' }).click();
    await page.getByRole('dialog', { name: 'Confirm command' }).getByRole('button', { name: 'Confirm' }).click();
    await expect(status(page)).toHaveText('Delivered');
    const msg = await received.waitFor((m) => m.topic === 'cmd/line1/setpoint');
    expect(msg.payload).toBe('{"value":85.5}');
    expect(msg.qos).toBe(1);
    expect(msg.properties?.messageExpiryInterval).toBeLessThanOrEqual(30);
    // Cancelled and invalid attempts sent nothing: a marker published after arrives right behind the one command.
    await publish(sub, 'cmd/marker', 'm', { qos: 1 });
    await received.waitFor((m) => m.topic === 'cmd/marker');
    expect(received.messages.map((m) => m.topic)).toEqual(['cmd/line1/setpoint', 'cmd/marker']);
  });

  test('a template made in the editor is sent after confirmation and exported with the configuration', async ({ page, app, broker, mqttClients }) => {
    const sub = await mqttClients.connect();
    const received = await collect(sub, 'cmd/#', { qos: 1 });
    await openConnected({ page, app, broker });
    await region(page).getByRole('button', { name: 'Edit command templates' }).click();
    const editor = page.getByRole('dialog', { name: 'Command templates' });
    await editor.getByRole('textbox', { name: 'Template name' }).fill('Stop line 1');
    await editor.getByRole('textbox', { name: 'Template topic' }).fill('cmd/line1/stop');
    await editor.getByRole('textbox', { name: 'Template payload', exact: true }).fill('{"by":"${who}"}');
    await editor.getByRole('textbox', { name: 'Confirmation text' }).fill('Stop line 1?');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(editor.getByLabel('Template problems')).toContainText('${who} is used but no variable "who" is declared');
    await editor.getByRole('button', { name: 'Add variable' }).click();
    await editor.getByRole('textbox', { name: 'Variable 1 name' }).fill('who');
    await editor.getByRole('combobox', { name: 'Variable 1 type' }).selectOption('choice');
    await editor.getByRole('textbox', { name: 'Variable 1 choices' }).fill('operator, supervisor');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await expect(editor.getByText('Saved “Stop line 1”.')).toBeVisible();
    await editor.getByRole('button', { name: 'Close' }).click();

    const r = region(page);
    await r.getByRole('combobox', { name: 'Command template' }).selectOption({ label: 'Stop line 1' });
    await r.getByRole('combobox', { name: 'who', exact: true }).selectOption('supervisor');
    await r.getByRole('button', { name: 'Send command' }).click();
    await expect(page.getByRole('dialog', { name: 'Confirm command' })).toContainText('Stop line 1?');
    await page.getByRole('dialog', { name: 'Confirm command' }).getByRole('button', { name: 'Confirm' }).click();
    await expect(status(page)).toHaveText('Delivered');
    expect((await received.waitFor((m) => m.topic === 'cmd/line1/stop')).payload).toBe('{"by":"supervisor"}');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export configuration' }).click();
    const exported = JSON.parse(await readFile(await (await download).path(), 'utf8'));
    expect(exported.commands).toEqual([
      expect.objectContaining({ id: 'stop-line-1', name: 'Stop line 1', topic: 'cmd/line1/stop', confirm: 'Stop line 1?', qos: 1, variables: [expect.objectContaining({ name: 'who', type: 'choice', choices: ['operator', 'supervisor'] })] }),
    ]);
  });
});

test.describe('ACL', () => {
  test.use({ brokerOptions: { acl: 'topic readwrite ok/#' } });

  test('a publish the broker refuses shows "Failed:" with the MQTT 5 reason', async ({ page, app, broker }) => {
    const from = broker.log().length;
    await app.open(configFor(broker, { connection: { subscriptions: [{ topic: 'ok/#', qos: 0 }] } }));
    await expect(connectionStatus(page)).toContainText('Connected');
    await broker.waitForLog(/ 0 ok\/#$/, { from });
    for (const qos of [1, 2] as const) {
      await publishFromUi(page, { topic: 'cmd/line1/stop', payload: '{}', qos });
      await expect(status(page)).toHaveText('Failed: Not authorized (0x87)');
      await publishFromUi(page, { topic: 'ok/line1', payload: '{}', qos });
      await expect(status(page)).toHaveText('Delivered');
    }
    await region(page).getByRole('button', { name: 'Command audit' }).click();
    const rows = page.getByRole('table', { name: 'Command audit' }).getByRole('row');
    await expect(rows.filter({ hasText: 'Failed: Not authorized (0x87)' })).toHaveCount(2);
  });
});

test.describe('broker down', () => {
  // A durable subscriber (persistent session in a persisted broker) receives what was published
  // while it was away, whichever of it and the app reconnects first.
  test.use({ brokerOptions: { persistence: true, extraConfig: 'queue_qos0_messages true' } });

  async function durableSubscriber(mqttClients: { connect: (o: ConnectOptions) => Promise<MqttClient> }, broker: Mosquitto) {
    const sub = await mqttClients.connect({ clientId: `durable-${uid()}`, clean: false, reconnectPeriod: 200, properties: { sessionExpiryInterval: 300 } });
    const received = await collect(sub, 'cmd/#', { qos: 1 });
    await waitForSave(broker);
    return received;
  }

  test('a QoS 1 message published while the broker is down is queued, then delivered exactly once', async ({ page, app, broker, mqttClients }) => {
    await openConnected({ page, app, broker });
    const received = await durableSubscriber(mqttClients, broker);
    await broker.kill();
    await expect(connectionStatus(page)).toContainText('Reconnecting');

    const payload = JSON.stringify({ value: 64, id: uid() });
    await publishFromUi(page, { topic: 'cmd/line1/setpoint', payload, qos: 1 });
    await expect(status(page)).toHaveText('Queued: will be sent when the connection is back');
    await broker.restart();
    await expect(connectionStatus(page)).toContainText('Connected', { timeout: 20_000 });
    await expect(status(page)).toHaveText('Delivered');
    await received.waitFor((m) => m.payload === payload, 10_000);

    // Anything resent would arrive before a later message from the same client.
    await publishFromUi(page, { topic: 'cmd/line1/marker', payload: 'after', qos: 1 });
    await expect(status(page)).toHaveText('Delivered');
    await received.waitFor((m) => m.payload === 'after');
    expect(received.messages.filter((m) => m.payload === payload)).toHaveLength(1);
  });

  test('QoS 0 while disconnected asks before queueing', async ({ page, app, broker, mqttClients }) => {
    await openConnected({ page, app, broker });
    const received = await durableSubscriber(mqttClients, broker);
    await broker.kill();
    await expect(connectionStatus(page)).toContainText('Reconnecting');

    await publishFromUi(page, { topic: 'cmd/line1/start', payload: 'declined', qos: 0 });
    const ask = page.getByRole('dialog', { name: 'Not connected' });
    await expect(ask).toContainText('Queue this QoS 0 message and send it when the connection is back?');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(status(page)).toHaveText('Cancelled: nothing was sent');

    await publishFromUi(page, { topic: 'cmd/line1/start', payload: 'queued', qos: 0 });
    await page.getByRole('dialog', { name: 'Not connected' }).getByRole('button', { name: 'Queue message' }).click();
    await expect(status(page)).toHaveText('Queued: will be sent when the connection is back');
    await broker.restart();
    await expect(status(page)).toHaveText('Sent', { timeout: 20_000 });
    await received.waitFor((m) => m.payload === 'queued', 10_000);
    await publishFromUi(page, { topic: 'cmd/line1/marker', payload: 'after', qos: 1 });
    await received.waitFor((m) => m.payload === 'after');
    expect(received.messages.map((m) => m.payload)).toEqual(['queued', 'after']);
  });
});

test('dashboard widgets: a setpoint and a button publish their templates and show the delivery on the widget', async ({ page, app, broker, mqttClients }) => {
  const sub = await mqttClients.connect();
  const received = await collect(sub, 'cmd/#', { qos: 1 });
  // A responder like the demo plant's: it answers on the response topic with the same correlation data.
  sub.on('message', (topic, _payload, packet) => {
    const { responseTopic, correlationData } = packet.properties ?? {};
    if (responseTopic && topic.endsWith('/stop')) sub.publish(responseTopic, '{"ok":true}', { qos: 1, properties: { correlationData } });
  });
  const reply = { messageExpiryInterval: 30, responseTopic: `reply/sg-${uid()}` };
  await openConnected({ page, app, broker }, {
    commands: [
      {
        id: 'line1-setpoint', name: 'Line 1 setpoint', topic: 'cmd/line1/setpoint', payload: '{"value":${setpoint}}', encoding: 'json', qos: 1,
        variables: [{ name: 'setpoint', label: 'Setpoint', type: 'number', min: 20, max: 120, step: 0.5, unit: '°C', default: 70 }],
      },
      { id: 'line1-stop', name: 'Stop line 1', topic: 'cmd/line1/stop', payload: '{}', encoding: 'json', qos: 1, confirm: 'Stop line 1?', properties: reply },
    ],
    dashboards: [{
      id: 'cmds', name: 'Line 1 commands',
      widgets: [
        { id: 'sp', type: 'setpoint', title: 'Line 1 setpoint', template: 'line1-setpoint' },
        { id: 'stop', type: 'button', title: 'Stop line 1', template: 'line1-stop' },
      ],
    }],
  });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Line 1 commands' }).click();

  const setpoint = page.getByRole('figure', { name: 'Line 1 setpoint' });
  const input = setpoint.getByRole('spinbutton', { name: 'Setpoint (°C)' });
  await expect(input).toHaveValue('70');
  await input.fill('10');
  await setpoint.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(setpoint.getByRole('status')).toHaveText('Failed: Setpoint: 10 °C is below the minimum 20 °C');
  await setpoint.getByRole('slider', { name: 'Setpoint slider' }).fill('95.5');
  await expect(input).toHaveValue('95.5');
  await setpoint.getByRole('button', { name: 'Set', exact: true }).click();
  await expect(setpoint.getByRole('status')).toHaveText('Delivered');
  expect((await received.waitFor((m) => m.topic === 'cmd/line1/setpoint')).payload).toBe('{"value":95.5}');

  const stop = page.getByRole('figure', { name: 'Stop line 1' });
  await stop.getByRole('button', { name: 'Stop line 1' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm command' });
  await expect(dialog).toContainText('Stop line 1?');
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(stop.getByRole('status')).toHaveText('Delivered');
  await expect(stop.getByText(/^Reply after \d+ ms: \{"ok":true\}$/)).toBeVisible();
  await received.waitFor((m) => m.topic === 'cmd/line1/stop');
  // Each widget shows only its own command.
  await expect(setpoint.getByRole('status')).toHaveText('Delivered');
  await expect(setpoint.getByText(/^Reply/)).toHaveCount(0);
});
