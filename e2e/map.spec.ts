/**
 * Map widget (issue 15) against a real mosquitto: markers from a wildcard topic appear in the
 * figure's text with their coordinates and move; the map's code loads only with a map; a click
 * on a marker (found by its alarm colour on the canvas) and Enter on a listed marker show its
 * details; a raster PMTiles file next to index.html becomes the basemap.
 */
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, DIST_DIR, openConnected, uid } from './support/fixtures';
import { publish } from './support/mqttClient';
import { solidRasterPmtiles } from './support/pmtiles';

// A map test opens the app, connects and draws: 25 s at load 30 on 2 cores; the default 30 s is too tight.
test.describe.configure({ timeout: 60_000 });

function mapDashboard(extra: Record<string, unknown> = {}) {
  return {
    id: 'fleet',
    name: 'Fleet',
    widgets: [
      {
        id: 'm1',
        type: 'map',
        title: 'Fleet map',
        positions: { connection: 'plant', topic: 'fleet/+/gps', lat: 'lat', lon: 'lon', fields: ['speed'] },
        colorBy: { path: 'state', values: { fault: 'alarm' } },
        layout: { x: 0, y: 0, w: 12, h: 10 },
        ...extra,
      },
    ],
  };
}

async function openFleet(page: Page): Promise<{ figure: Locator; markers: Locator }> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Fleet', exact: true }).click();
  const figure = page.getByRole('figure', { name: 'Fleet map' });
  await expect(figure).toBeVisible();
  return { figure, markers: figure.getByRole('list', { name: 'Markers' }) };
}

/** Page coordinates of the first canvas pixel in the high-priority alarm colour (#d40000). */
function findAlarmPixel(figure: Locator): Promise<{ x: number; y: number } | null> {
  return figure.locator('canvas.sg-map-canvas').evaluate((c: HTMLCanvasElement) => {
    const ctx = c.getContext('2d');
    if (!ctx) return null;
    const { data, width, height } = ctx.getImageData(0, 0, c.width, c.height);
    for (let i = 0; i < width * height; i++) {
      if (data[4 * i] > 200 && data[4 * i + 1] < 30 && data[4 * i + 2] < 30 && data[4 * i + 3] > 200) {
        const box = c.getBoundingClientRect();
        return { x: box.left + ((i % width) * box.width) / width, y: box.top + (Math.floor(i / width) * box.height) / height };
      }
    }
    return null;
  });
}

test('markers show their id and coordinates as text, move, and open their details by click or keyboard', async ({ page, app, broker, mqttClients }) => {
  const mapChunks: string[] = [];
  page.on('request', (r) => {
    if (/\/MapWidget-[\w-]+\.js$/.test(r.url())) mapChunks.push(r.url());
  });
  await openConnected({ page, app, broker }, { dashboards: [mapDashboard()] });
  // Lazy: nothing of the map is loaded before a dashboard shows one.
  expect(mapChunks).toEqual([]);
  const { figure, markers } = await openFleet(page);
  await expect.poll(() => mapChunks.length).toBeGreaterThan(0);

  const pub = await mqttClients.connect();
  await publish(pub, 'fleet/truck-07/gps', { lat: 48.20812, lon: 16.37382, speed: 42, state: 'ok' }, { qos: 1 });
  await publish(pub, 'fleet/truck-08/gps', { lat: 48.19, lon: 16.35, speed: 0, state: 'fault' }, { qos: 1 });
  await publish(pub, 'fleet/truck-09/gps', { lat: 'no fix' }, { qos: 1 });

  await expect(markers).toContainText('truck-07 48.20812, 16.37382');
  await expect(markers).toContainText('truck-08 48.19000, 16.35000');
  await expect(figure.getByRole('status').filter({ hasText: 'markers' })).toHaveText('2 markers, 1 without position');
  // Abnormal state in words too, not by colour alone.
  await expect(markers.getByRole('button', { name: /^truck-08/ })).toContainText('(high)');
  await expect(markers.getByRole('button', { name: /^truck-07/ })).not.toContainText('(');

  await publish(pub, 'fleet/truck-07/gps', { lat: 48.2101, lon: 16.38, speed: 50, state: 'ok' }, { qos: 1 });
  await expect(markers).toContainText('truck-07 48.21010, 16.38000');

  // A click on the red marker on the map shows truck-08's details.
  let spot: { x: number; y: number } | null = null;
  await expect.poll(async () => (spot = await findAlarmPixel(figure))).not.toBeNull();
  await page.mouse.click(spot!.x + 2, spot!.y + 2);
  const details = figure.getByRole('region', { name: 'Marker details' });
  await expect(details).toContainText('truck-08');
  await expect(details).toContainText('48.19000');
  await expect(details).toContainText('16.35000');
  await expect(details).toContainText(/state\s*fault/);
  await expect(details).toContainText('Last seen');

  // Keyboard: the listed marker is a button; Enter shows its details.
  await markers.getByRole('button', { name: /^truck-07/ }).focus();
  await page.keyboard.press('Enter');
  await expect(details).toContainText('truck-07');
  await expect(details).toContainText(/speed\s*50/);
  await page.keyboard.press('Escape');
  await expect(details).toBeHidden();
});

test('every marker id stays findable among many', async ({ page, app, broker, mqttClients }) => {
  await openConnected({ page, app, broker }, { dashboards: [mapDashboard()] });
  const { figure, markers } = await openFleet(page);
  const pub = await mqttClients.connect();
  for (let i = 0; i < 300; i++) await publish(pub, `fleet/v${i}/gps`, { lat: 47 + i / 1000, lon: 15 + i / 1000 });
  await expect(figure.getByRole('status').filter({ hasText: 'markers' })).toHaveText('300 markers');
  await figure.getByRole('textbox', { name: 'Find marker' }).fill('v277');
  await expect(markers.getByRole('button')).toHaveCount(1);
  await expect(markers).toContainText('v277 47.27700, 15.27700');
});

test('a raster PMTiles file next to index.html is the basemap', async ({ page, app, broker, mqttClients }) => {
  const name = `e2e-map-${uid()}.pmtiles`;
  const file = path.join(DIST_DIR, name);
  await writeFile(file, solidRasterPmtiles(3, [170, 200, 230]));
  try {
    await openConnected({ page, app, broker }, { dashboards: [mapDashboard({ tiles: name })] });
    const { figure, markers } = await openFleet(page);
    const pub = await mqttClients.connect();
    await publish(pub, 'fleet/truck-07/gps', { lat: 48.20812, lon: 16.37382 }, { qos: 1 });
    await expect(markers).toContainText('truck-07 48.20812, 16.37382');
    // Tiles decoded from the archive (range requests to the static server) are on screen.
    await expect
      .poll(() => figure.locator('.leaflet-tile-pane img').evaluateAll((imgs) => (imgs as HTMLImageElement[]).filter((i) => i.src.startsWith('blob:') && i.complete && i.naturalWidth === 256).length))
      .toBeGreaterThan(0);
  } finally {
    await rm(file, { force: true });
  }
});
