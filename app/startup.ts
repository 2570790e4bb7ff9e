import { startAlarmSync } from './alarms/alarmActions';
import { startNetworkSync } from './actions/networkActions';
import { startSeriesSync } from './actions/seriesActions';
import { bootSite } from './config/siteActions';
import { installBenchProbe } from './state/benchProbe';
import { engine } from './engine/engineClient';
import { applyDelta, reportFatal } from './state/engineStore';

/**
 * How long the first render waits for the site configuration (IndexedDB + config.json, preloaded
 * by index.html). On a working server it is there in tens of ms; a hung server must not keep the
 * operator in front of a blank page, so the app then renders and fills in when the boot ends.
 */
export const FIRST_RENDER_WAIT_MS = 1500;

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
