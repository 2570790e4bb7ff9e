// ECharts, tree-shaken (iiot-standards.md §6): only what the widgets draw. Imported only by
// lazily loaded widget components, so the Topics view never downloads it. Colours come from the
// theme (app/theme/chartPalette.ts), never from here.
import { GaugeChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { installChartProbe } from './chartProbe';

echarts.use([LineChart, GaugeChart, GridComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
export type { ECharts } from 'echarts/core';

/** A canvas chart on `el`; every widget starts its chart here. */
export function initChart(el: HTMLElement): echarts.ECharts {
  installChartProbe(echarts);
  return echarts.init(el, undefined, { renderer: 'canvas' });
}
