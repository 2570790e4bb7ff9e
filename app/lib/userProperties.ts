import { t } from '../i18n/i18n';

export type ParsedUserProperties = { ok: true; value: Record<string, string | string[]> } | { ok: false; error: string };

/** Parses "name=value" lines; a repeated name becomes a list (MQTT 5 allows duplicates). */
export function parseUserProperties(text: string): ParsedUserProperties {
  const value: Record<string, string | string[]> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq <= 0) return { ok: false, error: t('line {line}: expected name=value', { line: i + 1 }) };
    const name = line.slice(0, eq).trim();
    const v = line.slice(eq + 1).trim();
    const prev = value[name];
    value[name] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return { ok: true, value };
}
