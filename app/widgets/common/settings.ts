import type { SettingField } from '../types';
import { msg } from '../../i18n/i18n';

/** Dialog fields several widget types share. */
export const unitField: SettingField = { key: 'unit', label: msg('Unit'), kind: 'text', placeholder: 'e.g. °C' };
export const decimalsField: SettingField = { key: 'decimals', label: msg('Decimals'), kind: 'number', placeholder: 'auto' };
export const staleField: SettingField = {
  key: 'staleAfterMs',
  label: msg('Stale after (s)'),
  kind: 'number',
  placeholder: '30',
  help: msg('Older data looks stale; 0 = only when the connection is down.'),
  parse: (text) => Number(text) * 1000,
  format: (value) => (typeof value === 'number' ? String(value / 1000) : ''),
};

const PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface Band {
  readonly from: number;
  readonly to: number;
  readonly priority?: Priority;
}

/** Bands, one per line: `80..100 high` (a priority marks the band abnormal), `0..80`. */
export function parseBands(text: string): Band[] {
  return lines(text).map((line) => {
    const m = /^(-?[\d.]+(?:e-?\d+)?)\s*\.\.\s*(-?[\d.]+(?:e-?\d+)?)\s*(\w+)?$/i.exec(line);
    if (!m || Number.isNaN(Number(m[1])) || Number.isNaN(Number(m[2]))) throw new Error(`Band "${line}": write it as from..to, optionally followed by a priority`);
    const priority = m[3]?.toLowerCase();
    if (priority && !PRIORITIES.includes(priority as Priority)) throw new Error(`Band "${line}": priority must be critical, high, medium or low`);
    return { from: Number(m[1]), to: Number(m[2]), ...(priority ? { priority: priority as Priority } : {}) };
  });
}

export function formatBands(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as Band[]).map((b) => `${b.from}..${b.to}${b.priority ? ` ${b.priority}` : ''}`).join('\n');
}

export interface LampState {
  readonly value: string | number | boolean;
  readonly text?: string;
  readonly priority?: Priority;
}

/** Lamp states, one per line: `FAULT = Fault (high)`, `RUNNING = Running`, `true = On`. */
export function parseStates(text: string): LampState[] {
  return lines(text).map((line) => {
    const m = /^(.+?)\s*=\s*(.*?)\s*(?:\((\w+)\))?$/.exec(line);
    if (!m) throw new Error(`State "${line}": write it as value = text, optionally followed by (priority)`);
    const priority = m[3]?.toLowerCase();
    if (priority && !PRIORITIES.includes(priority as Priority)) throw new Error(`State "${line}": priority must be critical, high, medium or low`);
    const raw = m[1];
    const value = raw === 'true' ? true : raw === 'false' ? false : raw.trim() !== '' && !Number.isNaN(Number(raw)) ? Number(raw) : raw;
    return { value, ...(m[2] ? { text: m[2] } : {}), ...(priority ? { priority: priority as Priority } : {}) };
  });
}

export function formatStates(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return (value as LampState[]).map((s) => `${String(s.value)} = ${s.text ?? ''}${s.priority ? ` (${s.priority})` : ''}`.trimEnd()).join('\n');
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

/** Alarm colours from the theme (index.css), for canvas drawing where CSS classes do not reach. */
export const PRIORITY_COLOURS: Record<Priority, string> = {
  critical: '#b3003c',
  high: '#d40000',
  medium: '#f2c200',
  low: '#f07c00',
};
