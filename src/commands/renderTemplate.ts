import type { CommandTemplateConfig, CommandVariableConfig } from '../config';
import type { MessageProperties, QoS } from '../mqtt';
import { isValidTopicName } from '../topics';
import { encodePayload, type PayloadEncoding } from './payloadCodec';

/**
 * Command templates (issue 6): `${name}` placeholders in the topic and payload are filled from
 * typed, range-checked variables. Nothing is published unless every value is valid and the
 * rendered topic and payload are well formed.
 */
export type VariableValue = string | number | boolean;
export type RawValues = Readonly<Record<string, string | number | boolean | undefined>>;

export interface RenderedCommand {
  readonly topic: string;
  readonly payload: Uint8Array;
  /** The payload as the template rendered it (before hex/base64 decoding). */
  readonly payloadText: string;
  readonly qos: QoS;
  readonly retain: boolean;
  readonly properties?: MessageProperties;
  readonly replyTimeoutMs?: number;
  readonly values: Readonly<Record<string, VariableValue>>;
}

export type RenderResult = { readonly ok: true; readonly command: RenderedCommand } | { readonly ok: false; readonly errors: readonly string[] };

/** `${name}`; `$${` is a literal `${`. */
const PLACEHOLDER = /\$?\$\{([^}]*)\}/g;

/** Names used as `${name}` in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m[0].startsWith('$$')) continue;
    const name = m[1].trim();
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

export function variableLabel(v: CommandVariableConfig): string {
  return v.label || v.name;
}

/** Checks one value against its variable's type and limits; numbers may arrive as typed text. */
export function parseVariableValue(v: CommandVariableConfig, raw: string | number | boolean | undefined): { ok: true; value: VariableValue } | { ok: false; error: string } {
  const label = variableLabel(v);
  const unit = v.unit ? ` ${v.unit}` : '';
  const fail = (error: string) => ({ ok: false as const, error: `${label}: ${error}` });
  const given = raw === undefined || raw === '' ? v.default : raw;
  if (given === undefined || given === '') return fail('needs a value');
  switch (v.type) {
    case 'number':
    case 'integer': {
      const n = typeof given === 'number' ? given : typeof given === 'string' && given.trim() !== '' ? Number(given) : Number.NaN;
      if (!Number.isFinite(n)) return fail(`"${String(given)}" is not a number`);
      if (v.type === 'integer' && !Number.isInteger(n)) return fail(`${n} is not a whole number`);
      if (v.min !== undefined && n < v.min) return fail(`${n}${unit} is below the minimum ${v.min}${unit}`);
      if (v.max !== undefined && n > v.max) return fail(`${n}${unit} is above the maximum ${v.max}${unit}`);
      return { ok: true, value: n };
    }
    case 'boolean': {
      if (typeof given === 'boolean') return { ok: true, value: given };
      const s = String(given).trim().toLowerCase();
      if (s === 'true' || s === '1') return { ok: true, value: true };
      if (s === 'false' || s === '0') return { ok: true, value: false };
      return fail(`"${String(given)}" is not true or false`);
    }
    case 'choice': {
      const choices = v.choices ?? [];
      const hit = choices.find((c) => String(c) === String(given));
      if (hit === undefined) return fail(`"${String(given)}" is not one of ${choices.map(String).join(', ') || '(no choices defined)'}`);
      return { ok: true, value: hit };
    }
    case 'string':
      return { ok: true, value: String(given) };
  }
}

/** Problems in the template itself (independent of values): undeclared or duplicate variables, bad limits. */
export function checkTemplate(t: CommandTemplateConfig): string[] {
  const errors: string[] = [];
  const declared = new Set<string>();
  for (const v of t.variables) {
    if (declared.has(v.name)) errors.push(`variable ${v.name} is declared twice`);
    declared.add(v.name);
    if (v.min !== undefined && v.max !== undefined && v.min > v.max) errors.push(`${v.name}: minimum ${v.min} is above maximum ${v.max}`);
    if (v.type === 'choice' && !v.choices?.length) errors.push(`${v.name}: a choice needs at least one choice`);
  }
  const used = [...placeholdersIn(t.topic), ...placeholdersIn(t.payload), ...placeholdersIn(t.properties?.responseTopic ?? '')];
  for (const name of used) if (!declared.has(name)) errors.push(`\${${name}} is used but no variable "${name}" is declared`);
  return errors;
}

