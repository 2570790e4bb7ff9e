import type { CommandTemplateConfig, CommandVariableConfig, WidgetConfig } from '../../src/config';

/**
 * Helpers for the command widgets (button, setpoint): their config names a template by id and
 * may fix some of its variables (`values`), e.g. `{ "machine": "press1" }`.
 */
export type FixedValues = Record<string, string | number | boolean>;

export function widgetTemplateId(widget: WidgetConfig): string {
  return typeof widget.template === 'string' ? widget.template : '';
}

export function widgetValues(widget: WidgetConfig): FixedValues {
  const v = widget.values;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => ['string', 'number', 'boolean'].includes(typeof x))) as FixedValues;
}

/** "name=value" per line → values (numbers and true/false typed); throws with the line that is wrong. */
export function parseFixedValues(text: string): FixedValues {
  const out: FixedValues = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`"${line}": write it as name=value`);
    const name = line.slice(0, eq).trim();
    const raw = line.slice(eq + 1).trim();
    out[name] = raw === 'true' ? true : raw === 'false' ? false : raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
  }
  return out;
}

export function formatFixedValues(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}=${String(v)}`).join('\n');
}

/** The variable a setpoint widget sets: the named one, else the template's first numeric variable. */
export function setpointVariable(t: CommandTemplateConfig | undefined, name: unknown): CommandVariableConfig | undefined {
  if (!t) return undefined;
  if (typeof name === 'string' && name) return t.variables.find((v) => v.name === name);
  return t.variables.find((v) => v.type === 'number' || v.type === 'integer') ?? t.variables[0];
}

/** A value brought within the variable's limits (the slider never leaves them; typed values are checked on send). */
export function clampToVariable(v: CommandVariableConfig, n: number): number {
  let x = n;
  if (v.min !== undefined) x = Math.max(v.min, x);
  if (v.max !== undefined) x = Math.min(v.max, x);
  return x;
}
