/**
 * Widgets follow the theme (issue 16 #3): in light, dark and high contrast, every colour the
 * charts, gauge, bars, stat and lamp really drew with (ECharts' own merged option, read through
 * `window.__sightglassCharts`; computed styles for the SVG sparkline and HTML text) meets WCAG
 * against the widget's background: 3:1 for graphics (lines, needles, bars, setpoint lines,
 * lamps), 4.5:1 for text (axis labels, setpoint labels, values). The theme is switched in the
 * header, so this also proves the charts redraw without a reload. Also: the trend's y axis holds
 * the setpoints drawn on it.
 */
import { test, expect, openConnected } from './support/fixtures';
import { publish } from './support/mqttClient';
import type { Locator, Page } from '@playwright/test';
import { contrastRatio, deltaE } from '../app/theme/contrast';

const TEMP = 'plant/theme/temp';
const alarms = [
  { id: 'temp-high', name: 'Temp high', connection: 'plant', topic: TEMP, path: 'v', condition: 'above', setpoint: 80, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'medium' },
  { id: 'temp-low', name: 'Temp low', connection: 'plant', topic: TEMP, path: 'v', condition: 'below', setpoint: 25, deadband: 0, onDelayMs: 0, offDelayMs: 0, priority: 'high' },
];
// staleAfterMs 0: stale only when the connection drops, so the live colours are what is checked.
const dashboard = {
  id: 'themes',
  name: 'Theme check',
  widgets: [
    { id: 'line', type: 'line', title: 'Temperatures', unit: '°C', staleAfterMs: 0, series: [{ topic: TEMP, path: 'v' }, { topic: 'plant/theme/temp2', path: 'v' }] },
    { id: 'gauge', type: 'gauge', title: 'Pressure', unit: 'bar', min: 0, max: 10, staleAfterMs: 0, series: [{ topic: 'plant/theme/pressure', path: 'v' }] },
    { id: 'stat', type: 'stat', title: 'Rate', unit: 'u/min', staleAfterMs: 0, series: [{ topic: 'plant/theme/rate', path: 'v' }] },
    { id: 'bar', type: 'bar', title: 'Output', unit: 'kg', staleAfterMs: 0, series: [{ topic: 'plant/theme/output', path: 'v' }, { topic: 'plant/theme/output2', path: 'v' }] },
    { id: 'lamp', type: 'lamp', title: 'Press state', staleAfterMs: 0, states: [{ value: 'RUNNING', text: 'Running' }], series: [{ topic: 'plant/theme/state', path: 'state' }] },
  ],
};

interface Paint {
  readonly what: string;
  readonly colour: string;
  /** What it is drawn on: the widget background unless a chip brings its own. */
  readonly on?: string;
  readonly kind: 'text' | 'graphic';
}

type Option = Record<string, unknown>;
type Probe = { option(el: Element): unknown; yPixel(el: Element, value: number): number | null };

/** The merged option of the chart inside a figure, as ECharts holds it. */
function chartOption(figure: Locator): Promise<Option | null> {
  return figure.locator('[_echarts_instance_]').evaluate((el) => {
    const probe = (window as unknown as { __sightglassCharts?: Probe }).__sightglassCharts;
    return probe ? (probe.option(el) as Option | null) : null;
  });
}

const first = (v: unknown): Option => (Array.isArray(v) ? v[0] : v) as Option;
const get = (o: unknown, ...path: string[]): unknown => path.reduce<unknown>((x, k) => (x as Option | undefined)?.[k], o);

