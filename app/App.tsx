import { lazy, Suspense } from 'react';
import { AlarmBanner } from './alarms/AlarmBanner';
import { ConfigErrorBanner } from './components/ConfigErrorBanner';
import { Header } from './components/Header';
import { useFatalError } from './hooks/useEngine';
import { useHashRoute } from './hooks/useHashRoute';
import { KioskRuntime } from './kiosk';
import { PwaStatus } from './pwa/PwaStatus';
import { DashboardsView } from './views/DashboardsView';
import { TopicsView } from './views/TopicsView';

// The alarm list, rules editor and journal load when first opened; the banner above every view
// stays in the first load (start-up JavaScript budget, issue 9).
const AlarmsView = lazy(() => import('./views/AlarmsView').then((m) => ({ default: m.AlarmsView })));
const SparkplugView = lazy(() => import('./sparkplug/SparkplugView').then((m) => ({ default: m.SparkplugView })));

export function App() {
  const route = useHashRoute();
  const fatal = useFatalError();

  return (
    <div className="flex h-full flex-col">
      <Header route={route} />
      <AlarmBanner />
      <PwaStatus />
      <KioskRuntime route={route} />
      <ConfigErrorBanner />
      {fatal && (
        <div role="alert" className="bg-[#f3e3b5] px-4 py-2 font-semibold text-[#1d2125]">
          Engine error: {fatal}
        </div>
      )}
      <main className="min-h-0 flex-1">
        {route.view === 'topics' && <TopicsView />}
        {route.view === 'dashboards' && <DashboardsView id={route.id} />}
        {route.view === 'alarms' && (
          <Suspense fallback={<p className="p-4 text-hmi-muted">Loading alarms…</p>}>
            <AlarmsView />
          </Suspense>
        )}
        {route.view === 'sparkplug' && (
          <Suspense fallback={<p className="p-4 text-hmi-muted">Loading Sparkplug…</p>}>
            <SparkplugView />
          </Suspense>
        )}
      </main>
    </div>
  );
}
