/**
 * Numbers as operators read them: the configured decimals, else at most three, no grouping
 * (a value copied from the screen must paste back as the same number), unit after a space.
 */
export function formatValue(value: number | null | undefined, decimals?: number, unit?: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  let text: string;
  if (decimals !== undefined) text = value.toFixed(decimals);
  else if (Number.isInteger(value)) text = String(value);
  else text = String(Math.round(value * 1000) / 1000);
  if (text === '-0' || /^-0\.0*$/.test(text)) text = text.slice(1);
  return unit ? `${text} ${unit}` : text;
}

/** The default legend label: the topic's last two levels, and the field unless it is `v`/whole. */
export function defaultLabel(topic: string, path: string): string {
  const levels = topic.split('/').filter(Boolean);
  const base = levels.slice(-2).join('/') || topic;
  return path && path !== 'v' && path !== 'value' ? `${base} ${path}` : base;
}