/** Every colour the five widgets painted with, read from what the browser and ECharts hold. */
async function paints(page: Page): Promise<{ background: string; paints: Paint[] }> {
  const fig = (name: string) => page.getByRole('figure', { name, exact: true });
  const background = await fig('Temperatures').evaluate((el) => getComputedStyle(el).backgroundColor);
  const out: Paint[] = [];
  const line = await chartOption(fig('Temperatures'));
  for (const [i, s] of ((line?.series as Option[]) ?? []).entries()) {
    out.push({ what: `line series ${i}`, colour: String(get(s, 'lineStyle', 'color')), kind: 'graphic' });
    for (const [j, m] of ((get(s, 'markLine', 'data') as Option[] | undefined) ?? []).entries()) {
      out.push({ what: `setpoint ${i}.${j} line`, colour: String(get(m, 'lineStyle', 'color')), kind: 'graphic' });
      const chip = get(m, 'label', 'backgroundColor');
      out.push({ what: `setpoint ${i}.${j} label`, colour: String(get(m, 'label', 'color')), on: typeof chip === 'string' ? chip : undefined, kind: 'text' });
    }
  }
  out.push({ what: 'line x labels', colour: String(get(first(line?.xAxis), 'axisLabel', 'color')), kind: 'text' });
  out.push({ what: 'line y labels', colour: String(get(first(line?.yAxis), 'axisLabel', 'color')), kind: 'text' });

  const gauge = first((await chartOption(fig('Pressure')))?.series);
  out.push({ what: 'gauge needle', colour: String(get(gauge, 'pointer', 'itemStyle', 'color')), kind: 'graphic' });
  out.push({ what: 'gauge anchor', colour: String(get(gauge, 'anchor', 'itemStyle', 'color')), kind: 'graphic' });
  out.push({ what: 'gauge ticks', colour: String(get(gauge, 'splitLine', 'lineStyle', 'color')), kind: 'graphic' });
  out.push({ what: 'gauge labels', colour: String(get(gauge, 'axisLabel', 'color')), kind: 'text' });

  const bar = await chartOption(fig('Output'));
  for (const [i, s] of ((bar?.series as Option[]) ?? []).entries()) out.push({ what: `bar series ${i}`, colour: String(get(s, 'itemStyle', 'color')), kind: 'graphic' });
  out.push({ what: 'bar x labels', colour: String(get(first(bar?.xAxis), 'axisLabel', 'color')), kind: 'text' });
  out.push({ what: 'bar y labels', colour: String(get(first(bar?.yAxis), 'axisLabel', 'color')), kind: 'text' });

  const stat = fig('Rate');
  out.push({ what: 'stat sparkline', colour: await stat.locator('svg path').evaluate((el) => getComputedStyle(el).stroke), kind: 'graphic' });
  out.push({ what: 'stat value', colour: await stat.locator('p').first().evaluate((el) => getComputedStyle(el).color), kind: 'text' });

  const lamp = fig('Press state');
  out.push({ what: 'lamp', colour: await lamp.locator('span[aria-hidden="true"]').first().evaluate((el) => getComputedStyle(el).backgroundColor), kind: 'graphic' });
  out.push({ what: 'lamp text', colour: await lamp.locator('p').evaluate((el) => getComputedStyle(el).color), kind: 'text' });

  // The stale grey (--color-stale) colours text on the widget, page and raised backgrounds.
  const stale = await page.evaluate(() => {
    const probe = (bg: string) => {
      const el = document.body.appendChild(document.createElement('span'));
      el.style.cssText = `color: var(--color-stale); background: var(${bg})`;
      const style = getComputedStyle(el);
      const out = { colour: style.color, on: style.backgroundColor };
      el.remove();
      return out;
    };
    return { page: probe('--color-hmi-bg'), raised: probe('--color-hmi-raised') };
  });
  out.push({ what: 'stale text', colour: stale.page.colour, kind: 'text' });
  out.push({ what: 'stale text on the page', ...stale.page, kind: 'text' });
  out.push({ what: 'stale text on raised', ...stale.raised, kind: 'text' });
  return { background, paints: out };
}

