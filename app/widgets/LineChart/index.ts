import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { lineSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "line" (ui-contract.md). The component (and ECharts) load on first use. */
export const lineChartWidget: WidgetDefinition = {
  type: 'line',
  label: msg('Line chart'),
  component: lazy(() => import('./LineChart')),
  settings: lineSettings,
  series: { min: 1, max: 8, numeric: true },
  defaultSize: { w: 6, h: 7 },
  minSize: { w: 3, h: 4 },
};
