import { useEffect, useRef } from 'react';
import { PRIORITIES, type AlarmView, type Priority } from '../../src/alarms';
import { notifyHidden, sound, useAnnunciation } from './annunciation';
import { isUnacknowledged } from './priorityStyle';
import { useAlarms, useAlarmSummary } from './useAlarms';

/** Drives the horn and notifications from the alarm summary; renders nothing. */
export function AnnunciationRunner() {
  const summary = useAlarmSummary();
  const alarms = useAlarms((s) => s.alarms);
  const { soundEnabled, silencedSeq } = useAnnunciation();
  const seenSeq = useRef(0);
  /** Unacknowledged alarms already notified: key → activation time (a new activation is news again). */
  const seenSince = useRef(new Map<string, number>());

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
    // One pass, no strings built, and the memory is exactly the unacknowledged alarms: this runs on
    // every new annunciation, i.e. every frame of an alarm storm (issue 17 #4).
    const seen = seenSince.current;
    const next = new Map<string, number>();
    const fresh: AlarmView[] = [];
    for (const a of alarms.values()) {
      if (!isUnacknowledged(a.state)) continue;
      if (a.state === 'unacknowledged' && seen.get(a.key) !== a.since) fresh.push(a);
      next.set(a.key, a.since);
    }
    seenSince.current = next;
    notifyHidden(fresh);
  }, [seq, alarms]);

  return null;
}
