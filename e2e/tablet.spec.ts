/**
 * Tablet layout (issue 8): from 768 px wide, portrait and landscape, touch emulated: the views
 * fit without horizontal scrolling, the navigation fits, touch targets are at least 44 px.
 * Screenshots of each view are attached to the test results.
 */
import type { Page, TestInfo } from '@playwright/test';
import { test, expect, openConnected } from './support/fixtures';
import { publish } from './support/mqttClient';

/** A long unbroken payload text: it must wrap in the Message region, not widen the page. */
const LONG = 'a-value-with-a-rather-long-name-that-must-wrap-not-scroll-0123456789'.repeat(3);
/** A deep, realistically long topic. */
const DEEP = 'plant/site-a/line1/compressor-03/bearing-temperature-drive-end';

const overrides = {
  dashboards: [
    {
      id: 'line1',
      name: 'Line 1',
      widgets: [
        { id: 'w1', type: 'line', title: 'Line 1 temperature', series: [{ connection: 'plant', topic: 'plant/line1/temp', path: 'v' }] },
        { id: 'w2', type: 'stat', title: 'Line 1 pressure', series: [{ connection: 'plant', topic: 'plant/line1/pressure', path: 'v' }] },
      ],
    },
  ],
  alarms: [
    { id: 't1-high', name: 'Line 1 temperature high', connection: 'plant', topic: 'plant/line1/temp', path: 'v', condition: 'above', setpoint: 80, deadband: 2, priority: 'high' },
  ],
};

/**
 * No horizontal scrolling: not of the page, and no element scrolls sideways either (a table or
 * grid wider than the screen inside an overflow box is still sideways scrolling for the user).
 */
async function expectNoHorizontalScroll(page: Page) {
  const m = await page.evaluate(() => {
    const se = document.scrollingElement!;
    const scrollers = Array.from(document.querySelectorAll('body *'))
      .filter((el): el is HTMLElement => el instanceof HTMLElement && el.checkVisibility())
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX) && el.scrollWidth > el.clientWidth + 1)
      .map((el) => {
        const named = el.closest('[aria-label]') ?? el.querySelector('[aria-label]');
        return `${el.tagName.toLowerCase()} at [${named?.getAttribute('aria-label') ?? '?'}] scrollWidth=${el.scrollWidth} clientWidth=${el.clientWidth}`;
      });
    // …and nothing sticks out of the screen, cut off by a clipping box.
    const outside = Array.from(document.querySelectorAll('body *'))
      .filter((el) => el instanceof HTMLElement && el.checkVisibility() && el.getBoundingClientRect().right > window.innerWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} in [${el.closest('[aria-label]')?.getAttribute('aria-label') ?? '?'}] right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, scrollers: scrollers.slice(0, 5), outside: outside.slice(0, 5) };
  });
  expect(m.scrollWidth, 'page scrollWidth vs clientWidth').toBeLessThanOrEqual(m.clientWidth);
  expect(m.scrollers, 'elements that scroll sideways').toEqual([]);
  expect(m.outside, 'elements past the right edge of the screen').toEqual([]);
}

