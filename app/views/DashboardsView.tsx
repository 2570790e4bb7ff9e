import { lazy, Suspense, useState, type FormEvent } from 'react';
import { DashboardCards } from '../dashboards/DashboardCards';
import { createDashboard } from '../dashboards/plotActions';
import { hrefFor } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';
import { useT } from '../i18n/useT';

// The grid, the widgets and ECharts load only when a dashboard is opened (keeps the first load small).
const DashboardPage = lazy(() => import('../dashboards/DashboardPage'));

/** Dashboards: a card per dashboard (and "New dashboard"), or one dashboard by id. */
export function DashboardsView({ id }: { id?: string }) {
  const t = useT();
  const dashboards = useSite((s) => s.config.dashboards);
  const loaded = useSite((s) => s.loaded);
  const dashboard = id ? dashboards.find((d) => d.id === id) : undefined;
  if (dashboard) {
    return (
      <Suspense fallback={<p className="p-4 text-hmi-muted">{t('Loading dashboard…')}</p>}>
        <DashboardPage key={dashboard.id} dashboard={dashboard} />
      </Suspense>
    );
  }
  return (
    <div className="p-4">
      <h1 className="mb-3 text-lg font-semibold">{t('Dashboards')}</h1>
      {id && loaded && <p className="mb-2">{t('There is no dashboard “{id}”.', { id })}</p>}
      {dashboards.length === 0 ? (
        <p className="mb-3 text-hmi-muted">{t('No dashboards yet.')}</p>
      ) : (
        <DashboardCards dashboards={dashboards} />
      )}
      <NewDashboard />
    </div>
  );
}

function NewDashboard() {
  const t = useT();
  const [name, setName] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    const id = createDashboard(name.trim());
    setName('');
    window.location.hash = hrefFor({ view: 'dashboards', id });
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-2" data-edit-only>
      <label className="grid gap-0.5 text-[13px]">
        {t('Dashboard name')}
        <input className="rounded border border-hmi-border bg-hmi-raised px-2 py-1" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="rounded border border-hmi-border bg-hmi-raised px-3 py-1" disabled={!name.trim()}>
        {t('New dashboard')}
      </button>
    </form>
  );
}
