import { startAlarmSync } from './alarms/alarmActions';
import { startNetworkSync } from './actions/networkActions';
import { startSeriesSync } from './actions/seriesActions';
import { bootSite } from './config/siteActions';
import { installBenchProbe } from './state/benchProbe';
import { engine } from './engine/engineClient';
import { applyDelta, reportFatal } from './state/engineStore';

let started = false;

/**
 * The one place that wires the app together, before React renders: the bridge's deltas into the
 * stores (Views → hooks/actions → Stores → Bridge → worker; the bridge imports no store), the
 * syncs that keep the worker in step with the site configuration, and the start-up
 * configuration, so connecting begins while the first render is still under way.
 */
export function startApp(): void {
  if (started) return;
  started = true;
  engine.onDelta(applyDelta);
  engine.onFatal(reportFatal);
  installBenchProbe(engine);
  engine.start();
  startNetworkSync();
  startSeriesSync();
  startAlarmSync();
  void bootSite();
}
