import { useThemeStore } from './themeStore';
import type { ThemeId } from './themes';

/** The theme on screen (light, dark or high contrast). */
export const useTheme = (): ThemeId => useThemeStore((s) => s.theme);
