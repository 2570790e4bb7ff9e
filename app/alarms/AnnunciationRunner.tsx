import { useEffect, useRef } from 'react';
import { PRIORITIES, type Priority } from '../../src/alarms';
import { notifyHidden, sound, useAnnunciation } from './annunciation';
import { freshActivations } from './freshActivations';
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
    const { fresh, upTo } = freshActivations(alarms.values(), notifiedUpTo.current);
    notifiedUpTo.current = upTo;
    notifyHidden(fresh);
  }, [seq, alarms]);

  return null;
}
