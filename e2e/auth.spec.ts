/**
 * Authentication and authorisation (issue 7) against a real Mosquitto: password_file + acl_file
 * (wrong password, denied publish, allowed ones), the dynamic-security plugin (a subscription
 * refused in the SUBACK, shown per filter), wss with a self-signed
 * certificate made by the test setup, broker presets with credentials computed in the browser
 * (Azure SAS, AWS SigV4, AWS custom authorizer — checked through a bridge that records what the
 * app sent), and secrets: export with and without passwords, passphrase-encrypted "Remember password".
 */
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test, expect, configFor, connectionStatus, waitForSubscription } from './support/fixtures';
import { publish } from './support/mqttClient';
import { topicsTree, treeItem } from './support/tree';
import { startWsBridge, type WsBridge } from './support/wsBridge';
import type { Page } from '@playwright/test';

const publishRegion = (page: Page) => page.getByRole('region', { name: 'Publish' });
const publishStatus = (page: Page) => publishRegion(page).getByRole('status', { name: 'Publish status' });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });

async function publishFromUi(page: Page, topic: string, qos: 1 | 2) {
  const r = publishRegion(page);
  await r.getByRole('textbox', { name: 'Topic', exact: true }).fill(topic);
  await r.getByRole('textbox', { name: 'Payload', exact: true }).fill('{"go":true}');
  await r.getByRole('combobox', { name: 'QoS', exact: true }).selectOption(String(qos));
  await r.getByRole('button', { name: 'Publish', exact: true }).click();
}

test.describe('password_file and acl_file', () => {
  test.use({
    brokerOptions: {
      users: { alice: 'wonderland', feeder: 'feeder-secret' },
      acl: ['user alice', 'topic readwrite plant/#', 'topic write cmd/allowed/#', '', 'user feeder', 'topic write plant/#', 'topic write secret/#'].join('\n'),
    },
  });

  test('a wrong password is an Error: that stays (no retry); the right one connects', async ({ page, app, broker }) => {
    const from = broker.log().length;
    await app.open(configFor(broker, { connection: { username: 'alice', password: 'not-the-password' } }));
    const status = connectionStatus(page);
    // Mosquitto 2.0.11 answers a bad password on MQTT 5 with 0x87 (older/newer builds may say 0x86).
    await expect(status).toHaveText(/^Error: Broker refused the connection: (Not authorized \(0x87\)|Bad user name or password \(0x86\))$/);
    // Each attempt ends with mosquitto logging "Client <unknown> closed its connection."
    const attempts = () => (broker.log().slice(from).match(/closed its connection/g) ?? []).length;
    await expect.poll(attempts).toBeGreaterThan(0);
    const seen = attempts();
    // Proving that nothing retries takes time: the first backoff step would be ≤ 1 s.
    await page.waitForTimeout(2_500);
    expect(attempts()).toBe(seen);
    expect(broker.log().slice(from)).not.toMatch(/New client connected/);
    await expect(status).toContainText('Error:');

    await page.getByLabel('Password', { exact: true }).fill('wonderland');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(status).toHaveText('Connected');
  });

  test('a denied publish is shown; allowed subscriptions and publishes work; unreadable topics never arrive', async ({ page, app, broker, mqttClients }) => {
    const from = broker.log().length;
    await app.open(configFor(broker, { connection: { username: 'alice', password: 'wonderland', subscriptions: [{ topic: 'plant/#', qos: 1 }, { topic: 'secret/#', qos: 1 }] } }));
    await expect(connectionStatus(page)).toHaveText('Connected');
    await waitForSubscription(broker, 'secret/#', { from });
    // Mosquitto 2.0.11's acl_file grants every SUBSCRIBE and filters on delivery instead (the
    // dynamic-security test below shows a broker that refuses it in the SUBACK).

    const feeder = await mqttClients.connect({ username: 'feeder', password: 'feeder-secret' });
    await publish(feeder, 'secret/recipe', 'classified', { qos: 1 });
    await publish(feeder, 'plant/line1/temp', '{"v":21}', { qos: 1 });
    const tree = topicsTree(page);
    await expect(treeItem(tree, 'plant')).toBeVisible();
    await expect(treeItem(tree, 'secret')).toHaveCount(0);

    await publishFromUi(page, 'cmd/denied/stop', 1);
    await expect(publishStatus(page)).toHaveText('Failed: Not authorized (0x87)');
    await publishFromUi(page, 'cmd/allowed/start', 1);
    await expect(publishStatus(page)).toHaveText('Delivered');
  });
});

const DYNSEC_PLUGIN = ['/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so', '/usr/lib/aarch64-linux-gnu/mosquitto_dynamic_security.so', '/usr/lib/mosquitto_dynamic_security.so', '/usr/local/lib/mosquitto_dynamic_security.so'].find((p) => existsSync(p));

