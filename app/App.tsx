import { Suspense, useEffect } from 'react';
import { AlarmBanner } from './alarms/AlarmBanner';
import { ConfigErrorBanner } from './components/ConfigErrorBanner';
import { Header } from './components/Header';
import { useFatalError } from './hooks/useEngine';
import { useHashRoute } from './hooks/useHashRoute';
import { useT } from './i18n/useT';
import { KioskRuntime } from './kiosk';
import { PwaStatus } from './pwa/PwaStatus';
import { afterStartup, lazyView } from './lib/lazyView';
import { TopicsView } from './views/TopicsView';

// Every view but Topics loads when first opened, and on idle after start-up so it then opens at
// once; the alarm banner above every view stays in the first load (start-up JavaScript, issues 9, 17).
// The prefetch waits until start-up is over: evaluating those chunks would compete with the first screen.
const Dashboards = lazyView(() => import('./views/DashboardsView'), (m) => m.DashboardsView);
const Alarms = lazyView(() => import('./views/AlarmsView'), (m) => m.AlarmsView);
const Sparkplug = lazyView(() => import('./sparkplug/SparkplugView'), (m) => m.SparkplugView);
const AlarmsView = Alarms.Component;
const SparkplugView = Sparkplug.Component;
const DashboardsView = Dashboards.Component;

export function App() {
  const t = useT();
  const route = useHashRoute();
  const fatal = useFatalError();
  useEffect(() => afterStartup(() => [Dashboards, Alarms, Sparkplug].forEach((v) => v.prefetch())), []);

  return (
    <div className="flex h-full flex-col">
      <Header route={route} />
      <AlarmBanner />
      <PwaStatus />
      <KioskRuntime route={route} />
      <ConfigErrorBanner />
      {fatal && (
        <div role="alert" className="bg-[#f3e3b5] px-4 py-2 font-semibold text-[#1d2125]">
          {t('Engine error: {message}', { message: fatal })}
        </div>
      )}
      <main className="min-h-0 flex-1">
        {route.view === 'topics' && <TopicsView />}
        {route.view === 'dashboards' && (
          <Suspense fallback={<p className="p-4 text-hmi-muted">{t('Loading dashboards…')}</p>}>
            <DashboardsView id={route.id} />
          </Suspense>
        )}
        {route.view === 'alarms' && (
          <Suspense fallback={<p className="p-4 text-hmi-muted">{t('Loading alarms…')}</p>}>
            <AlarmsView />
          </Suspense>
        )}
        {route.view === 'sparkplug' && (
          <Suspense fallback={<p className="p-4 text-hmi-muted">{t('Loading Sparkplug…')}</p>}>
            <SparkplugView />
          </Suspense>
        )}
      </main>
    </div>
  );
}
