/**
 * Control-room kiosk (issue 8): editing hidden, dashboards rotating, the screen kept on, the
 * pointer hidden when idle; and the three ISA-101 themes.
 */
import type { Page } from '@playwright/test';
import { test, expect, configFor, connectionStatus } from './support/fixtures';

const dashboards = [
  { id: 'line1', name: 'Line 1', widgets: [{ id: 'w1', type: 'stat', title: 'Line 1 temperature', series: [{ connection: 'plant', topic: 'plant/line1/temp', path: 'v' }] }] },
  { id: 'line2', name: 'Line 2', widgets: [{ id: 'w2', type: 'stat', title: 'Line 2 temperature', series: [{ connection: 'plant', topic: 'plant/line2/temp', path: 'v' }] }] },
];

async function expectNoEditing(page: Page) {
  await expect(page.getByRole('navigation', { name: 'Views', exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Broker URL' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Publish' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Import configuration' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toHaveCount(0);
}

test('?kiosk=1 hides editing and keeps the connection status in view', async ({ page, app, broker }) => {
  await app.open(configFor(broker, { dashboards }), { query: 'kiosk=1&rotate=0' });
  await expectNoEditing(page);
  await expect(page.locator('html')).toHaveAttribute('data-kiosk', '');
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Exit kiosk mode' })).toBeVisible();

  // Still hidden on every view, and markup tagged data-edit-only is hidden by CSS.
  await page.getByRole('link', { name: 'Line 1' }).click();
  await expectNoEditing(page);
  const hidden = await page.evaluate(() => {
    const el = document.createElement('button');
    el.dataset.editOnly = '';
    el.textContent = 'Edit dashboard';
    document.body.append(el);
    const display = getComputedStyle(el).display;
    el.remove();
    return display;
  });
  expect(hidden).toBe('none');
});

test('dashboard and alarm-rule editing is hidden in kiosk mode', async ({ page, app, broker }) => {
  // The dashboards and alarms views consult useKiosk() (app/kiosk) or mark controls data-edit-only.
  await app.open(configFor(broker, { dashboards }), { query: 'kiosk=1&rotate=0' });
  await page.getByRole('link', { name: 'Line 1' }).click();
  await expect(page.getByRole('heading', { name: 'Line 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit dashboard' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add widget' })).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Views', exact: true }).getByRole('link', { name: 'Alarms', exact: true }).click();
  const rulesTab = page.getByRole('tab', { name: 'Rules' });
  if (await rulesTab.count()) await rulesTab.click();
  await expect(page.getByRole('button', { name: 'Add rule' })).toHaveCount(0);
});

test('the "Kiosk mode" button enters kiosk mode, which survives a reload; "Exit kiosk mode" leaves it', async ({ page, app, broker }) => {
  await app.open(configFor(broker));
  // Connected, the connection form is folded to one line with "Edit connection" (issue 16, tablets).
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });
  await expect(page.getByRole('button', { name: 'Edit connection' })).toBeVisible();
  await page.getByRole('button', { name: 'Kiosk mode' }).click();
  await expectNoEditing(page);
  await expect(page).toHaveURL(/[?&]kiosk=1/);

  await page.reload();
  await expectNoEditing(page);
  await expect(connectionStatus(page)).toHaveText('Connected', { timeout: 20_000 });

  await page.getByRole('button', { name: 'Exit kiosk mode' }).click();
  await page.getByRole('button', { name: 'Edit connection' }).click();
  await expect(page.getByRole('textbox', { name: 'Broker URL' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Publish' })).toBeVisible();
  await expect(page).not.toHaveURL(/kiosk=/);
  await expect(page.locator('html')).not.toHaveAttribute('data-kiosk');
});

test('?kiosk=1 on the root URL opens on the first dashboard, or on ?dashboard=<id>', async ({ page, app, broker }) => {
  // Default rotation (30 s): the first dashboard must show at once, not after one rotation period.
  await app.open(configFor(broker, { dashboards }), { query: 'kiosk=1' });
  await expect(page).toHaveURL(/#\/dashboards\/line1$/);
  await expect(page.getByRole('heading', { name: 'Line 1' })).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Line 1 temperature' })).toBeVisible();

  await app.open(configFor(broker, { dashboards }), { query: 'kiosk=1&dashboard=line2' });
  await expect(page).toHaveURL(/#\/dashboards\/line2$/);
  await expect(page.getByRole('heading', { name: 'Line 2' })).toBeVisible();
});

test('dashboards rotate every N seconds', async ({ page, app, broker }) => {
  test.slow();
  await app.open(configFor(broker, { dashboards }), { query: 'kiosk=1&rotate=5' });
  await expect(page).toHaveURL(/#\/dashboards\/line1$/, { timeout: 8_000 });
  await expect(page.getByRole('heading', { name: 'Line 1' })).toBeVisible();
  await expect(page).toHaveURL(/#\/dashboards\/line2$/, { timeout: 8_000 });
  await expect(page.getByRole('heading', { name: 'Line 2' })).toBeVisible();
});

test('the screen is kept on in kiosk mode, and the wake lock is taken again after the page was hidden', async ({ page, app, broker }) => {
  // Headless Chromium never hides a page, so record the real sentinels to release one the way the
  // browser does on hiding; the lock itself is the real Screen Wake Lock API.
  await page.addInitScript(() => {
    const w = window as unknown as { __sentinels: WakeLockSentinel[] };
    w.__sentinels = [];
    const lock = navigator.wakeLock;
    if (!lock) return;
    const request = lock.request.bind(lock);
    lock.request = async (type) => {
      const s = await request(type);
      w.__sentinels.push(s);
      return s;
    };
  });
  await app.open(configFor(broker), { query: 'kiosk=1' });
  const wake = page.getByLabel('Screen wake lock');
  await expect(wake).toHaveText('Screen kept on');
  const sentinels = () => page.evaluate(() => (window as unknown as { __sentinels: WakeLockSentinel[] }).__sentinels.map((s) => s.released));
  expect(await sentinels()).toEqual([false]);

  // Hidden: the browser releases the lock.
  await page.evaluate(() => (window as unknown as { __sentinels: WakeLockSentinel[] }).__sentinels[0].release());
  await expect(wake).toHaveText('Screen may sleep');
  // Visible again: the app requests a new lock.
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
  await expect(wake).toHaveText('Screen kept on');
  expect(await sentinels()).toEqual([true, false]);

  // Leaving kiosk mode lets the screen sleep again.
  await page.getByRole('button', { name: 'Exit kiosk mode' }).click();
  await expect.poll(sentinels).toEqual([true, true]);
});

test('the mouse pointer disappears when idle in kiosk mode', async ({ page, app, broker }) => {
  await app.open(configFor(broker), { query: 'kiosk=1' });
  await page.mouse.move(200, 200);
  await expect(page.locator('html')).toHaveAttribute('data-idle', '', { timeout: 6_000 });
  expect(await page.evaluate(() => getComputedStyle(document.body).cursor)).toBe('none');
  await page.mouse.move(220, 240);
  await expect(page.locator('html')).not.toHaveAttribute('data-idle');
});

test.describe('themes', () => {
  const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  test('light, dark and high contrast are picked in the header and remembered', async ({ page, app, broker }) => {
    await app.open(configFor(broker));
    const picker = page.getByRole('combobox', { name: 'Theme' });
    await expect(picker).toHaveValue('light');
    const light = await bodyBackground(page);

    await picker.selectOption({ label: 'Dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const dark = await bodyBackground(page);
    expect(dark).not.toBe(light);

    await picker.selectOption({ label: 'High contrast' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    const contrast = await bodyBackground(page);
    expect(new Set([light, dark, contrast]).size).toBe(3);
    // ISA-101: every theme background is a neutral grey (r = g = b within a few units).
    for (const c of [light, dark, contrast]) {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThanOrEqual(8);
    }

    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('contrast');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    expect(await bodyBackground(page)).toBe(contrast);
  });

  test('?theme= picks the theme for a wall screen', async ({ page, app, broker }) => {
    await app.open(configFor(broker), { query: 'kiosk=1&theme=contrast' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'contrast');
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('contrast');
  });
});
