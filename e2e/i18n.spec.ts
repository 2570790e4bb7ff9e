/**
 * Languages (issue 16): Simplified Chinese from `?lang=zh-CN` (kiosks) or the browser's language,
 * the language picker switching back to English without a reload, dates in the locale's form,
 * and English loading no catalogue at all. Real mosquitto, the built app.
 */
import type { Page, Request, TestInfo } from '@playwright/test';
import { test, expect, configFor, connectionStatus, uid, waitForSubscription, type Mosquitto, type App } from './support/fixtures';
import { publish } from './support/mqttClient';
import { treeItem } from './support/tree';

const ZH_CHUNK = /\/assets\/zh-CN-[\w-]+\.js$/;

const views = (page: Page) => page.getByRole('navigation', { name: /^(Views|视图)$/ });

function catalogueRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    if (ZH_CHUNK.test(new URL(r.url()).pathname)) seen.push(r.url());
  });
  return seen;
}

const dashboard = {
  id: 'line1',
  name: 'Line 1',
  widgets: [{ id: 'w1', type: 'stat', title: 'Line 1 rate', unit: 'u/min', series: [{ topic: 'plant/line1/rate', path: 'v' }] }],
};

function rule(topic: string) {
  return { id: 'r1', name: 'Line 1 temperature high', connection: 'plant', topic, path: 'v', condition: 'above', setpoint: 80, deadband: 2, onDelayMs: 0, offDelayMs: 0, priority: 'high' };
}

/** Opens the app and waits for the broker to see its subscription ("connect works"). */
async function open(page: Page, app: App, broker: Mosquitto, overrides: Parameters<typeof configFor>[1], query = ''): Promise<void> {
  const from = broker.log().length;
  await app.open(configFor(broker, overrides), { query });
  await expect(connectionStatus(page).or(page.getByRole('status', { name: '连接状态' }))).toContainText(/^(Connected|已连接)$/, { timeout: 20_000 });
  await waitForSubscription(broker, '#', { from });
}

async function shot(page: Page, info: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });
}

test('?lang=zh-CN shows Topics, Dashboards and Alarms in Chinese, with zh-CN dates, and connects', async ({ page, app, broker, mqttClients }, info) => {
  test.setTimeout(120_000); // three views and a command on a shared 2-core machine
  const catalogue = catalogueRequests(page);
  const topic = `plant/line1/temp-${uid()}`;
  await open(page, app, broker, { dashboards: [dashboard], alarms: [rule(topic)] }, 'lang=zh-CN');
  expect(catalogue).toHaveLength(1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('combobox', { name: '语言' })).toHaveValue('zh-CN');

  // Topics: live data arrives and the panels speak Chinese.
  const pub = await mqttClients.connect();
  await publish(pub, topic, { v: 85 }, { qos: 1 });
  await publish(pub, 'plant/line1/rate', { v: 1234.5 }, { qos: 1 });
  await expect(views(page).getByRole('link', { name: '主题', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('region', { name: '流量' })).toContainText('入');
  const tree = page.getByRole('tree', { name: '主题' });
  await treeItem(tree, 'plant').click();
  await expect(page.getByRole('textbox', { name: '筛选主题' })).toBeVisible();

  // A command from the Publish region, then its audit row: the date is in zh-CN order (yyyy/mm/dd).
  const region = page.getByRole('region', { name: '发布' });
  await region.getByRole('textbox', { name: '主题', exact: true }).fill('cmd/line1/start');
  await region.getByRole('textbox', { name: '负载', exact: true }).fill('{"run":true}');
  await region.getByRole('combobox', { name: 'QoS', exact: true }).selectOption('1');
  await region.getByRole('button', { name: '发布', exact: true }).click();
  await region.getByRole('button', { name: '命令审计' }).click();
  const audit = page.getByRole('dialog', { name: '命令审计' }).getByRole('table', { name: '命令审计' });
  await expect(audit.getByRole('row').nth(1)).toContainText(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\.\d{3}/);
  await expect(page.getByRole('dialog', { name: '命令审计' })).toContainText('已记录 1 条命令');
  await expect(audit.getByRole('columnheader', { name: '结果' })).toBeVisible();
  // The result and source cells too (they were English): "Delivered" (QoS 1) and "Publish".
  await expect(audit.getByRole('row').nth(1)).toContainText(/已送达|已发送/);
  await expect(audit.getByRole('row').nth(1)).toContainText('发布');
  await expect(audit.getByRole('row').nth(1)).not.toContainText(/Delivered|Sent|Publish/);
  await shot(page, info, 'topics-zh-CN');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '命令审计' })).toHaveCount(0);

  // Dashboards: the dashboard page's controls and the stat's value, grouped by the locale.
  await views(page).getByRole('link', { name: 'Line 1', exact: true }).click();
  await expect(page.getByRole('button', { name: '编辑仪表盘' })).toBeVisible();
  await expect(page.getByRole('button', { name: '添加组件' })).toBeVisible();
  await shot(page, info, 'dashboard-zh-CN');

  // Alarms: the banner and the summary count in Chinese, plurals included.
  await expect(page.getByRole('alert', { name: '未确认报警' })).toContainText('1 个未确认报警');
  await views(page).getByRole('link', { name: '报警', exact: true }).click();
  await expect(page.getByRole('heading', { name: '报警', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: '报警计数' })).toContainText('高：1 个活动，1 个未确认');
  await shot(page, info, 'alarms-zh-CN');
});

