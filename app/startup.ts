import { startAlarmSync } from './alarms/alarmActions';
import { startNetworkSync } from './actions/networkActions';
import { startSeriesSync } from './actions/seriesActions';
import { bootSite } from './config/siteActions';
import { installBenchProbe } from './state/benchProbe';
import { engine } from './engine/engineClient';
import { applyDelta, reportFatal } from './state/engineStore';

/**
 * How long the first render waits for the site configuration (IndexedDB + config.json, preloaded
 * by index.html). On an unloaded machine it is there in tens of ms, and the first screen is the
 * configured site with no re-render after it. A slow boot (a busy CPU, a first IndexedDB open, a
 * hung server) must not hold the first paint back: then the app renders and fills in later.
 * 1 500 ms here delayed the first paint by up to a second at load 20–30 (bench scenario 5).
 */
export const FIRST_RENDER_WAIT_MS = 300;

let started: Promise<void> | null = null;

/**
 * The one place that wires the app together, before React renders: the bridge's deltas into the
 * stores (Views → hooks/actions → Stores → Bridge → worker; the bridge imports no store), the
 * syncs that keep the worker in step with the site configuration, and the start-up
 * configuration, so connecting begins before the first render. Resolves when the configuration
 * is applied, or after `FIRST_RENDER_WAIT_MS` (never rejects: a failed boot shows in the UI).
 */
export function startApp(waitMs = FIRST_RENDER_WAIT_MS): Promise<void> {
  if (started) return started;
  engine.onDelta(applyDelta);
  engine.onFatal(reportFatal);
  installBenchProbe(engine);
  engine.start();
  startNetworkSync();
  startSeriesSync();
  startAlarmSync();
  // A boot that throws must not keep the first render from happening; it stays visible in the console.
  const booted = bootSite().catch((err: unknown) => console.error('Sightglass: start-up configuration failed', err));
  started = Promise.race([booted, new Promise<void>((resolve) => setTimeout(resolve, waitMs))]);
  return started;
}