/** What fails WCAG (text 4.5:1, graphics 3:1), as readable lines; [] when all pass. */
function failures({ background, paints: list }: { background: string; paints: Paint[] }): string[] {
  return list.flatMap((p) => {
    const need = p.kind === 'text' ? 4.5 : 3;
    let ratio: number;
    try {
      ratio = contrastRatio(p.colour, p.on ?? background);
    } catch {
      return [`${p.what}: no colour (${p.colour})`];
    }
    return ratio >= need ? [] : [`${p.what}: ${p.colour} on ${p.on ?? background} is ${ratio.toFixed(2)}:1, needs ${need}:1`];
  });
}

test('charts, gauge, bars, stat and lamp meet WCAG contrast in light, dark and high contrast, switched live', async ({ page, app, broker, mqttClients }) => {
  test.setTimeout(90_000);
  await openConnected({ page, app, broker }, { alarms, dashboards: [dashboard] });
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Theme check', exact: true }).click();
  const pub = await mqttClients.connect();
  // 21 °C: "Temp low" (below 25) is exceeded and shows its chip, "Temp high" (above 80) is normal.
  for (const v of [23, 22, 21]) {
    await publish(pub, TEMP, { v }, { qos: 1 });
    await publish(pub, 'plant/theme/temp2', { v: v + 10 }, { qos: 1 });
    await publish(pub, 'plant/theme/rate', { v: v * 5 }, { qos: 1 });
    await publish(pub, 'plant/theme/output', { v: v * 2 }, { qos: 1 });
    await publish(pub, 'plant/theme/output2', { v: v * 3 }, { qos: 1 });
  }
  await publish(pub, 'plant/theme/pressure', { v: 6.5 }, { qos: 1 });
  await publish(pub, 'plant/theme/state', { state: 'RUNNING' }, { qos: 1 });
  await expect(page.getByRole('figure', { name: 'Temperatures' })).toContainText('21 °C');
  await expect(page.getByRole('figure', { name: 'Pressure' })).toContainText('6.5 bar');
  await expect(page.getByRole('figure', { name: 'Press state' })).toContainText('Running');
  await expect(page.getByRole('figure', { name: 'Output' })).toContainText('63 kg');
  await expect(page.getByRole('figure', { name: 'Rate' }).locator('svg path')).toHaveAttribute('d', /^M/);

  // The trend's y axis takes in both setpoints (25 and 80) though the data stays within 21..33.
  const plot = page.getByRole('figure', { name: 'Temperatures' }).locator('[_echarts_instance_]');
  const yOf = (value: number) => plot.evaluate((el, v) => (window as unknown as { __sightglassCharts: Probe }).__sightglassCharts.yPixel(el, v), value);
  const height = await plot.evaluate((el) => el.clientHeight);
  for (const setpoint of [25, 80]) {
    await expect.poll(() => yOf(setpoint), { message: `setpoint ${setpoint} inside the plot` }).toBeGreaterThanOrEqual(10);
    expect(await yOf(setpoint)).toBeLessThanOrEqual(height - 24);
  }

  const picker = page.getByRole('combobox', { name: 'Theme' });
  for (const [label, id] of [['Light', 'light'], ['Dark', 'dark'], ['High contrast', 'contrast']] as const) {
    await picker.selectOption({ label });
    await expect(page.locator('html')).toHaveAttribute('data-theme', id);
    // The charts redraw on the theme change; poll until what they hold passes (or time out with the list).
    await expect.poll(async () => failures(await paints(page)), { message: `${label} theme` }).toEqual([]);
    const { paints: list } = await paints(page);
    // The exceeded "Temp low" label is a chip in the high-priority colour; "Temp high" stays plain.
    expect(list.filter((p) => p.what.endsWith('label') && p.what.startsWith('setpoint')).map((p) => p.on ?? null).sort()).toEqual(['#d40000', null]);
    // Two series on one chart are told apart.
    const [a, b] = list.filter((p) => p.what.startsWith('line series')).map((p) => p.colour);
    expect(deltaE(a, b), `${label}: ${a} vs ${b}`).toBeGreaterThanOrEqual(15);
    await page.screenshot({ path: test.info().outputPath(`dashboard-${id}.png`) });
  }
});