test.describe('zh-CN on a 1024 px tablet', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the connection line, the Menu, the dashboard cards and the Alarms table with its states speak Chinese', async ({ page, app, broker, mqttClients }, info) => {
    test.setTimeout(90_000);
    const topic = `plant/line1/temp-${uid()}`;
    await open(page, app, broker, { dashboards: [dashboard], alarms: [rule(topic)] }, 'lang=zh-CN');

    // Connected, the connection form is one line: its status and "Edit connection" in Chinese.
    const connection = page.getByRole('region', { name: '连接', exact: true });
    await expect(connection.getByRole('status', { name: '连接状态' })).toHaveText('已连接');
    await expect(connection.getByRole('button', { name: '编辑连接' })).toHaveText(/^编辑/);
    await expect(connection.getByRole('button', { name: '断开', exact: true })).toBeVisible();

    // Below 1280 px the secondary actions are in "Menu" (菜单).
    await page.getByRole('button', { name: '菜单', exact: true }).click();
    const menu = page.getByRole('menu', { name: '菜单' });
    await expect(menu.getByRole('menuitem', { name: '导出配置' })).toBeVisible();
    await expect(menu.getByRole('menuitemradio', { name: '浅色' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: '展示模式' })).toBeVisible();
    await shot(page, info, 'menu-zh-CN-1024');
    await page.keyboard.press('Escape');
    await expect(menu).toBeHidden();

    // The Dashboards page: a card per dashboard with its widget count and live value.
    const pub = await mqttClients.connect();
    await publish(pub, 'plant/line1/rate', { v: 1234.5 }, { qos: 1 });
    await views(page).getByRole('link', { name: '仪表盘', exact: true }).click();
    const card = page.getByRole('list', { name: '仪表盘' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Line 1', exact: true }) });
    await expect(card).toContainText('1 个组件');
    await expect(card).toContainText('1234.5 u/min');
    await expect(page.getByRole('button', { name: '新建仪表盘' })).toBeVisible();
    await shot(page, info, 'dashboard-cards-zh-CN');

    // Alarms: the table's headers, state texts and Acknowledge (确认) in Chinese.
    await publish(pub, topic, { v: 85 }, { qos: 1 });
    await views(page).getByRole('link', { name: '报警', exact: true }).click();
    const table = page.getByRole('table', { name: '活动报警' });
    await expect(table.getByRole('columnheader', { name: '状态' })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: 'Line 1 temperature high' });
    await expect(row).toContainText('未确认');
    await expect(row).toContainText('高');
    await row.getByRole('button', { name: '确认', exact: true }).click();
    await expect(row).toContainText('已确认');
    await expect(row.getByRole('button', { name: '搁置', exact: true })).toBeVisible();
    await shot(page, info, 'alarms-table-zh-CN');
  });
});

