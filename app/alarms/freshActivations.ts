import type { AlarmView } from '../../src/alarms';

/**
 * Unacknowledged alarms activated after `upTo` (the engine's `since` of the newest one already
 * notified), and the new watermark. One pass that builds nothing but the answer: it runs on every
 * annunciation, i.e. every delta of an alarm storm, over every shown alarm (a Map of the
 * unacknowledged ones cost 5–150 ms a frame in a 5 000-alarm storm, issue 17 #4). A
 * re-activation is news again: its `since` is newer.
 */
export function freshActivations(alarms: Iterable<AlarmView>, upTo: number): { fresh: AlarmView[]; upTo: number } {
  let newest = upTo;
  const fresh: AlarmView[] = [];
  for (const a of alarms) {
    if (a.state !== 'unacknowledged' || a.since <= upTo) continue;
    fresh.push(a);
    if (a.since > newest) newest = a.since;
  }
  return { fresh, upTo: newest };
}
