import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { commandButtonSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "button", one click (and its confirmation) publishes a command template. */
export const commandButtonWidget: WidgetDefinition = {
  type: 'button',
  label: msg('Command button'),
  component: lazy(() => import('./CommandButton')),
  settings: commandButtonSettings,
  series: { min: 0, max: 0, numeric: false },
  defaultSize: { w: 3, h: 4 },
  minSize: { w: 2, h: 2 },
};