/**
 * A Mosquitto dynamic-security file: alice may subscribe to plant/# and publish to cmd/allowed/#;
 * feeder may publish anywhere. Written into the broker's own temp dir, so nothing is left in /tmp.
 */
function dynsecConfig(): string {
  const hash = (password: string) => {
    const salt = randomBytes(12);
    // The plugin's format: PBKDF2-HMAC-SHA512, 101 iterations, 64-byte key, base64 (as mosquitto_ctrl writes it).
    return { salt: salt.toString('base64'), iterations: 101, password: pbkdf2Sync(password, salt, 101, 64, 'sha512').toString('base64') };
  };
  return JSON.stringify({
    defaultACLAccess: { publishClientSend: false, publishClientReceive: true, subscribe: false, unsubscribe: true },
    clients: [
      { username: 'alice', textName: '', ...hash('wonderland'), roles: [{ rolename: 'operator' }] },
      { username: 'feeder', textName: '', ...hash('feeder-secret'), roles: [{ rolename: 'feeder' }] },
    ],
    groups: [],
    roles: [
      { rolename: 'operator', acls: [{ acltype: 'subscribePattern', topic: 'plant/#', allow: true }, { acltype: 'publishClientSend', topic: 'cmd/allowed/#', allow: true }] },
      { rolename: 'feeder', acls: [{ acltype: 'publishClientSend', topic: '#', allow: true }] },
    ],
  });
}

test.describe('dynamic security plugin (SUBACK refusals)', () => {
  test.skip(!DYNSEC_PLUGIN, 'mosquitto_dynamic_security.so not installed');
  test.use({
    brokerOptions: DYNSEC_PLUGIN
      ? { files: { 'dynamic-security.json': dynsecConfig() }, extraConfig: `plugin ${DYNSEC_PLUGIN}\nplugin_opt_config_file {dir}/dynamic-security.json` }
      : {},
  });

  test('a refused subscription is shown per filter; the granted one works', async ({ page, app, broker, mqttClients }) => {
    const from = broker.log().length;
    await app.open(configFor(broker, { connection: { username: 'alice', password: 'wonderland', subscriptions: [{ topic: 'plant/#', qos: 1 }, { topic: 'secret/#', qos: 1 }] } }));
    await expect(connectionStatus(page)).toHaveText('Connected');
    await expect(page.getByRole('list', { name: 'Subscription problems' })).toHaveText('Subscription secret/# refused: Not authorized (0x87)');
    await waitForSubscription(broker, 'plant/#', { from });
    const feeder = await mqttClients.connect({ username: 'feeder', password: 'feeder-secret' });
    await publish(feeder, 'plant/line1/temp', '{"v":21}', { qos: 1 });
    await expect(treeItem(topicsTree(page), 'plant')).toBeVisible();
    await publishFromUi(page, 'cmd/denied/stop', 1);
    await expect(publishStatus(page)).toHaveText('Failed: Not authorized (0x87)');
    await publishFromUi(page, 'cmd/allowed/start', 1);
    await expect(publishStatus(page)).toHaveText('Delivered');
  });
});

test.describe('wss with TLS', () => {
  // The fixture's self-signed certificate (openssl, made per test): ignoreHTTPSErrors covers wss:// from the worker.
  test.use({ brokerOptions: { tls: true }, ignoreHTTPSErrors: true });

  test('connects over wss:// to a Mosquitto websockets TLS listener', async ({ page, app, broker, mqttClients }) => {
    const from = broker.log().length;
    await app.open(configFor({ wsUrl: broker.wssUrl! }));
    await expect(connectionStatus(page)).toHaveText('Connected');
    await waitForSubscription(broker, '#', { from });
    const pub = await mqttClients.connect();
    await publish(pub, 'tls/line1/temp', '{"v":1}', { qos: 1 });
    await expect(treeItem(topicsTree(page), 'tls')).toBeVisible();
  });
});

