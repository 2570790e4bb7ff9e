/**
 * Where focus goes in an open menu for a key (WAI-ARIA APG menu button): arrows wrap, Home/End
 * jump to the ends; null for keys the menu leaves alone. Pure, so the key map is unit-tested.
 */
export function menuFocusTarget(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : (current + 1) % count;
    case 'ArrowUp':
      return current < 0 ? count - 1 : (current - 1 + count) % count;
    case 'Home':
    case 'PageUp':
      return 0;
    case 'End':
    case 'PageDown':
      return count - 1;
    default:
      return null;
  }
}

/** The first item whose label starts with a typed character (type-ahead), searching after `current`. */
export function typeAheadTarget(char: string, current: number, labels: readonly string[]): number | null {
  if (char.length !== 1 || !/\S/.test(char)) return null;
  const c = char.toLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (current + step + labels.length) % labels.length;
    if (labels[i]?.trim().toLowerCase().startsWith(c)) return i;
  }
  return null;
}
