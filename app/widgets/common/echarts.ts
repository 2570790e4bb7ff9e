// ECharts, tree-shaken (iiot-standards.md §6): only what the widgets draw. Imported only by
// lazily loaded widget components, so the Topics view never downloads it.
import { GaugeChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, GaugeChart, GridComponent, TooltipComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
export type { ECharts } from 'echarts/core';

/** Calm, distinguishable series colours: no red, amber or orange (ISA-101 keeps those for alarms). */
export const SERIES_COLOURS = ['#1f4e8c', '#3a3f44', '#6b4c9a', '#2f7d6d', '#8a5a2b', '#4f7fb8', '#7a7f85', '#5b8c3a'];

/** Text and axis colours from the theme (index.css). */
export const THEME = { text: '#1d2125', muted: '#555b61', border: '#a9adb1', grid: '#d6d8da', stale: '#8a8f94' };