type Context = 'topic' | 'json' | 'text';

function substitute(text: string, values: Readonly<Record<string, VariableValue>>, context: Context, errors: string[]): string {
  return text.replace(PLACEHOLDER, (whole, rawName: string) => {
    if (whole.startsWith('$$')) return whole.slice(1);
    const name = rawName.trim();
    const value = values[name];
    if (value === undefined) return whole;
    const s = String(value);
    if (context === 'topic' && (s === '' || /[/+#]/.test(s) || s.includes(String.fromCharCode(0)))) {
      errors.push(`${name}: "${s}" cannot be part of a topic (no /, + or #, not empty)`);
    }
    // Strings inside JSON are escaped, so a quote in a value cannot change the document's shape.
    if (context === 'json' && typeof value === 'string') return JSON.stringify(value).slice(1, -1);
    return s;
  });
}

/** Fills a template with values; every value is validated first. */
export function renderTemplate(t: CommandTemplateConfig, raw: RawValues): RenderResult {
  const errors = checkTemplate(t);
  const values: Record<string, VariableValue> = {};
  for (const v of t.variables) {
    const parsed = parseVariableValue(v, raw[v.name]);
    if (parsed.ok) values[v.name] = parsed.value;
    else errors.push(parsed.error);
  }
  if (errors.length) return { ok: false, errors };
  const topic = substitute(t.topic, values, 'topic', errors);
  const encoding = t.encoding as PayloadEncoding;
  const payloadText = substitute(t.payload, values, encoding === 'json' ? 'json' : 'text', errors);
  if (errors.length) return { ok: false, errors };
  if (!isValidTopicName(topic)) errors.push(`topic "${topic}" is not a valid topic name (empty, or contains + or #)`);
  const bytes = encodePayload(payloadText, encoding);
  if (!bytes.ok) errors.push(`payload ${bytes.error}`);
  if (errors.length || !bytes.ok) return { ok: false, errors };

  const p = t.properties;
  let properties: MessageProperties | undefined;
  if (p) {
    const out: MessageProperties = {};
    if (p.userProperties && Object.keys(p.userProperties).length) out.userProperties = { ...p.userProperties };
    if (p.contentType) out.contentType = p.contentType;
    if (p.payloadFormatIndicator !== undefined) out.payloadFormatIndicator = p.payloadFormatIndicator;
    if (p.messageExpiryInterval !== undefined) out.messageExpiryInterval = p.messageExpiryInterval;
    if (p.responseTopic) {
      const responseTopic = substitute(p.responseTopic, values, 'topic', errors);
      if (!isValidTopicName(responseTopic)) errors.push(`response topic "${responseTopic}" is not a valid topic name`);
      out.responseTopic = responseTopic;
    }
    if (p.correlationData) out.correlationData = new TextEncoder().encode(p.correlationData);
    if (errors.length) return { ok: false, errors };
    if (Object.keys(out).length) properties = out;
  }
  return {
    ok: true,
    command: { topic, payload: bytes.value, payloadText, qos: t.qos as QoS, retain: t.retain, properties, replyTimeoutMs: t.replyTimeoutMs, values },
  };
}

/** Starting values for a template's inputs: each variable's default, as text. */
export function defaultValues(t: CommandTemplateConfig): Record<string, string> {
  return Object.fromEntries(t.variables.map((v) => [v.name, v.default === undefined ? '' : String(v.default)]));
}

/** The confirmation text with values filled in ("Set line 1 to 80 °C?"); undefined when none is needed. */
export function confirmationText(t: CommandTemplateConfig, values: Readonly<Record<string, VariableValue>>): string | undefined {
  if (!t.confirm) return undefined;
  return substitute(t.confirm, values, 'text', []);
}
