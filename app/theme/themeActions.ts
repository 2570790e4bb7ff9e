import { writeKv } from '../persistence';
import { THEME_HINT_KEY, THEME_KV_KEY, useThemeStore } from './themeStore';
import type { ThemeId } from './themes';

/** The operator picked a theme: show it and remember it. */
export function setTheme(id: ThemeId): void {
  useThemeStore.setState({ theme: id });
  try {
    window.localStorage.setItem(THEME_HINT_KEY, id);
  } catch {
    // storage disabled: the choice still lasts for this page
  }
  void writeKv(THEME_KV_KEY, id).catch(() => undefined);
}
