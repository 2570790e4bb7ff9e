import type { AlarmInstance } from './AlarmInstance';
import { markDirty, type AlarmEngineState } from './alarmEngineState';
import { instanceSubject, journalEntry, NO_SUBJECT } from './journalEntry';

/** Chattering: at least 3 activations within 60 s (iiot-standards.md §1 KPIs). */
const CHATTER_COUNT = 3;
const CHATTER_WINDOW_MS = 60_000;

/** A new annunciation (→ unacknowledged): the UI re-sounds on the sequence; floods are journalled. */
export function annunciate(s: AlarmEngineState, now: number): void {
  s.annunciationSeq++;
  if (s.flood.record(now) === 'start') systemEntry(s, now, 'alarm flood started', 'more than 10 alarms in 10 minutes');
}

/** The instance became active: remember when, and flag it once it chatters. */
export function noteActivation(s: AlarmEngineState, inst: AlarmInstance, now: number): void {
  const a = inst.activations;
  a.push(now);
  if (a.length > CHATTER_COUNT) a.shift();
  if (!inst.chattering && a.length === CHATTER_COUNT && now - a[0] <= CHATTER_WINDOW_MS) {
    inst.chattering = true;
    s.chattering.add(inst);
    s.listener.journal(
      journalEntry(instanceSubject(inst), {
        at: now, kind: 'system', action: 'chattering', trigger: 'system', station: s.station,
        reason: `${CHATTER_COUNT} activations within ${CHATTER_WINDOW_MS / 1000} s`,
      }),
    );
  }
}

/** Once a second: chattering ages out, a flood ends. */
export function tickChatterAndFlood(s: AlarmEngineState, now: number): void {
  for (const inst of s.chattering) {
    const a = inst.activations;
    if (a.length < CHATTER_COUNT || now - a[a.length - CHATTER_COUNT] > CHATTER_WINDOW_MS) {
      inst.chattering = false;
      s.chattering.delete(inst);
      markDirty(s, inst);
    }
  }
  const before = s.flood.count;
  if (s.flood.tick(now) === 'end') systemEntry(s, now, 'alarm flood ended', 'fewer than 5 alarms in 10 minutes');
  if (before !== s.flood.count) s.summaryDirty = true;
}

function systemEntry(s: AlarmEngineState, now: number, action: string, reason: string): void {
  s.listener.journal(journalEntry(NO_SUBJECT, { at: now, kind: 'system', action, trigger: 'system', reason, station: s.station }));
  s.summaryDirty = true;
  s.listener.wake();
}
