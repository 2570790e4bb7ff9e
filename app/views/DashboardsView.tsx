import { hrefFor } from '../hooks/useHashRoute';
import { useSite } from '../hooks/useSite';

/** Dashboards list; a dashboard's widgets come with the charts feature. */
export function DashboardsView({ id }: { id?: string }) {
  const dashboards = useSite((s) => s.config.dashboards);
  const dashboard = id ? dashboards.find((d) => d.id === id) : undefined;
  if (dashboard) {
    return (
      <div className="p-4">
        <h1 className="mb-3 text-lg font-semibold">{dashboard.name || dashboard.id}</h1>
        <ul className="grid gap-2">
          {dashboard.widgets.map((w) => (
            <li key={w.id}>
              <figure aria-label={w.title || w.id} className="rounded border border-hmi-border bg-hmi-panel p-3">
                <figcaption className="font-semibold">{w.title || w.id}</figcaption>
              </figure>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div className="p-4">
      <h1 className="mb-3 text-lg font-semibold">Dashboards</h1>
      {dashboards.length === 0 ? (
        <p className="text-hmi-muted">No dashboards yet.</p>
      ) : (
        <ul className="grid gap-1">
          {dashboards.map((d) => (
            <li key={d.id}>
              <a className="underline" href={hrefFor({ view: 'dashboards', id: d.id })}>
                {d.name || d.id}
              </a>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
