import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { statSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "stat" (ui-contract.md). */
export const statWidget: WidgetDefinition = {
  type: 'stat',
  label: msg('Stat'),
  component: lazy(() => import('./Stat')),
  settings: statSettings,
  series: { min: 1, max: 1, numeric: true },
  defaultSize: { w: 3, h: 4 },
  minSize: { w: 2, h: 3 },
};
