import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { lampSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "lamp" (ui-contract.md). Takes text states as well as numbers. */
export const lampWidget: WidgetDefinition = {
  type: 'lamp',
  label: msg('Lamp'),
  component: lazy(() => import('./Lamp')),
  settings: lampSettings,
  series: { min: 1, max: 1, numeric: false },
  defaultSize: { w: 3, h: 3 },
  minSize: { w: 2, h: 2 },
};
