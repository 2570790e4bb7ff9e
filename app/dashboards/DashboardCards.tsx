import { lazy, memo, Suspense } from 'react';
import type { DashboardConfig } from '../../src/config';
import { hrefFor } from '../hooks/useHashRoute';
import { useT } from '../i18n/useT';

// The values load on demand (start-up budget, ARCHITECTURE.md); the names and links show at once.
const DashboardCardValues = lazy(() => import('./DashboardCardValues'));

/**
 * The Dashboards page as cards (issue 16, tablets): each dashboard's name (a link, named by the
 * dashboard alone), its widget count and a few live values. The values come from the series
 * store like the widgets' own (one render per delta that changes them, never per message).
 */
export function DashboardCards({ dashboards }: { dashboards: readonly DashboardConfig[] }) {
  const t = useT();
  return (
    <ul aria-label={t('Dashboards')} className="mb-4 grid grid-cols-[repeat(auto-fill,minmax(15rem,1fr))] gap-3">
      {dashboards.map((d) => (
        <DashboardCard key={d.id} dashboard={d} />
      ))}
    </ul>
  );
}

const DashboardCard = memo(function DashboardCard({ dashboard }: { dashboard: DashboardConfig }) {
  const t = useT();
  const count = dashboard.widgets.length;
  return (
    <li className="relative flex flex-col gap-2 rounded border border-hmi-border bg-hmi-panel p-3 focus-within:outline focus-within:outline-2 focus-within:outline-hmi-focus hover:bg-hmi-raised">
      <div className="flex items-baseline justify-between gap-2">
        {/* The link covers the whole card (its ::after), so a tap anywhere opens the dashboard. */}
        <a className="min-w-0 truncate text-base font-semibold after:absolute after:inset-0 focus:outline-none" href={hrefFor({ view: 'dashboards', id: dashboard.id })}>
          {dashboard.name || dashboard.id}
        </a>
        <span className="shrink-0 text-xs text-hmi-muted">
          {t('{count, plural, one {# widget} other {# widgets}}', { count })}
        </span>
      </div>
      <Suspense fallback={<p className="text-[13px] text-hmi-muted">{t('Loading values…')}</p>}>
        <DashboardCardValues dashboard={dashboard} />
      </Suspense>
    </li>
  );
});
