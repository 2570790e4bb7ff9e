import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { tableSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "table" (ui-contract.md "Fleets, energy and remote sites"). */
export const tableWidget: WidgetDefinition = {
  type: 'table',
  label: msg('Table'),
  component: lazy(() => import('./Table')),
  settings: tableSettings,
  series: { min: 0, max: 0, numeric: false },
  defaultSize: { w: 6, h: 8 },
  minSize: { w: 3, h: 4 },
};