/** Every visible button, link in the navigation, select and text field is at least 44 px tall. */
async function expectTouchTargets(page: Page) {
  const small = await page.evaluate(() =>
    Array.from(document.querySelectorAll('button, select, nav a, input:not([type="checkbox"]):not([type="radio"]):not([type="file"])'))
      .filter((el) => el instanceof HTMLElement && el.checkVisibility())
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.height < 44 - 0.5)
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.height)}px`),
  );
  expect(small).toEqual([]);
}

async function snap(page: Page, testInfo: TestInfo, name: string) {
  const file = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

for (const { label, width, height } of [
  { label: 'portrait', width: 768, height: 1024 },
  { label: 'landscape', width: 1024, height: 768 },
]) {
  test.describe(`tablet ${label} ${width}×${height}`, () => {
    test.use({ viewport: { width, height }, hasTouch: true, isMobile: true });

    test('Topics, Dashboards and Alarms fit without horizontal scrolling', async ({ page, app, broker, mqttClients }, testInfo) => {
      // Three views, each measured and photographed: more than 30 s on a loaded 2-core machine.
      test.slow();
      await openConnected({ page, app, broker }, overrides);
      expect(await page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
      const pub = await mqttClients.connect();
      await publish(pub, 'plant/line1/temp', { v: 91.5, unit: '°C' }, { retain: true });
      await publish(pub, 'plant/line1/pressure', { v: 2.4, unit: 'bar' }, { retain: true });
      await publish(pub, DEEP, { v: 61.2, unit: '°C', detail: LONG });

      const nav = page.getByRole('navigation', { name: 'Views', exact: true });
      await expect(nav).toBeVisible();
      for (const name of ['Topics', 'Dashboards', 'Alarms']) await expect(nav.getByRole('link', { name, exact: true })).toBeInViewport();

      // Topics, with the long topic opened in the Message region.
      await nav.getByRole('link', { name: 'Topics', exact: true }).tap();
      await page.getByRole('textbox', { name: 'Filter topics' }).fill('bearing-temperature');
      await page.getByRole('treeitem', { name: /^bearing-temperature-drive-end/ }).tap();
      await expect(page.getByRole('region', { name: 'Message' })).toContainText(LONG);
      await snap(page, testInfo, `topics-${label}`);
      await page.getByRole('region', { name: 'Message' }).scrollIntoViewIfNeeded();
      await snap(page, testInfo, `topics-message-${label}`);
      await expectNoHorizontalScroll(page);
      await expectTouchTargets(page);

      // Below 1280 px each dashboard is a card on the Dashboards page (and an item of "Menu").
      await nav.getByRole('link', { name: 'Dashboards', exact: true }).tap();
      await page.getByRole('list', { name: 'Dashboards' }).getByRole('link', { name: 'Line 1', exact: true }).tap();
      // The chart is loaded lazily; its figure carries the latest value as text once it is there.
      await expect(page.getByRole('figure', { name: 'Line 1 temperature' })).toBeVisible();
      await publish(pub, 'plant/line1/temp', { v: 91.5, unit: '°C' }, { retain: true });
      await expect(page.getByRole('figure', { name: 'Line 1 temperature' })).toContainText('91.5', { timeout: 10_000 });
      await snap(page, testInfo, `dashboard-${label}`);
      await expectNoHorizontalScroll(page);
      await expectTouchTargets(page);

      await nav.getByRole('link', { name: 'Alarms', exact: true }).tap();
      await expect(page.getByRole('heading', { name: 'Alarms' }).first()).toBeVisible();
      await snap(page, testInfo, `alarms-${label}`);
      await expectNoHorizontalScroll(page);
      await expectTouchTargets(page);
    });
  });
}

test.describe('narrow screen', () => {
  test.use({ viewport: { width: 600, height: 900 }, hasTouch: true, isMobile: true });

  test('the views fold into a "Menu" button', async ({ page, app, broker }) => {
    await openConnected({ page, app, broker }, overrides);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeHidden();
    await menu.tap();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('menu', { name: 'Menu' }).getByRole('menuitem', { name: 'Alarms', exact: true }).tap();
    await expect(page).toHaveURL(/#\/alarms$/);
    await expect(page.getByRole('menu', { name: 'Menu' })).toBeHidden();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expectNoHorizontalScroll(page);
  });
});

test.describe('touch on the topic tree', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test('a tap on a row with children expands it, not only the small caret', async ({ page, app, broker, mqttClients }) => {
    await openConnected({ page, app, broker });
    const pub = await mqttClients.connect();
    await publish(pub, 'plant/line1/temp', '21.5', { qos: 1 });
    const tree = page.getByRole('tree', { name: 'Topics' });
    const plant = tree.getByRole('treeitem', { name: /^plant(?![\w-])/ });
    await expect(plant).toHaveAttribute('aria-expanded', 'false');
    await plant.tap({ position: { x: 200, y: 10 } });
    await expect(plant).toHaveAttribute('aria-expanded', 'true');
    await tree.getByRole('treeitem', { name: /^line1(?![\w-])/ }).tap({ position: { x: 200, y: 10 } });
    await expect(tree.getByRole('treeitem', { name: /^temp(?![\w-])/ })).toBeVisible();
  });
});

/** How many distinct lines the element's visible children sit on (by their vertical centres). */
function linesOf(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((el) => {
    const centres = Array.from(el.children)
      .filter((c): c is HTMLElement => c instanceof HTMLElement && c.checkVisibility())
      .map((c) => {
        const r = c.getBoundingClientRect();
        return r.top + r.height / 2;
      });
    return centres.filter((y, i) => centres.findIndex((z) => Math.abs(z - y) < 8) === i).length;
  });
}

test.describe('tablet portrait 768×1024, connected', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });

  test('the connection form folds to one line once connected, and the tree gets the room', async ({ page, app, broker, mqttClients }) => {
    await openConnected({ page, app, broker });
    const pub = await mqttClients.connect();
    for (let i = 0; i < 20; i++) await publish(pub, `plant/line1/sensor${String(i).padStart(2, '0')}`, String(i), { qos: 1 });

    const connection = page.getByRole('region', { name: 'Connection' });
    const edit = connection.getByRole('button', { name: 'Edit connection' });
    await expect(edit).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('textbox', { name: 'Broker URL' })).toBeHidden();
    // One line: name (the "Connection" combobox), status, Disconnect, Edit and New side by side.
    expect(await linesOf(page, 'section[aria-label="Connection"] > div')).toBe(1);
    await expect(connection.getByRole('combobox', { name: 'Connection' })).toBeVisible();
    await expect(connection.getByRole('status', { name: 'Connection status' })).toHaveText('Connected');
    await expect(connection.getByRole('button', { name: 'Disconnect', exact: true })).toBeVisible();
    expect((await connection.boundingBox())!.height).toBeLessThan(80);

    const tree = page.getByRole('tree', { name: 'Topics' });
    await tree.getByRole('treeitem', { name: /^plant(?![\w-])/ }).tap({ position: { x: 200, y: 10 } });
    await tree.getByRole('treeitem', { name: /^line1(?![\w-])/ }).tap({ position: { x: 200, y: 10 } });
    await expect(tree.getByRole('treeitem', { name: /^sensor19(?![\w-])/ })).toBeAttached();
    // On the first screen, without scrolling: at least 10 whole rows of the tree.
    const rowsInView = await tree.getByRole('treeitem').evaluateAll((items) =>
      items.filter((el) => {
        const r = el.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;
      }).length,
    );
    expect(rowsInView).toBeGreaterThanOrEqual(10);

    // One tap brings the whole form back, and a second folds it again.
    await edit.tap();
    await expect(edit).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('textbox', { name: 'Broker URL' })).toHaveValue(broker.wsUrl);
    await edit.tap();
    await expect(page.getByRole('textbox', { name: 'Broker URL' })).toBeHidden();
  });

  test('the Dashboards page shows each dashboard as a card with live values', async ({ page, app, broker, mqttClients }) => {
    await openConnected({ page, app, broker }, overrides);
    const pub = await mqttClients.connect();
    await publish(pub, 'plant/line1/pressure', { v: 2.4, unit: 'bar' }, { qos: 1 });
    await page.getByRole('navigation', { name: 'Views', exact: true }).getByRole('link', { name: 'Dashboards', exact: true }).tap();
    const card = page.getByRole('list', { name: 'Dashboards' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Line 1', exact: true }) });
    await expect(card).toContainText('2 widgets');
    await expect(card).toContainText(/Line 1 pressure\s*2\.4(?!\d)/);
    await publish(pub, 'plant/line1/pressure', { v: 3.125, unit: 'bar' }, { qos: 1 });
    await expect(card).toContainText(/Line 1 pressure\s*3\.125(?!\d)/);
    await card.getByRole('link', { name: 'Line 1', exact: true }).tap();
    await expect(page.getByRole('figure', { name: 'Line 1 pressure' })).toBeVisible();
  });
});

test.describe('tablet landscape 1024×768, header', () => {
  test.use({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });

  test('the header stays on one line; the secondary actions are in "Menu"', async ({ page, app, broker }) => {
    await openConnected({ page, app, broker }, overrides);
    expect(await linesOf(page, 'header')).toBe(1);
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(menu).toHaveAttribute('aria-haspopup', 'menu');
    await expect(page.getByRole('button', { name: 'Export configuration' })).toHaveCount(0);
    await menu.tap();
    const items = page.getByRole('menu', { name: 'Menu' });
    for (const name of ['Line 1', 'Export configuration', 'Import configuration', 'Kiosk mode']) await expect(items.getByRole('menuitem', { name, exact: true })).toBeVisible();
    await expect(items.getByRole('menuitemcheckbox', { name: 'Include passwords' })).toHaveAttribute('aria-checked', 'false');
    await expect(items.getByRole('menuitemradio', { name: 'Light' })).toHaveAttribute('aria-checked', 'true');
  });

  test('"Menu" works from the keyboard: arrows, Escape, focus back on the button', async ({ page, app, broker }) => {
    await openConnected({ page, app, broker }, overrides);
    const menu = page.getByRole('button', { name: 'Menu' });
    const popup = page.getByRole('menu', { name: 'Menu' });
    await menu.focus();
    await page.keyboard.press('Enter');
    await expect(popup).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(popup.getByRole('menuitem', { name: 'Line 1' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(popup.getByRole('menuitem', { name: 'Export configuration' })).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(popup.getByRole('menuitem', { name: 'Kiosk mode' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(popup).toBeHidden();
    await expect(menu).toBeFocused();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');

    // ArrowUp opens on the last item; type-ahead and Enter choose "Dark".
    await page.keyboard.press('ArrowUp');
    await expect(popup.getByRole('menuitem', { name: 'Kiosk mode' })).toBeFocused();
    await page.keyboard.press('d');
    await expect(popup.getByRole('menuitemradio', { name: 'Dark' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(popup).toBeHidden();
    await expect(menu).toBeFocused();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // A dashboard chosen from the menu opens it.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect(page).toHaveURL(/#\/dashboards\/line1$/);
  });
});
