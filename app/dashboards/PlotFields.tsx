import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { MessageView } from '../../src/engine/protocol';
import { Dialog, DialogActions } from '../components/dialog';
import { hrefFor } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { defaultLabel } from '../widgets/common/format';
import { plot } from './plotActions';
import { useT } from '../i18n/useT';

/**
 * The Message view's "Plot" actions (issue 4): one button per numeric field of the shown
 * payload; each adds that field to a line chart (an existing one or a new one).
 */
export function PlotFields({ connectionId, topic, message }: { connectionId: string; topic: string; message: MessageView }) {
  const t = useT();
  // Found by the worker, which decoded the payload already (one decode, issue 14).
  const paths = message.numericPaths ?? [];
  const [field, setField] = useState<string | null>(null);
  const [done, setDone] = useState<{ text: string; href: string; name: string } | null>(null);
  useEffect(() => setDone(null), [topic]);
  if (!paths.length) return null;
  return (
    <div className="mt-2" data-edit-only>
      <h3 className="text-xs font-semibold text-hmi-muted">{t('Numeric fields')}</h3>
      <ul className="mt-1 flex flex-wrap gap-1">
        {paths.map((p) => (
          <li key={p}>
            <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-2 text-xs" aria-label={t('Plot {field}', { field: p || t('value') })} onClick={() => setField(p)}>
              <span aria-hidden="true">↗ </span>{t('Plot')}{' '} <code className="font-mono">{p || t('value')}</code>
            </button>
          </li>
        ))}
      </ul>
      {done && (
        <p role="status" className="mt-1 text-[13px]">
          {done.text}{' '}
          <a className="underline" href={done.href}>
            {t('Open {name}', { name: done.name })}
          </a>
        </p>
      )}
      {field !== null && (
        <PlotDialog
          connectionId={connectionId}
          topic={topic}
          path={field}
          onClose={() => setField(null)}
          onDone={(d) => {
            setDone(d);
            setField(null);
          }}
        />
      )}
    </div>
  );
}

const NEW_DASHBOARD = '\u0000new';

function PlotDialog({ connectionId, topic, path, onClose, onDone }: { connectionId: string; topic: string; path: string; onClose(): void; onDone(d: { text: string; href: string; name: string }): void }) {
  const t = useT();
  const headingId = useId();
  const dashboards = useSite((s) => s.config.dashboards);
  const name = path || 'value';
  const options = useMemo(() => {
    const out: { value: string; label: string; has: boolean }[] = [];
    for (const d of dashboards) {
      for (const w of d.widgets) {
        if (w.type !== 'line') continue;
        const has = w.series.some((s) => s.topic === topic && (s.path ?? '') === path && (!s.connection || s.connection === connectionId));
        out.push({ value: `${d.id}\u0000${w.id}`, label: `${d.name || d.id} › ${w.title || w.id}${has ? t(' (already there)') : ''}`, has });
      }
    }
    for (const d of dashboards) out.push({ value: `${d.id}\u0000`, label: t('New chart on {dashboard}', { dashboard: d.name || d.id }), has: false });
    out.push({ value: NEW_DASHBOARD, label: t('New chart on a new dashboard “Plots”'), has: false });
    return out;
  }, [dashboards, topic, path, connectionId, t]);
  const [target, setTarget] = useState(() => options.find((o) => o.has)?.value ?? (dashboards[0] ? `${dashboards[0].id}\u0000` : NEW_DASHBOARD));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const [dashboardId, widgetId] = target === NEW_DASHBOARD ? [null, null] : target.split('\u0000');
    const result = plot({ dashboardId, widgetId: widgetId || null }, { connection: connectionId, topic, path }, defaultLabel(topic, path));
    onDone({ text: t('Plotted {name} on “{chart}” ({dashboard}).', { name, chart: result.chartTitle, dashboard: result.dashboardName }), href: hrefFor({ view: 'dashboards', id: result.dashboardId }), name: result.dashboardName });
  };

  return (
    <Dialog labelledBy={headingId} onClose={onClose} className="m-auto w-[min(30rem,95vw)] rounded border border-hmi-border bg-hmi-panel p-4 text-hmi-text backdrop:bg-black/30">
      <form onSubmit={submit} className="grid gap-3">
        <h2 id={headingId} className="text-base font-semibold">{t('Plot {name}', { name })}</h2>
        <p className="break-all font-mono text-[13px]">{topic}</p>
        <label className="grid gap-0.5 text-[13px]">
          {t('Chart')}
          <select className="rounded border border-hmi-border bg-hmi-raised px-2 py-1" value={target} onChange={(e) => setTarget(e.target.value)}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </label>
        <DialogActions label={t('Plot')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
