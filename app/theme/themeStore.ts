import { create } from 'zustand';
import { readKv } from '../persistence';
import { DEFAULT_THEME, parseTheme, themeColorFor, type ThemeId } from './themes';

/** IndexedDB kv key: the operator's choice, the source of truth. */
export const THEME_KV_KEY = 'uiTheme';
/**
 * A synchronous copy in localStorage, read before the first paint so a dark control room does
 * not get a flash of the light theme while IndexedDB opens.
 */
export const THEME_HINT_KEY = 'sightglass.theme';

interface ThemeState {
  theme: ThemeId;
}

const hasDom = typeof document !== 'undefined';

function readHint(): ThemeId | null {
  try {
    return parseTheme(window.localStorage.getItem(THEME_HINT_KEY));
  } catch {
    return null;
  }
}

/** `?theme=contrast` in the URL: a wall screen's start-up link can pick its theme. */
function urlTheme(): ThemeId | null {
  return hasDom ? parseTheme(new URLSearchParams(window.location.search).get('theme')) : null;
}

function applyToDocument(id: ThemeId): void {
  if (!hasDom) return;
  document.documentElement.dataset.theme = id;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', themeColorFor(id));
}

const initial: ThemeId = urlTheme() ?? (hasDom ? readHint() : null) ?? DEFAULT_THEME;
applyToDocument(initial);

export const useThemeStore = create<ThemeState>(() => ({ theme: initial }));

useThemeStore.subscribe((s, prev) => {
  if (s.theme !== prev.theme) applyToDocument(s.theme);
});

// The stored choice wins over the hint (another tab may have changed it); the URL wins over both.
if (hasDom && !urlTheme()) {
  void readKv<unknown>(THEME_KV_KEY).then((stored) => {
    const id = parseTheme(stored);
    if (id && id !== useThemeStore.getState().theme) useThemeStore.setState({ theme: id });
  });
}
