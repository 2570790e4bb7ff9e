import type { SettingField } from '../types';
import type { ColorByLook } from './types';
import { msg } from '../../i18n/i18n';

const LOOKS: readonly ColorByLook[] = ['alarm', 'critical', 'high', 'medium', 'low', 'normal'];

/** `colorBy.values`, one per line: `fault = alarm`, `low_fuel = low`. */
export function parseColorValues(text: string): Record<string, ColorByLook> {
  const out: Record<string, ColorByLook> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*=\s*(\w+)$/.exec(line);
    const look = m?.[2].toLowerCase() as ColorByLook | undefined;
    if (!m || !look || !LOOKS.includes(look)) throw new Error(`"${line}": write it as value = alarm (or critical, high, medium, low, normal)`);
    out[m[1]] = look;
  }
  return out;
}

export function formatColorValues(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, string>).map(([k, v]) => `${k} = ${v}`).join('\n');
}

export const mapSettings: readonly SettingField[] = [
  { key: 'positions.topic', label: msg('Positions topic'), kind: 'text', placeholder: 'fleet/+/gps', required: true, help: msg('A marker per topic matching this filter; its id is what + stands for.') },
  { key: 'positions.lat', label: msg('Latitude field'), kind: 'text', placeholder: 'lat' },
  { key: 'positions.lon', label: msg('Longitude field'), kind: 'text', placeholder: 'lon' },
  {
    key: 'positions.fields',
    label: msg('Detail fields'),
    kind: 'text',
    placeholder: 'speed, fuel',
    help: msg('Payload fields a marker’s details show, separated by commas.'),
    parse: (text) => text.split(',').map((f) => f.trim()).filter(Boolean),
    format: (value) => (Array.isArray(value) ? value.join(', ') : ''),
  },
  { key: 'tiles', label: msg('Basemap'), kind: 'text', placeholder: 'site.pmtiles or tiles/{z}/{x}/{y}.png', help: msg('A .pmtiles file or a {z}/{x}/{y} tile URL next to index.html; empty: a plain grid.') },
  { key: 'trail', label: msg('Trail positions'), kind: 'number', placeholder: '20' },
  { key: 'colorBy.path', label: msg('Colour by field'), kind: 'text', placeholder: 'state' },
  { key: 'colorBy.values', label: msg('Colour values'), kind: 'lines', placeholder: 'fault = alarm\nlow_fuel = low', help: msg('One per line: value = alarm, critical, high, medium or low. Other values stay grey.'), parse: parseColorValues, format: formatColorValues },
];