test.describe('zh-CN on a 1024 px tablet: configuration import from the Menu', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('Menu → Import configuration previews the changes in Chinese, and applying them works', async ({ page, app, broker }, info) => {
    const topic = `plant/line1/temp-${uid()}`;
    const base = configFor(broker, { dashboards: [dashboard], alarms: [rule(topic)] });
    await open(page, app, broker, { dashboards: [dashboard], alarms: [rule(topic)] }, 'lang=zh-CN');
    const next = {
      ...base,
      connections: [...base.connections, { id: 'second', name: 'Second broker', url: broker.wsUrl, autoConnect: false }],
      dashboards: [dashboard, { id: 'line2', name: 'Line 2', widgets: [{ id: 'c1', type: 'line', title: 'Line 2 rate', series: [{ topic: 'plant/line2/rate', path: 'v' }] }] }],
      alarms: [{ ...rule(topic), setpoint: 90 }],
    };

    await page.getByRole('button', { name: '菜单', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menu', { name: '菜单' }).getByRole('menuitem', { name: '导入配置' }).click();
    await (await chooser).setFiles({ name: 'next.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(next)) });

    // The preview: title, question, sections and what changes, in Chinese; names as written.
    const dialog = page.getByRole('dialog', { name: '导入配置' });
    await expect(dialog).toContainText('应用 next.json？');
    await expect(dialog.locator('dt')).toHaveText(['连接', '仪表盘', '报警']);
    await expect(dialog.locator('dd')).toHaveText(['新增：Second broker', '新增：Line 2', '修改：Line 1 temperature high']);
    await expect(dialog).not.toContainText(/added|changed|Apply|Connections/);
    await expect(dialog.getByRole('button', { name: '取消', exact: true })).toBeVisible();
    await shot(page, info, 'import-preview-zh-CN-1024');

    // Confirming applies it: the new dashboard is on the Dashboards page.
    await dialog.getByRole('button', { name: '应用配置', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await views(page).getByRole('link', { name: '仪表盘', exact: true }).click();
    await page.getByRole('list', { name: '仪表盘' }).getByRole('link', { name: 'Line 2', exact: true }).click();
    // Its line chart's window choice "All" is Chinese too.
    await expect(page.getByRole('combobox', { name: '时间窗口' }).locator('option')).toHaveText(['1 m', '5 m', '15 m', '1 h', '全部']);
  });
});

test.describe('with the browser language set to Chinese', () => {
  test.use({ locale: 'zh-CN' });

  test('the UI starts in Chinese; the picker switches to English without a reload, and the choice is kept', async ({ page, app, broker }) => {
    await open(page, app, broker, {});
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(views(page).getByRole('link', { name: '仪表盘', exact: true })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '主题配色' })).toBeVisible();

    // A marker on window survives only if the page is not reloaded.
    await page.evaluate(() => Object.assign(window, { sgNoReload: true }));
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    await expect(views(page).getByRole('link', { name: 'Dashboards', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Traffic' })).toContainText('In');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    expect(await page.evaluate(() => (window as unknown as { sgNoReload?: boolean }).sgNoReload)).toBe(true);

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    await expect(views(page).getByRole('link', { name: 'Topics', exact: true })).toBeVisible();
  });
});

test('English (the source language) loads no catalogue', async ({ page, app, broker }) => {
  const catalogue = catalogueRequests(page);
  await open(page, app, broker, { dashboards: [dashboard] });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(views(page).getByRole('link', { name: 'Topics', exact: true })).toHaveAttribute('aria-current', 'page');
  await views(page).getByRole('link', { name: 'Alarms', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Alarms', exact: true })).toBeVisible();
  expect(catalogue).toEqual([]);
});
