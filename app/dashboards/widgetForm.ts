import type { SeriesRef, WidgetConfig } from '../../src/config';
import { parseInterval } from '../../src/series';
import { t } from '../i18n/i18n';
import { defaultLabel } from '../widgets/common/format';
import type { WidgetDraft } from './dashboardEdits';
import type { SettingField, WidgetDefinition } from '../widgets/types';

/** One series row of the widget dialog, as typed. */
export interface SeriesRow {
  connection: string;
  topic: string;
  path: string;
  label: string;
  timePath: string;
  /** Counter handling and aggregate (issue 15): '' = none. */
  transform: '' | 'rate' | 'increase';
  interval: string;
  aggregate: '' | 'sum' | 'avg' | 'min' | 'max';
}

export interface WidgetFormState {
  type: string;
  title: string;
  rows: SeriesRow[];
  /** Setting values as typed, by setting key. */
  values: Record<string, string>;
}

export const emptyRow = (connection: string): SeriesRow => ({ connection, topic: '', path: '', label: '', timePath: '', transform: '', interval: '', aggregate: '' });

/** The dialog's state for an existing widget (or a new one of `type`). */
export function formFromWidget(widget: WidgetConfig | undefined, def: WidgetDefinition, defaultConnection: string): WidgetFormState {
  const values: Record<string, string> = {};
  for (const f of def.settings) values[f.key] = formatSetting(f, getAt(widget, f.key));
  return {
    type: def.type,
    title: widget?.title ?? '',
    rows: widget?.series.length
      ? widget.series.map((s) => ({
          connection: s.connection ?? '',
          topic: s.topic,
          path: s.path ?? '',
          label: s.label ?? '',
          timePath: s.timePath ?? '',
          transform: s.transform ?? '',
          interval: s.interval ?? '',
          aggregate: s.aggregate ?? '',
        }))
      : [emptyRow(defaultConnection)],
    values,
  };
}

function formatSetting(f: SettingField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (f.format) return f.format(value);
  return String(value);
}

/**
 * The widget config a filled-in dialog means, or the first problem in words. Settings the
 * type does not have are dropped; unknown fields of an edited widget are kept.
 */
export function widgetFromForm(form: WidgetFormState, def: WidgetDefinition, base?: WidgetConfig): { ok: true; widget: WidgetDraft } | { ok: false; error: string } {
  const rows = def.series.max === 0 ? [] : form.rows.filter((r) => r.topic.trim());
  if (rows.length < def.series.min) return { ok: false, error: t('Topic: a {widget} needs {count, plural, one {a topic} other {# topics}}', { widget: t(def.label).toLowerCase(), count: def.series.min }) };
  if (rows.length > def.series.max) return { ok: false, error: t('A {widget} shows at most {count} series', { widget: t(def.label).toLowerCase(), count: def.series.max }) };
  for (const r of rows) {
    if (/[#+]/.test(r.topic) && !r.aggregate) return { ok: false, error: t('Topic "{topic}": a widget needs one exact topic, not a filter with + or # (unless the series has an aggregate: sum, avg, min or max)', { topic: r.topic }) };
    if (r.transform === 'increase' && r.interval.trim() && !parseInterval(r.interval)) return { ok: false, error: t('Interval "{interval}": use 15m, 1h, 8h (dividing a day), 1d or 1w', { interval: r.interval.trim() }) };
  }
  const widget: Record<string, unknown> = { ...(base ?? {}), type: def.type };
  for (const f of [...knownSettingKeys]) if (!def.settings.some((s) => s.key === f)) delete widget[f];
  for (const f of def.settings) {
    const text = (form.values[f.key] ?? '').trim();
    setAt(widget, f.key, undefined);
    if (!text) {
      if (f.required) return { ok: false, error: t('{field}: must not be empty', { field: t(f.label) }) };
      continue;
    }
    if (f.parse) {
      try {
        setAt(widget, f.key, f.parse(text));
      } catch (e) {
        return { ok: false, error: t('{field}: {problem}', { field: t(f.label), problem: (e as Error).message }) };
      }
      if (f.kind === 'number' && Number.isNaN(getAt(widget, f.key))) return { ok: false, error: t('{field}: must be a number', { field: t(f.label) }) };
    } else if (f.kind === 'number') {
      const n = Number(text);
      if (Number.isNaN(n)) return { ok: false, error: t('{field}: must be a number', { field: t(f.label) }) };
      setAt(widget, f.key, n);
    } else setAt(widget, f.key, text);
  }
  if (typeof widget.decimals === 'number' && !(Number.isInteger(widget.decimals) && widget.decimals >= 0 && widget.decimals <= 10)) {
    return { ok: false, error: t('Decimals: must be a whole number from 0 to 10') };
  }
  if (typeof widget.min === 'number' && typeof widget.max === 'number' && widget.min >= widget.max) {
    return { ok: false, error: t('Maximum: must be more than the minimum') };
  }
  const series: SeriesRef[] = rows.map((r) => ({
    ...(r.connection ? { connection: r.connection } : {}),
    topic: r.topic.trim(),
    path: r.path.trim(),
    ...(r.label.trim() ? { label: r.label.trim() } : {}),
    ...(r.timePath.trim() ? { timePath: r.timePath.trim() } : {}),
    ...(r.transform ? { transform: r.transform } : {}),
    ...(r.transform === 'increase' && r.interval.trim() ? { interval: r.interval.trim() } : {}),
    ...(r.aggregate ? { aggregate: r.aggregate } : {}),
  }));
  widget.series = series;
  widget.title = form.title.trim() || (series[0] ? defaultLabel(series[0].topic, series[0].path ?? '') : def.label);
  return { ok: true, widget: widget as WidgetDraft };
}

/** Settings any widget type may carry; switching type drops the ones the new type lacks. */
const knownSettingKeys = new Set(['unit', 'decimals', 'min', 'max', 'window', 'staleAfterMs', 'bands', 'states', 'positions', 'tiles', 'trail', 'colorBy', 'rows', 'columns', 'bars']);

/** A setting's value; a dotted key (`positions.topic`) reads inside an object field. */
function getAt(obj: Record<string, unknown> | undefined, key: string): unknown {
  return key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** Sets (or with `undefined` removes) a setting; an object left empty by a removal goes too. */
function setAt(obj: Record<string, unknown>, key: string, value: unknown): void {
  const [head, ...rest] = key.split('.');
  if (rest.length === 0) {
    if (value === undefined) delete obj[head];
    else obj[head] = value;
    return;
  }
  const child = { ...((obj[head] as Record<string, unknown> | undefined) ?? {}) };
  setAt(child, rest.join('.'), value);
  if (Object.keys(child).length) obj[head] = child;
  else delete obj[head];
}
