import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { setpointSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "setpoint", a number (typed or slid) within limits, published by a command template. */
export const setpointWidget: WidgetDefinition = {
  type: 'setpoint',
  label: msg('Setpoint'),
  component: lazy(() => import('./Setpoint')),
  settings: setpointSettings,
  // Optional: the process value the setpoint acts on, shown as "Current".
  series: { min: 0, max: 1, numeric: true },
  defaultSize: { w: 3, h: 6 },
  minSize: { w: 3, h: 3 },
};
