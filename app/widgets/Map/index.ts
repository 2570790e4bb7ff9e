import { lazy } from 'react';
import type { WidgetDefinition } from '../types';
import { mapSettings } from './settings';
import { msg } from '../../i18n/i18n';

/** Registry entry: "map" (ui-contract.md "Fleets…"). Leaflet loads only with the first map shown. */
export const mapWidget: WidgetDefinition = {
  type: 'map',
  label: msg('Map'),
  component: lazy(() => import('./MapWidget')),
  settings: mapSettings,
  // Markers come from `positions` (a wildcard topic), not from series.
  series: { min: 0, max: 0, numeric: false },
  defaultSize: { w: 6, h: 8 },
  minSize: { w: 3, h: 4 },
};
