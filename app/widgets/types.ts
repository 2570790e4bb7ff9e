import type { ComponentType, LazyExoticComponent } from 'react';
import type { AlarmRuleConfig, WidgetConfig } from '../../src/config';
import type { SeriesLatest } from '../../src/series';

/** One series of a widget, resolved to the key the engine records it under. */
export interface WidgetSeries {
  readonly key: string;
  readonly connection: string;
  readonly topic: string;
  readonly path: string;
  /** What the legend shows: the ref's label, else the topic's last levels and the field. */
  readonly label: string;
  readonly unit: string;
  /** Alarm rules on exactly this series (drawn as setpoint lines). */
  readonly alarms: readonly AlarmRuleConfig[];
}

/** What every widget body gets from its frame (WidgetFrame.tsx). */
export interface WidgetProps {
  readonly widget: WidgetConfig;
  /** A stable id for engine watches, unique on the page. */
  readonly instanceId: string;
  readonly series: readonly WidgetSeries[];
  readonly latest: readonly (SeriesLatest | undefined)[];
  /** Per series: no recent data, or its connection is down. */
  readonly stale: readonly boolean[];
}

/** A field of the widget dialog, stored under `key` in the widget config. */
export interface SettingField {
  /** Config field; a dotted key (`positions.topic`) is a field inside an object field. */
  readonly key: string;
  /** The control's accessible label. */
  readonly label: string;
  readonly kind: 'text' | 'number' | 'select' | 'lines';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly placeholder?: string;
  readonly help?: string;
  /** For 'lines': text ↔ config value (e.g. one band per line). Throws with a message when invalid. */
  readonly parse?: (text: string) => unknown;
  readonly format?: (value: unknown) => string;
  /** The dialog refuses to save without it (e.g. a map's positions topic). */
  readonly required?: boolean;
}

/**
 * A widget type. Its folder's index.ts exports one of these; the heavy component is lazy, so
 * the registry can list types (dialog, defaults) without loading ECharts.
 */
export interface WidgetDefinition {
  /** The config `type` (ui-contract.md: line, gauge, stat, lamp, …). */
  readonly type: string;
  /** Shown in the "Widget type" choice. */
  readonly label: string;
  readonly component: LazyExoticComponent<ComponentType<WidgetProps>>;
  /** Type-specific fields of the dialog (title and series are common). */
  readonly settings: readonly SettingField[];
  /** How many series the widget takes, and whether they must be numeric (lamps take text); max 0: none (a map reads its own wildcard topic). */
  readonly series: { readonly min: number; readonly max: number; readonly numeric: boolean };
  /** Grid cells (12 columns, 40 px rows). */
  readonly defaultSize: { readonly w: number; readonly h: number };
  readonly minSize?: { readonly w: number; readonly h: number };
}
