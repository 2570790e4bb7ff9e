import { useEffect, useRef } from 'react';
import { PRIORITIES, type AlarmView, type Priority } from '../../src/alarms';
import { notifyHidden, sound, useAnnunciation } from './annunciation';
import { useAlarms, useAlarmSummary } from './useAlarms';

/** Drives the horn and notifications from the alarm summary; renders nothing. */
export function AnnunciationRunner() {
  const summary = useAlarmSummary();
  const alarms = useAlarms((s) => s.alarms);
  const { soundEnabled, silencedSeq } = useAnnunciation();
  const seenSeq = useRef(0);
  /** Activations up to this time (the engine's `since`) were already notified. */
  const notifiedUpTo = useRef(-Infinity);

  const seq = summary?.annunciationSeq ?? 0;
  const sounding: Priority | null =
    soundEnabled && summary && seq > silencedSeq ? (PRIORITIES.find((p) => summary.unacknowledged[p] > 0) ?? null) : null;

  useEffect(() => {
    sound(sounding);
  }, [sounding]);
  useEffect(() => () => sound(null), []);

  useEffect(() => {
    if (seq === seenSeq.current) return;
    seenSeq.current = seq;
    // One pass that builds nothing: this runs on every new annunciation, i.e. every delta of an
    // alarm storm, over every shown alarm (a Map of the unacknowledged ones was 5–150 ms a
    // frame in a 5 000-alarm storm, issue 17 #4). A new activation is news again: its `since` is newer.
    const upTo = notifiedUpTo.current;
    let newest = upTo;
    const fresh: AlarmView[] = [];
    for (const a of alarms.values()) {
      if (a.state !== 'unacknowledged' || a.since <= upTo) continue;
      fresh.push(a);
      if (a.since > newest) newest = a.since;
    }
    notifiedUpTo.current = newest;
    notifyHidden(fresh);
  }, [seq, alarms]);

  return null;
}
