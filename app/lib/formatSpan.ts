import { currentLocale } from '../i18n/i18n';

type Unit = 'millisecond' | 'second' | 'minute' | 'hour';

// Built once per locale and unit (Intl formatters are costly to create; see formatLocale.ts).
const units = new Map<string, Intl.NumberFormat>();
const lists = new Map<string, Intl.ListFormat>();

function unit(n: number, u: Unit): string {
  const key = `${currentLocale()}|${u}`;
  let f = units.get(key);
  if (!f) units.set(key, (f = new Intl.NumberFormat(currentLocale(), { style: 'unit', unit: u, unitDisplay: 'short', maximumFractionDigits: 1 })));
  return f.format(n);
}

function join(parts: readonly string[]): string {
  let f = lists.get(currentLocale());
  // 'unit' lists join measures as the language does: "5 min 3 sec", "5分钟3秒".
  if (!f) lists.set(currentLocale(), (f = new Intl.ListFormat(currentLocale(), { type: 'unit', style: 'narrow' })));
  return f.format(parts);
}

/**
 * A duration in the UI language's units (Intl): "250 ms", "4.5 sec", "1 min 12 sec", "2 hr"
 * in English, "1分钟12秒" in Chinese. The same steps as src/format's formatDuration: under a
 * second in ms, under 10 s to a tenth, then the two largest units; `countdown` keeps a zero
 * second or minute part, so a ticking countdown does not change shape.
 */
export function formatSpan(ms: number, countdown = false): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  if (ms < 1000 && !countdown) return unit(Math.round(ms), 'millisecond');
  if (ms < 10_000 && !countdown) return unit(Math.round(ms / 100) / 10, 'second');
  const total = Math.round(ms / 1000);
  if (total < 60) return unit(total, 'second');
  const h = Math.floor(total / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const [big, small]: readonly (readonly [number, Unit])[] = h ? [[h, 'hour'], [min, 'minute']] : [[min, 'minute'], [s, 'second']];
  return small[0] || countdown ? join([unit(big[0], big[1]), unit(small[0], small[1])]) : unit(big[0], big[1]);
}
