import { msg } from '../../i18n/i18n';

/** Live windows a line chart offers (issue 4); labels are shown with t() (units read the same in every language). */
export type LineWindow = '1m' | '5m' | '15m' | '1h' | 'all';

export const WINDOWS: readonly { readonly id: LineWindow; readonly label: string; readonly ms: number }[] = [
  { id: '1m', label: '1 m', ms: 60_000 },
  { id: '5m', label: '5 m', ms: 300_000 },
  { id: '15m', label: '15 m', ms: 900_000 },
  { id: '1h', label: '1 h', ms: 3_600_000 },
  // 0 = everything the ring buffers hold.
  { id: 'all', label: msg('All'), ms: 0 },
];

export const DEFAULT_WINDOW: LineWindow = '5m';

export const windowMs = (id: LineWindow): number => WINDOWS.find((w) => w.id === id)?.ms ?? 300_000;