test.describe('broker presets', () => {
  let bridge: WsBridge;
  test.beforeEach(async ({ broker }) => {
    bridge = await startWsBridge(broker.tcpPort);
  });
  test.afterEach(async () => {
    await bridge.close();
  });

  test('a preset fills URL, version and help; placeholders must be replaced', async ({ page, app }) => {
    await app.open();
    const preset = page.getByRole('combobox', { name: 'Broker preset' });
    await preset.selectOption({ label: 'EMQX' });
    await expect(textbox(page, 'Broker URL')).toHaveValue('ws://<broker-host>:8083/mqtt');
    await expect(preset).toHaveAccessibleDescription(/JWT/);
    await preset.selectOption({ label: 'HiveMQ Cloud' });
    await expect(textbox(page, 'Broker URL')).toHaveValue('wss://<cluster-id>.s1.eu.hivemq.cloud:8884/mqtt');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText('Broker URL: replace the <…> parts of the preset with your broker');
  });

  test('Azure IoT Hub: device user name and client id, SAS token computed in the browser from the device key', async ({ page, app }) => {
    await app.open();
    await page.getByRole('combobox', { name: 'Broker preset' }).selectOption({ label: 'Azure IoT Hub' });
    await textbox(page, 'IoT hub host name').fill('myhub.azure-devices.net');
    await textbox(page, 'Device ID').fill('press-7');
    await expect(textbox(page, 'Username')).toHaveValue('myhub.azure-devices.net/press-7/?api-version=2021-04-12');
    await expect(textbox(page, 'Client ID')).toHaveValue('press-7');
    await expect(page.getByRole('combobox', { name: 'MQTT version' })).toHaveValue('4');
    await expect(textbox(page, 'Broker URL')).toHaveValue('wss://myhub.azure-devices.net/$iothub/websocket');
    const deviceKey = Buffer.from('device-key-for-test').toString('base64');
    await page.getByLabel('Password', { exact: true }).fill(deviceKey);
    // The test talks to Mosquitto through a bridge instead of Azure.
    await textbox(page, 'Broker URL').fill(`${bridge.url}/$iothub/websocket`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connectionStatus(page)).toHaveText('Connected');

    const sent = bridge.connects.at(-1)!;
    expect(sent).toMatchObject({ clientId: 'press-7', username: 'myhub.azure-devices.net/press-7/?api-version=2021-04-12', protocolVersion: 4 });
    const m = /^SharedAccessSignature sr=myhub\.azure-devices\.net%2Fdevices%2Fpress-7&sig=([^&]+)&se=(\d+)$/.exec(sent.password ?? '');
    expect(m, sent.password).not.toBeNull();
    const expiry = Number(m![2]);
    expect(expiry - Date.now() / 1000).toBeGreaterThan(23 * 3600);
    const expected = createHmac('sha256', Buffer.from(deviceKey, 'base64')).update(`myhub.azure-devices.net%2Fdevices%2Fpress-7\n${expiry}`).digest('base64');
    expect(decodeURIComponent(m![1])).toBe(expected);
    expect(sent.password).not.toContain(deviceKey);
  });

  test('AWS IoT Core with SigV4: the presigned WebSocket URL is computed in the browser; the secret is never sent', async ({ page, app }) => {
    await app.open();
    await page.getByRole('combobox', { name: 'Broker preset' }).selectOption({ label: 'AWS IoT Core (SigV4, temporary credentials)' });
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await textbox(page, 'Broker URL').fill(`${bridge.url}/mqtt`);
    await textbox(page, 'AWS region').fill('eu-west-1');
    await textbox(page, 'Access key ID').fill('AKIAIOSFODNN7EXAMPLE');
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    await page.getByLabel('Secret access key').fill(secret);
    await page.getByLabel('Session token').fill('FwoGZXIvYXdzEXAMPLE/token+=');
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connectionStatus(page)).toHaveText('Connected');

    const url = bridge.requests.at(-1)!;
    const m = /^\/mqtt\?(X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F(\d{8})%2Feu-west-1%2Fiotdevicegateway%2Faws4_request&X-Amz-Date=(\d{8}T\d{6}Z)&X-Amz-Expires=3600&X-Amz-SignedHeaders=host)&X-Amz-Signature=([0-9a-f]{64})&X-Amz-Security-Token=FwoGZXIvYXdzEXAMPLE%2Ftoken%2B%3D$/.exec(url);
    expect(m, url).not.toBeNull();
    const [, query, date, amzDate, signature] = m!;
    // Recompute the signature independently (Node crypto) over what the browser signed.
    const host = new URL(bridge.url).host;
    const canonical = ['GET', '/mqtt', query, `host:${host}`, '', 'host', createHash('sha256').update('').digest('hex')].join('\n');
    const toSign = ['AWS4-HMAC-SHA256', amzDate, `${date}/eu-west-1/iotdevicegateway/aws4_request`, createHash('sha256').update(canonical).digest('hex')].join('\n');
    let key: Buffer = createHmac('sha256', `AWS4${secret}`).update(date).digest();
    for (const part of ['eu-west-1', 'iotdevicegateway', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    expect(signature).toBe(createHmac('sha256', key).update(toSign).digest('hex'));
    expect(url).not.toContain(encodeURIComponent(secret));
    expect(bridge.connects.at(-1)!.password).toBeUndefined();
  });

  test('AWS IoT Core custom authorizer: the authorizer goes into the user name, the token is the password', async ({ page, app }) => {
    await app.open();
    await page.getByRole('combobox', { name: 'Broker preset' }).selectOption({ label: 'AWS IoT Core (custom authorizer)' });
    await textbox(page, 'Username').fill('line1-hmi');
    await textbox(page, 'Authorizer name').fill('PlantAuthorizer');
    await expect(textbox(page, 'Username')).toHaveValue('line1-hmi?x-amz-customauthorizer-name=PlantAuthorizer');
    await page.getByLabel('Password', { exact: true }).fill('eyJhbGciOiJIUzI1NiJ9.e30.token');
    await textbox(page, 'Broker URL').fill(`${bridge.url}/mqtt`);
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connectionStatus(page)).toHaveText('Connected');
    expect(bridge.connects.at(-1)).toMatchObject({ username: 'line1-hmi?x-amz-customauthorizer-name=PlantAuthorizer', password: 'eyJhbGciOiJIUzI1NiJ9.e30.token' });
  });
});

