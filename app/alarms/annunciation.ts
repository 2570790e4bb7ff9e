import { create } from 'zustand';
import type { AlarmView, Priority } from '../../src/alarms';
import { t } from '../i18n/i18n';
import { formatValue } from './formatAlarm';
import { PRIORITY_TEXT } from './priorityStyle';

/**
 * Audible annunciation (Web Audio) and browser notifications. Browsers start audio only after a
 * user gesture, so sound is off until the operator presses "Enable sound"; notifications are
 * asked for on a button, never assumed (iiot-standards.md §5: never the primary annunciation).
 */
interface AnnunciationState {
  soundEnabled: boolean;
  /** Annunciations up to this sequence number are silenced; a newer alarm sounds again. */
  silencedSeq: number;
  notifications: NotificationPermission | 'unsupported';
}

export const useAnnunciation = create<AnnunciationState>(() => ({
  soundEnabled: false,
  silencedSeq: 0,
  notifications: typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
}));

let ctx: AudioContext | null = null;

/** Must run inside a click handler (autoplay policy). */
export async function enableSound(): Promise<void> {
  try {
    ctx ??= new AudioContext();
    await ctx.resume();
    useAnnunciation.setState({ soundEnabled: ctx.state === 'running' });
  } catch {
    useAnnunciation.setState({ soundEnabled: false });
  }
}

export function disableSound(): void {
  void ctx?.suspend();
  useAnnunciation.setState({ soundEnabled: false });
}

export function silence(seq: number): void {
  useAnnunciation.setState({ silencedSeq: seq });
}

export async function enableNotifications(): Promise<void> {
  if (typeof Notification === 'undefined') return;
  const result = await Notification.requestPermission();
  useAnnunciation.setState({ notifications: result });
}

/** Tone patterns per priority: more urgent = higher, faster, more pulses. */
const PATTERNS: Readonly<Record<Priority, { freq: number; pulses: number; everyMs: number }>> = {
  critical: { freq: 988, pulses: 3, everyMs: 1000 },
  high: { freq: 784, pulses: 2, everyMs: 1500 },
  medium: { freq: 622, pulses: 1, everyMs: 2500 },
  low: { freq: 523, pulses: 1, everyMs: 5000 },
};

let loop = 0;
let playing: Priority | null = null;

function beep(freq: number, at: number, duration: number): void {
  if (!ctx) return;
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = 'square';
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.0001, at);
  gain.gain.exponentialRampToValueAtTime(0.12, at + 0.01);
  gain.gain.exponentialRampToValueAtTime(0.0001, at + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + duration + 0.02);
}

/** Plays the pattern of the most urgent sounding priority, or stops (null). */
export function sound(priority: Priority | null): void {
  if (priority === playing) return;
  window.clearInterval(loop);
  playing = priority;
  if (!priority || !ctx) return;
  const p = PATTERNS[priority];
  const play = () => {
    if (!ctx || ctx.state !== 'running') return;
    for (let i = 0; i < p.pulses; i++) beep(p.freq, ctx.currentTime + i * 0.18, 0.12);
  };
  play();
  loop = window.setInterval(play, p.everyMs);
}

/** A desktop notification's text for one new alarm, in the UI language (the OS shows it as given). */
export function alarmNotification(a: AlarmView): { title: string; body: string } {
  return {
    title: t('{priority} alarm: {name}', { priority: t(PRIORITY_TEXT[a.priority]), name: a.name }),
    body: [a.value === null ? '' : t('Value {value} ({limit})', { value: formatValue(a.value, a.unit), limit: a.limit }), a.message].filter(Boolean).join(' — '),
  };
}

/** A notification per new unacknowledged alarm while the tab is hidden (at most 3, then one summary). */
export function notifyHidden(newAlarms: readonly AlarmView[]): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted' || document.visibilityState !== 'hidden' || !newAlarms.length) return;
  for (const a of newAlarms.slice(0, 3)) {
    const { title, body } = alarmNotification(a);
    new Notification(title, { body, tag: a.key });
  }
  const more = newAlarms.length - 3;
  if (more > 0) new Notification(t('{more, plural, one {# more new alarm} other {# more new alarms}}', { more }), { tag: 'sightglass-more' });
}
