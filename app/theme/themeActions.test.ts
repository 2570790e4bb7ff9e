import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readKv } from '../persistence';
import { setTheme } from './themeActions';
import { THEME_HINT_KEY, THEME_KV_KEY, useThemeStore } from './themeStore';

describe('setTheme', () => {
  it('shows the theme and remembers it in IndexedDB and in the synchronous hint', async () => {
    const hint = new Map<string, string>();
    vi.stubGlobal('window', { localStorage: { setItem: (k: string, v: string) => hint.set(k, v) } });
    setTheme('contrast');
    expect(useThemeStore.getState().theme).toBe('contrast');
    expect(hint.get(THEME_HINT_KEY)).toBe('contrast');
    await vi.waitFor(async () => expect(await readKv(THEME_KV_KEY)).toBe('contrast'));
    vi.unstubAllGlobals();
  });

  it('still switches for this page when storage is disabled', () => {
    vi.stubGlobal('window', { localStorage: { setItem: () => { throw new Error('SecurityError'); } } });
    setTheme('dark');
    expect(useThemeStore.getState().theme).toBe('dark');
    vi.unstubAllGlobals();
  });
});
