import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { barSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "bar" (ui-contract.md): bars per interval, e.g. kWh per hour or per shift. */
export const barWidget: WidgetDefinition = {
  type: 'bar',
  label: msg('Bar chart'),
  component: lazy(() => import('./Bar')),
  settings: barSettings,
  series: { min: 1, max: 8, numeric: true },
  defaultSize: { w: 6, h: 7 },
  minSize: { w: 3, h: 4 },
};
