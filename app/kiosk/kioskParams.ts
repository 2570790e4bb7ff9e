/** Kiosk settings as they appear in the URL: `?kiosk=1&rotate=30`. */
export interface KioskSettings {
  readonly active: boolean;
  /** Seconds between dashboards; 0 = stay on the current view. */
  readonly rotateSeconds: number;
}

export const DEFAULT_ROTATE_SECONDS = 30;
/** Shorter than this and nobody can read a dashboard before it goes. */
export const MIN_ROTATE_SECONDS = 5;
const MAX_ROTATE_SECONDS = 24 * 3600;

const TRUE = new Set(['', '1', 'true', 'yes', 'on']);

export function parseKioskParams(search: string): KioskSettings {
  const q = new URLSearchParams(search);
  const kiosk = q.get('kiosk');
  const active = kiosk !== null && TRUE.has(kiosk.toLowerCase());
  return { active, rotateSeconds: parseRotate(q.get('rotate')) };
}

function parseRotate(raw: string | null): number {
  if (raw === null || raw.trim() === '') return DEFAULT_ROTATE_SECONDS;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) return 0;
  return Math.min(MAX_ROTATE_SECONDS, Math.max(MIN_ROTATE_SECONDS, Math.round(n)));
}

/** The same URL with the kiosk parameters set (or removed), hash and other parameters kept. */
export function withKioskParams(href: string, settings: KioskSettings): string {
  const url = new URL(href);
  if (settings.active) {
    url.searchParams.set('kiosk', '1');
    if (settings.rotateSeconds !== DEFAULT_ROTATE_SECONDS) url.searchParams.set('rotate', String(settings.rotateSeconds));
  } else {
    url.searchParams.delete('kiosk');
    url.searchParams.delete('rotate');
  }
  return url.href;
}
