import { chartPalette, type ChartPalette } from './chartPalette';
import { useThemeStore } from './themeStore';

/** The chart colours of the theme on screen; a theme change re-renders, so charts redraw without a reload. */
export const useChartPalette = (): ChartPalette => useThemeStore((s) => chartPalette(s.theme));
