/**
 * The one duration text, used by the UI (reply times, data age), the alarm journal ("shelve for
 * 1 h") and outage events ("down for 1 min 12 s"): under a second in ms, under 10 s to a tenth,
 * then whole seconds, and from a minute on the two largest units with zero parts left out.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) ms = 0;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 10_000 && ms % 1000 >= 50 && ms % 1000 < 950) return `${(ms / 1000).toFixed(1)} s`;
  const totalS = Math.round(ms / 1000);
  if (totalS < 60) return `${totalS} s`;
  const h = Math.floor(totalS / 3600);
  const min = Math.floor((totalS % 3600) / 60);
  const s = totalS % 60;
  const parts = h ? [[h, 'h'], [min, 'min']] : [[min, 'min'], [s, 's']];
  return parts
    .filter(([n], i) => i === 0 || n)
    .map(([n, unit]) => `${n} ${unit}`)
    .join(' ');
}
