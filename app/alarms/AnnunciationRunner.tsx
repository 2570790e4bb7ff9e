import { useEffect, useRef } from 'react';
import { PRIORITIES, type Priority } from '../../src/alarms';
import { notifyHidden, sound, useAnnunciation } from './annunciation';
import { isUnacknowledged } from './priorityStyle';
import { useAlarms, useAlarmSummary } from './useAlarms';

/** Drives the horn and notifications from the alarm summary; renders nothing. */
export function AnnunciationRunner() {
  const summary = useAlarmSummary();
  const alarms = useAlarms((s) => s.alarms);
  const { soundEnabled, silencedSeq } = useAnnunciation();
  const seenSeq = useRef(0);
  const seenKeys = useRef(new Set<string>());

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
    const fresh = Object.values(alarms).filter((a) => a.state === 'unacknowledged' && !seenKeys.current.has(`${a.key}@${a.since}`));
    for (const a of Object.values(alarms)) if (isUnacknowledged(a.state)) seenKeys.current.add(`${a.key}@${a.since}`);
    if (seenKeys.current.size > 5000) seenKeys.current.clear();
    notifyHidden(fresh);
  }, [seq, alarms]);

  return null;
}
