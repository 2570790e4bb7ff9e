import type * as Echarts from 'echarts/core';

/** What `window.__sightglassCharts` offers: read-only copies, nothing that can change a chart. */
export interface ChartProbe {
  /** The option the chart on `el` (its ECharts container) holds now, as ECharts merged it; points left out. */
  option(el: Element): unknown;
  /** Where `value` sits on the first y axis, in pixels from the chart's top (ECharts' public convertToPixel). */
  yPixel(el: Element, value: number): number | null;
}

/** Typed arrays (the points) are left out: the probe is for colours, labels and axes. */
const withoutPoints = (_key: string, value: unknown) => (ArrayBuffer.isView(value) ? undefined : value);

/**
 * Installs `window.__sightglassCharts` once (e2e/themes.spec.ts reads the colours charts really
 * drew with, rather than what the code meant to pass). Like the bench probe it only copies what is
 * on screen, so it is harmless in production.
 */
export function installChartProbe(echarts: typeof Echarts): void {
  if (typeof window === 'undefined' || '__sightglassCharts' in window) return;
  const probe: ChartProbe = {
    option: (el) => {
      const chart = echarts.getInstanceByDom(el as HTMLElement);
      return chart ? JSON.parse(JSON.stringify(chart.getOption(), withoutPoints)) : null;
    },
    yPixel: (el, value) => {
      const px = echarts.getInstanceByDom(el as HTMLElement)?.convertToPixel({ yAxisIndex: 0 }, value);
      return typeof px === 'number' ? px : null;
    },
  };
  Object.defineProperty(window, '__sightglassCharts', { value: Object.freeze(probe), enumerable: false, configurable: false, writable: false });
}
