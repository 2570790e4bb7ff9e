import { useMemo, useState } from 'react';
import type { DashboardConfig, WidgetConfig } from '../../src/config';
import { hrefFor } from '../hooks/useHashRoute';
import { useSeriesStats } from '../hooks/useSeries';
import { deleteDashboard, renameDashboard } from './dashboardActions';
import { DashboardGrid } from './DashboardGrid';
import { useResolvedDashboard } from './useResolvedDashboard';
import { VariablePicker } from './VariablePicker';
import { WidgetDialog } from './WidgetDialog';
import { useT } from '../i18n/useT';

const button = 'rounded border border-hmi-border bg-hmi-raised px-3 py-1 text-[13px]';

/**
 * One dashboard: view mode for operators (widgets only), edit mode to add, edit, move, resize
 * and remove widgets, rename or delete the dashboard. Loaded lazily with the grid and widgets.
 */
export default function DashboardPage({ dashboard }: { dashboard: DashboardConfig }) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [dialog, setDialog] = useState<{ widget?: WidgetConfig } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const name = dashboard.name || dashboard.id;
  const empty = dashboard.widgets.length === 0;
  // Widgets show `${name}` topics resolved to the picked values; the dialog edits them as written.
  const { resolved, values } = useResolvedDashboard(dashboard);
  const byId = useMemo(() => new Map(dashboard.widgets.map((w) => [w.id, w])), [dashboard.widgets]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-hmi-border px-3 py-1.5">
        {editing ? (
          <label className="flex items-center gap-1 text-[13px]">
            <span className="sr-only">{t('Dashboard name')}</span>
            <input className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-base font-semibold" aria-label={t('Dashboard name')} value={dashboard.name ?? ''} placeholder={dashboard.id} onChange={(e) => renameDashboard(dashboard.id, e.target.value)} />
          </label>
        ) : (
          <h1 className="text-lg font-semibold">{name}</h1>
        )}
        {dashboard.variables?.map((v) => <VariablePicker key={v.name} dashboardId={dashboard.id} variable={v} value={values[v.name]} />)}
        <HistoryNote />
        {/* Editing is hidden in kiosk mode (app/kiosk: data-edit-only). */}
        <div className="ml-auto flex flex-wrap gap-2" data-edit-only>
          {/* In view mode too, with widgets or without (issue 16 #9); kiosk hides it with the rest. */}
          <button type="button" className={button} onClick={() => setDialog({})}>
            {t('Add widget')}
          </button>
          {editing &&
            (confirmDelete ? (
              <span className="flex items-center gap-1 text-[13px]">
                {t('Delete “{name}” and its widgets?', { name })}
                <button type="button" className={button} onClick={() => { deleteDashboard(dashboard.id); window.location.hash = hrefFor({ view: 'dashboards' }); }}>
                  {t('Delete')}
                </button>
                <button type="button" className={button} onClick={() => setConfirmDelete(false)}>
                  {t('Keep')}
                </button>
              </span>
            ) : (
              <button type="button" className={button} onClick={() => setConfirmDelete(true)}>
                {t('Delete dashboard')}
              </button>
            ))}
          <button type="button" className={`${button} ${editing ? 'border-hmi-text font-semibold' : ''}`} aria-pressed={editing} onClick={() => { setEditing(!editing); setConfirmDelete(false); }}>
            {editing ? t('Done editing') : t('Edit dashboard')}
          </button>
        </div>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto overflow-x-hidden">
        {empty ? (
          <p className="p-4 text-hmi-muted">{t('No widgets yet: add a line chart, gauge, stat or lamp.')}</p>
        ) : (
          <DashboardGrid dashboard={resolved} editing={editing} onEdit={(widget) => setDialog({ widget: byId.get(widget.id) ?? widget })} />
        )}
      </div>
      {dialog && <WidgetDialog dashboardId={dashboard.id} widget={dialog.widget} onClose={() => setDialog(null)} />}
    </div>
  );
}

/** A bounded buffer says when it had to drop (style.md): history shortened by the memory budget. */
function HistoryNote() {
  const t = useT();
  const stats = useSeriesStats();
  if (!stats || (!stats.droppedPoints && !stats.persistErrors)) return null;
  return (
    <span className="text-xs text-hmi-muted">
      {stats.droppedPoints > 0 && t('History limited to {capacityPerSeries} points per series ({droppedPoints} dropped). ', { capacityPerSeries: stats.capacityPerSeries, droppedPoints: stats.droppedPoints })}
      {stats.persistErrors > 0 && t('History could not be saved {persistErrors}×.', { persistErrors: stats.persistErrors })}
    </span>
  );
}
