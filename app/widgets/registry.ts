import { barWidget } from './Bar';
import { commandButtonWidget } from './CommandButton';
import { gaugeWidget } from './Gauge';
import { lampWidget } from './Lamp';
import { lineChartWidget } from './LineChart';
import { mapWidget } from './Map';
import { setpointWidget } from './Setpoint';
import { statWidget } from './Stat';
import { tableWidget } from './Table';
import type { WidgetDefinition } from './types';

/**
 * Every widget type, in the order the "Widget type" choice lists them. Each folder's index.ts
 * holds its entry, with the component behind React.lazy, so this table costs a few bytes.
 * A new type (e.g. a button or a setpoint) = its own folder + one entry here.
 */
export const WIDGET_TYPES: readonly WidgetDefinition[] = [
  lineChartWidget,
  barWidget,
  gaugeWidget,
  statWidget,
  lampWidget,
  commandButtonWidget,
  setpointWidget,
  tableWidget,
  mapWidget,
];

export function widgetType(type: string): WidgetDefinition | undefined {
  return WIDGET_TYPES.find((w) => w.type === type);
}
