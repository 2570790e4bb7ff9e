import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PRIORITY_COLOURS } from '../widgets/common/settings';
import { CHART_PALETTES, PRIORITY_INK } from './chartPalette';
import { contrastRatio, deltaE } from './contrast';
import { THEMES, type ThemeId } from './themes';

const css = readFileSync(new URL('../index.css', import.meta.url), 'utf8');

/** The custom properties a theme ends up with: the @theme defaults, then its own block. */
function themeVars(id: ThemeId): Record<string, string> {
  const block = (re: RegExp) => re.exec(css)?.[1] ?? '';
  const vars: Record<string, string> = {};
  const read = (text: string) => {
    for (const m of text.matchAll(/(--[\w-]+):\s*([^;]+);/g)) vars[m[1]] = m[2].trim();
  };
  read(block(/@theme\s*\{([^}]*)\}/));
  if (id !== 'light') read(block(new RegExp(`html\\[data-theme="${id}"\\]\\s*\\{([^}]*)\\}`)));
  return vars;
}

const themes = THEMES.map((t) => t.id);

describe('CHART_PALETTES', () => {
  it.each(themes)('%s mirrors the theme colours of app/index.css', (id) => {
    const vars = themeVars(id);
    const p = CHART_PALETTES[id];
    expect({ panel: p.panel, text: p.text, muted: p.muted, border: p.border, raised: p.raised, indicator: p.indicator, stale: p.stale }).toEqual({
      panel: vars['--color-hmi-panel'],
      text: vars['--color-hmi-text'],
      muted: vars['--color-hmi-muted'],
      border: vars['--color-hmi-border'],
      raised: vars['--color-hmi-raised'],
      indicator: vars['--color-hmi-indicator'],
      stale: vars['--color-stale'],
    });
  });

  it('keeps the alarm colours of app/index.css', () => {
    const vars = themeVars('light');
    for (const [priority, colour] of Object.entries(PRIORITY_COLOURS)) expect(vars[`--color-alarm-${priority}`]).toBe(colour);
  });

  it.each(themes)('%s: text ≥ 4.5:1 and graphics ≥ 3:1 on the widget background', (id) => {
    const p = CHART_PALETTES[id];
    expect(contrastRatio(p.text, p.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(p.muted, p.panel)).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(p.text, p.raised)).toBeGreaterThanOrEqual(4.5); // tooltips
    for (const graphic of [p.stale, p.indicator, ...p.series]) expect(contrastRatio(graphic, p.panel), graphic).toBeGreaterThanOrEqual(3);
    // Stale data is shown as text too (values, tree rows, the Stale badge), on the page and raised backgrounds as well.
    const page = themeVars(id)['--color-hmi-bg'];
    for (const bg of [p.panel, p.raised, page]) expect(contrastRatio(p.stale, bg), `stale on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // Still told apart from live text.
    expect(contrastRatio(p.stale, p.text)).toBeGreaterThanOrEqual(1.5);
  });

  it.each(themes)('%s: series colours are told apart (ΔE ≥ 15) and stay clear of the alarm colours', (id) => {
    const { series } = CHART_PALETTES[id];
    expect(series.length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < series.length; i++) {
      for (let j = i + 1; j < series.length; j++) expect(deltaE(series[i], series[j]), `${series[i]} vs ${series[j]}`).toBeGreaterThanOrEqual(15);
      for (const alarm of Object.values(PRIORITY_COLOURS)) expect(deltaE(series[i], alarm), `${series[i]} vs ${alarm}`).toBeGreaterThanOrEqual(30);
    }
  });

  it('puts ≥ 4.5:1 ink on every alarm chip', () => {
    for (const [priority, colour] of Object.entries(PRIORITY_COLOURS)) {
      expect(contrastRatio(PRIORITY_INK[priority as keyof typeof PRIORITY_INK], colour)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