/** The remembered secret as stored in IndexedDB (`secrets` store). */
function storedSecret(page: Page, id: string): Promise<string | null> {
  return page.evaluate(
    (key) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('sightglass');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('secrets').objectStore('secrets').get(key);
          get.onsuccess = () => resolve((get.result as { password?: string } | undefined)?.password ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
    id,
  );
}

async function exportConfig(page: Page): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export configuration' }).click();
  return readFile(await (await download).path(), 'utf8');
}

test.describe('secrets', () => {
  test.use({ brokerOptions: { users: { alice: 'wonderland' } } });

  test('never exported unless asked; remembered only after a warning, encrypted with a passphrase; unlocked after a reload', async ({ page, app, broker }) => {
    test.setTimeout(60_000);
    await app.open();
    await textbox(page, 'Name').fill('Plant');
    await textbox(page, 'Broker URL').fill(broker.wsUrl);
    await textbox(page, 'Username').fill('alice');
    await page.getByLabel('Password', { exact: true }).fill('wonderland');
    // "Remember password" asks first (the app's confirmation dialog); declining leaves it off.
    const remember = page.getByRole('checkbox', { name: 'Remember password' });
    const warning = page.getByRole('dialog', { name: 'Remember password' });
    await remember.click();
    await expect(warning).toContainText('IndexedDB');
    await warning.getByRole('button', { name: 'Cancel' }).click();
    await expect(remember).not.toBeChecked();
    await remember.click();
    await warning.getByRole('button', { name: 'Remember' }).click();
    await expect(remember).toBeChecked();
    await page.getByRole('checkbox', { name: 'Encrypt with a passphrase' }).check();
    await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await page.getByText('Session options').click();
    await page.getByRole('checkbox', { name: 'Connect when Sightglass opens' }).check();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(connectionStatus(page)).toHaveText('Connected');

    const id = await page.getByRole('combobox', { name: 'Connection' }).inputValue();
    await expect.poll(() => storedSecret(page, id), { message: 'an encrypted secret is stored' }).toMatch(/^sg-enc1:/);
    expect(await storedSecret(page, id)).not.toContain('wonderland');

    const plain = await exportConfig(page);
    expect(plain).not.toContain('wonderland');
    expect(JSON.parse(plain).connections[0]).toMatchObject({ username: 'alice', rememberPassword: true });
    expect(JSON.parse(plain).connections[0].password).toBeUndefined();
    await page.getByRole('checkbox', { name: 'Include passwords' }).click();
    await page.getByRole('dialog', { name: 'Include passwords' }).getByRole('button', { name: 'Include passwords' }).click();
    await expect(page.getByRole('checkbox', { name: 'Include passwords' })).toBeChecked();
    expect(JSON.parse(await exportConfig(page)).connections[0].password).toBe('wonderland');

    // After a reload the secret stays locked (no auto-connect with a missing password) until unlocked.
    await expect.poll(() => page.evaluate(() => new Promise<number>((resolve) => {
      const open = indexedDB.open('sightglass');
      open.onsuccess = () => {
        const get = open.result.transaction('kv').objectStore('kv').get('siteConfig');
        get.onsuccess = () => resolve((get.result as { connections?: unknown[] } | undefined)?.connections?.length ?? 0);
      };
    }))).toBe(1);
    await page.reload();
    const unlock = page.getByRole('form', { name: 'Unlock saved passwords' });
    await expect(unlock).toBeVisible();
    await expect(connectionStatus(page)).toHaveText('Disconnected');
    await unlock.getByLabel('Passphrase', { exact: true }).fill('wrong');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(unlock.getByRole('alert')).toHaveText('Cannot unlock: wrong passphrase');
    await unlock.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await unlock.getByRole('button', { name: 'Unlock' }).click();
    await expect(connectionStatus(page)).toHaveText('Connected');
    await expect(unlock).toHaveCount(0);
  });
});
