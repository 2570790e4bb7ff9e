import type { DashboardConfig, SiteConfig, WidgetConfig } from '../../src/config';

/** Picked value per variable name (`?var-vehicle=truck-07`): one set for the page, like the URL. */
export type VariableValues = Readonly<Record<string, string>>;

const REF = /\$\{([A-Za-z_][A-Za-z0-9_-]*)\}/g;
const PREFIX = 'var-';

export const hasVariables = (text: string): boolean => text.includes('${');

/** `fleet/${vehicle}/gps` with vehicle = truck-07 → `fleet/truck-07/gps`; names without a value stay as written. */
export function substitute(text: string, values: VariableValues): string {
  if (!hasVariables(text)) return text;
  return text.replace(REF, (whole, name: string) => (Object.hasOwn(values, name) ? values[name] : whole));
}

/** The widget with `${name}` replaced in its title and in every `topic` field (series, table rows, map positions, …). */
export function resolveWidget(widget: WidgetConfig, values: VariableValues): WidgetConfig {
  const out = resolveTopics(widget, values) as WidgetConfig;
  const title = substitute(widget.title, values);
  return title === widget.title ? out : { ...out, title };
}

function resolveTopics(node: unknown, values: VariableValues): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const out = node.map((item) => {
      const r = resolveTopics(item, values);
      if (r !== item) changed = true;
      return r;
    });
    return changed ? out : node;
  }
  if (node === null || typeof node !== 'object') return node;
  let out: Record<string, unknown> | null = null;
  for (const [k, v] of Object.entries(node)) {
    const r = k === 'topic' && typeof v === 'string' ? substitute(v, values) : typeof v === 'object' ? resolveTopics(v, values) : v;
    if (r !== v) (out ??= { ...(node as Record<string, unknown>) })[k] = r;
  }
  return out ?? node;
}

export function resolveDashboard(dashboard: DashboardConfig, values: VariableValues): DashboardConfig {
  if (!dashboard.variables?.length) return dashboard;
  const widgets = dashboard.widgets.map((w) => resolveWidget(w, values));
  return widgets.every((w, i) => w === dashboard.widgets[i]) ? dashboard : { ...dashboard, widgets };
}

/**
 * The configuration as the engine should record it: topics of templated dashboards resolved to
 * the picked values; a series whose topic still names a variable without a value is left out
 * (it would record a topic nobody publishes).
 */
export function resolveSiteConfig<C extends Pick<SiteConfig, 'dashboards'>>(config: C, values: VariableValues): C {
  if (!config.dashboards.some((d) => d.variables?.length)) return config;
  const dashboards = config.dashboards.map((d) => {
    if (!d.variables?.length) return d;
    const resolved = resolveDashboard(d, values);
    return { ...resolved, widgets: resolved.widgets.map((w) => (w.series.some((s) => hasVariables(s.topic)) ? { ...w, series: w.series.filter((s) => !hasVariables(s.topic)) } : w)) };
  });
  return { ...config, dashboards };
}

/** `?var-vehicle=truck-07&kiosk=1` → { vehicle: 'truck-07' }. */
export function variablesFromSearch(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(search)) if (k.startsWith(PREFIX) && k.length > PREFIX.length) out[k.slice(PREFIX.length)] = v;
  return out;
}

/** The same URL with `var-<name>=<value>`; hash and other parameters (kiosk, rotate) kept. */
export function withVariable(href: string, name: string, value: string): string {
  const url = new URL(href);
  url.searchParams.set(PREFIX + name, value);
  return url.href;
}

/** A variable's values in a stable, human order (truck-2 before truck-10). */
export function sortValues(values: Iterable<string>): string[] {
  return [...values].sort((a, b) => a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' }) || (a < b ? -1 : a > b ? 1 : 0));
}
