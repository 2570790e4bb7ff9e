/**
 * What the wildcards of `filter` stood for in `topic`, joined with '/': `fleet/+/gps` and
 * `fleet/truck-07/gps` give `truck-07`; `#` contributes every level it covered. A filter with
 * no wildcard gives the whole topic (the row still needs a name).
 */
export function wildcardKey(filterLevels: readonly string[], topic: string): string {
  const levels = topic.split('/');
  const parts: string[] = [];
  for (let i = 0; i < filterLevels.length; i++) {
    const f = filterLevels[i];
    if (f === '+') parts.push(levels[i] ?? '');
    else if (f === '#') {
      if (i < levels.length) parts.push(levels.slice(i).join('/'));
      break;
    }
  }
  return parts.length ? parts.join('/') : topic;
}
