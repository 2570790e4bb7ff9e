import type { SeriesLatest } from '../../../src/series';
import type { LampState, Priority } from './types';

export interface LampLook {
  readonly text: string;
  readonly priority?: Priority;
}

/** Whether a configured state value matches the newest value (text, number or true/false). */
export function stateMatches(state: LampState['value'], latest: SeriesLatest): boolean {
  if (typeof state === 'boolean') return latest.text === String(state) || latest.value === (state ? 1 : 0);
  if (typeof state === 'number') return latest.value === state;
  return latest.text === state || (latest.value !== null && String(latest.value) === state);
}

/** What a lamp shows: the matching state's text and priority, else the value itself, grey. */
export function lampLook(states: readonly LampState[] | undefined, latest: SeriesLatest | undefined): LampLook {
  if (!latest) return { text: '—' };
  const match = states?.find((s) => stateMatches(s.value, latest));
  const raw = latest.text ?? (latest.value === null ? '—' : String(latest.value));
  if (!match) return { text: raw };
  return { text: match.text || raw, ...(match.priority ? { priority: match.priority } : {}) };
}
