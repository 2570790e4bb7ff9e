import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { WidgetConfig } from '../../src/config';
import type { TopicSuggestion } from '../../src/series';
import { Dialog, DialogActions } from '../components/dialog';
import { useSuggestions } from '../hooks/useSeries';
import { ConnectionSelect } from '../components/ConnectionSelect';
import { useSite } from '../hooks/useSite';
import { requestSuggestions } from '../actions/seriesActions';
import { useSuggestedRange } from './useSuggestedRange';
import { widgetType, WIDGET_TYPES } from '../widgets/registry';
import type { SettingField } from '../widgets/types';
import { saveWidget } from './dashboardActions';
import { SeriesCounterFields } from './SeriesCounterFields';
import { emptyRow, formFromWidget, widgetFromForm, type SeriesRow, type WidgetFormState } from './widgetForm';
import { useT } from '../i18n/useT';

const input = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';

/**
 * "Add widget" / "Edit widget": type, title, series (topic autocomplete from the live topics
 * the engine has seen, field from the numeric fields seen on that topic) and the type's settings.
 */
export function WidgetDialog({ dashboardId, widget, onClose }: { dashboardId: string; widget?: WidgetConfig; onClose(): void }) {
  const t = useT();
  const headingId = useId();
  const connections = useSite((s) => s.config.connections);
  const defaultConnection = connections.length === 1 ? connections[0].id : '';
  const [form, setForm] = useState<WidgetFormState>(() => formFromWidget(widget, widgetType(widget?.type ?? 'line') ?? WIDGET_TYPES[0], defaultConnection));
  const [error, setError] = useState<string | null>(null);
  const def = widgetType(form.type) ?? WIDGET_TYPES[0];
  const suggestions = useSuggestions();
  const items = useMemo(() => suggestions?.items ?? [], [suggestions]);

  useEffect(() => {
    requestSuggestions('');
  }, []);

  const setRow = (i: number, patch: Partial<SeriesRow>) => setForm((f) => ({ ...f, rows: f.rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) }));
  const suggestionFor = (row: SeriesRow): TopicSuggestion | undefined => items.find((s) => s.topic === row.topic && (!row.connection || s.connection === row.connection));
  const fieldsFor = (row: SeriesRow) => {
    const s = suggestionFor(row);
    if (!s) return [];
    return def.series.numeric ? s.fields : [...s.textFields, ...s.fields];
  };

  const onTopic = (i: number, topic: string) => {
    setRow(i, { topic });
    requestSuggestions(topic);
  };

  // A topic picked from the list: take its connection and, if the field is still empty, its
  // likeliest field (`v` by convention, else the first seen).
  useEffect(() => {
    setForm((f) => {
      let changed = false;
      const rows = f.rows.map((r) => {
        const s = items.find((x) => x.topic === r.topic && (!r.connection || x.connection === r.connection));
        if (!s || r.path) return r;
        const fields = def.series.numeric ? s.fields : [...s.textFields, ...s.fields];
        const path = fields.includes('v') ? 'v' : (fields[0] ?? '');
        if (!path && r.connection) return r;
        changed = true;
        return { ...r, path, connection: r.connection || (connections.length > 1 ? s.connection : r.connection) };
      });
      return changed ? { ...f, rows } : f;
    });
  }, [items, def.series.numeric, connections.length]);

  useSuggestedRange(!widget, form, setForm, def, items);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = widgetFromForm(form, def, widget);
    if (!result.ok) return setError(result.error);
    saveWidget(dashboardId, result.widget, !widget);
    onClose();
  };

  return (
    <Dialog
      labelledBy={headingId}
      onClose={onClose}
      className="m-auto max-h-[90vh] w-[min(36rem,95vw)] overflow-auto rounded border border-hmi-border bg-hmi-panel p-4 text-hmi-text backdrop:bg-black/30"
    >
      <form onSubmit={submit} className="grid gap-3" noValidate>
        <h2 id={headingId} className="text-base font-semibold">{widget ? t('Edit widget') : t('Add widget')}</h2>
        <div className="grid grid-cols-2 gap-2">
          <label className="grid gap-0.5 text-[13px]">
            {t('Widget type')}
            <select className={input} value={form.type} onChange={(e) => setForm((f) => ({ ...f, type: e.target.value }))}>
              {WIDGET_TYPES.map((w) => (
                <option key={w.type} value={w.type}>{t(w.label)}</option>
              ))}
            </select>
          </label>
          <label className="grid gap-0.5 text-[13px]">
            {t('Title')}
            <input className={input} value={form.title} placeholder={t('from the topic')} onChange={(e) => setForm((f) => ({ ...f, title: e.target.value }))} />
          </label>
        </div>

        {/* Types without series (table, command button) take their topics from their own settings. */}
        {def.series.max > 0 && form.rows.map((row, i) => (
          <fieldset key={i} className="grid grid-cols-2 gap-2 rounded border border-hmi-border p-2">
            <legend className="px-1 text-xs font-semibold text-hmi-muted">{t('Series {n}', { n: i + 1 })}</legend>
            <label className="col-span-2 grid gap-0.5 text-[13px]">
              {t('Topic')}
              <input className={`${input} font-mono`} list={`sg-topics-${i}`} value={row.topic} autoComplete="off" onChange={(e) => onTopic(i, e.target.value)} />
              <datalist id={`sg-topics-${i}`}>
                {items.map((s) => (
                  <option key={`${s.connection}\u0000${s.topic}`} value={s.topic}>{connections.length > 1 ? s.connection : undefined}</option>
                ))}
              </datalist>
            </label>
            <label className="grid gap-0.5 text-[13px]">
              {t('Field')}
              <input className={`${input} font-mono`} list={`sg-fields-${i}`} value={row.path} placeholder={t('(whole payload)')} autoComplete="off" onChange={(e) => setRow(i, { path: e.target.value })} />
              <datalist id={`sg-fields-${i}`}>
                {fieldsFor(row).map((p) => (
                  <option key={p} value={p} />
                ))}
              </datalist>
            </label>
            {connections.length > 1 ? (
              <label className="grid gap-0.5 text-[13px]">
                {t('Connection')}
                <ConnectionSelect className={input} connections={connections} value={row.connection} emptyOption="Any" onChange={(connection) => setRow(i, { connection })} />
              </label>
            ) : (
              <label className="grid gap-0.5 text-[13px]">
                {t('Time field')}
                <input className={`${input} font-mono`} value={row.timePath} placeholder={t('receive time')} onChange={(e) => setRow(i, { timePath: e.target.value })} />
              </label>
            )}
            {def.series.numeric && <SeriesCounterFields row={row} index={i} onChange={(patch) => setRow(i, patch)} />}
            {def.series.max > 1 && (
              <label className="grid gap-0.5 text-[13px]">
                {t('Label')}
                <input className={input} value={row.label} placeholder={t('from the topic')} onChange={(e) => setRow(i, { label: e.target.value })} />
              </label>
            )}
            {def.series.max > 1 && form.rows.length > 1 && (
              <button type="button" className="self-end rounded border border-hmi-border bg-hmi-raised px-2 py-1 text-xs" onClick={() => setForm((f) => ({ ...f, rows: f.rows.filter((_, j) => j !== i) }))}>
                {t('Remove series {n}', { n: i + 1 })}
              </button>
            )}
          </fieldset>
        ))}
        {form.rows.length < def.series.max && (
          <button type="button" className="justify-self-start rounded border border-hmi-border bg-hmi-raised px-2 py-1 text-xs" onClick={() => setForm((f) => ({ ...f, rows: [...f.rows, emptyRow(f.rows.at(-1)?.connection ?? defaultConnection)] }))}>
            {t('Add series')}
          </button>
        )}

        <div className="grid grid-cols-2 gap-2">
          {def.settings.map((field) => (
            <Setting key={field.key} field={field} value={form.values[field.key] ?? ''} onChange={(v) => setForm((f) => ({ ...f, values: { ...f.values, [field.key]: v } }))} />
          ))}
        </div>

        {error && (
          <p role="alert" className="rounded border border-hmi-text bg-hmi-raised px-2 py-1">
            {error}
          </p>
        )}
        <DialogActions label={widget ? t('Save') : t('Add')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}

/** A help text may name a tile URL's `{z}/{x}/{y}` (Map): they are shown as written, not as ICU placeholders. */
const TILE_URL_PARTS = { z: '{z}', x: '{x}', y: '{y}' };

function Setting({ field, value, onChange }: { field: SettingField; value: string; onChange(v: string): void }) {
  const t = useT();
  const helpId = useId();
  const wide = field.kind === 'lines';
  return (
    <label className={`grid content-start gap-0.5 text-[13px] ${wide ? 'col-span-2' : ''}`}>
      {t(field.label)}
      {field.kind === 'select' ? (
        <select className={input} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('Default')}</option>
          {field.options?.map((o) => (
            <option key={o.value} value={o.value}>{t(o.label)}</option>
          ))}
        </select>
      ) : field.kind === 'lines' ? (
        <textarea className={`${input} font-mono`} rows={3} value={value} placeholder={field.placeholder} aria-describedby={field.help ? helpId : undefined} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input className={input} inputMode={field.kind === 'number' ? 'decimal' : undefined} value={value} placeholder={field.placeholder} aria-describedby={field.help ? helpId : undefined} onChange={(e) => onChange(e.target.value)} />
      )}
      {field.help && (
        <span id={helpId} className="text-xs text-hmi-muted">
          {t(field.help, TILE_URL_PARTS)}
        </span>
      )}
    </label>
  );
}
