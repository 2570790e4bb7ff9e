import { msg } from '../i18n/i18n';

/**
 * The three ISA-101 themes. All are grey; colour stays reserved for abnormal states (alarm
 * priorities, stale), and those colours are the same in every theme so their meaning never
 * changes with the lighting. The palettes themselves live in app/index.css (`html[data-theme]`).
 */
export const THEMES = [
  { id: 'light', label: msg('Light'), themeColor: '#3a3f44' },
  { id: 'dark', label: msg('Dark'), themeColor: '#1e2124' },
  { id: 'contrast', label: msg('High contrast'), themeColor: '#000000' },
] as const;

export type ThemeId = (typeof THEMES)[number]['id'];

export const DEFAULT_THEME: ThemeId = 'light';

/** A theme id from untrusted text (URL, storage); null when it is not one. */
export function parseTheme(value: unknown): ThemeId | null {
  return THEMES.some((t) => t.id === value) ? (value as ThemeId) : null;
}

/** The browser chrome colour (`<meta name="theme-color">`) that goes with a theme's header. */
export function themeColorFor(id: ThemeId): string {
  return THEMES.find((t) => t.id === id)?.themeColor ?? THEMES[0].themeColor;
}
