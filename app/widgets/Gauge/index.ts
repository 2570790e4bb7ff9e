import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { gaugeSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "gauge" (ui-contract.md). */
export const gaugeWidget: WidgetDefinition = {
  type: 'gauge',
  label: msg('Gauge'),
  component: lazy(() => import('./Gauge')),
  settings: gaugeSettings,
  series: { min: 1, max: 1, numeric: true },
  defaultSize: { w: 3, h: 6 },
  minSize: { w: 2, h: 4 },
};
