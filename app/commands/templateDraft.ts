import * as v from 'valibot';
import { checkTemplate, type PayloadEncoding } from '../../src/commands';
import type { CommandTemplateConfig } from '../../src/config';
import { CommandTemplateSchema } from '../../src/config';
import { parseUserProperties } from '../lib/userProperties';
import { propertyFieldsFrom } from './propertiesDraft';

/** A template as the editor's text fields hold it. */
export interface VariableDraft {
  name: string;
  type: 'number' | 'integer' | 'string' | 'boolean' | 'choice';
  label: string;
  min: string;
  max: string;
  step: string;
  unit: string;
  /** Comma-separated. */
  choices: string;
  default: string;
}

export interface TemplateDraft {
  id: string;
  name: string;
  connection: string;
  topic: string;
  payload: string;
  encoding: PayloadEncoding;
  qos: 0 | 1 | 2;
  retain: boolean;
  confirm: string;
  contentType: string;
  payloadFormatIndicator: boolean;
  expiry: string;
  responseTopic: string;
  replyTimeout: string;
  userProperties: string;
  variables: VariableDraft[];
  /** Fields of the original this editor does not show, kept on save. */
  extra: Record<string, unknown>;
}

export const emptyVariable = (): VariableDraft => ({ name: '', type: 'number', label: '', min: '', max: '', step: '', unit: '', choices: '', default: '' });

export const emptyDraft = (): TemplateDraft => ({
  id: '', name: '', connection: '', topic: '', payload: '', encoding: 'json', qos: 1, retain: false, confirm: '', contentType: '',
  payloadFormatIndicator: false, expiry: '', responseTopic: '', replyTimeout: '', userProperties: '', variables: [], extra: {},
});

const str = (x: unknown) => (x === undefined || x === null ? '' : String(x));

const KNOWN = new Set(['id', 'name', 'connection', 'topic', 'payload', 'encoding', 'qos', 'retain', 'confirm', 'properties', 'replyTimeoutMs', 'variables']);

export function draftFromTemplate(t: CommandTemplateConfig): TemplateDraft {
  return {
    id: t.id,
    name: t.name ?? '',
    connection: t.connection ?? '',
    topic: t.topic,
    payload: t.payload,
    encoding: t.encoding as PayloadEncoding,
    qos: t.qos as 0 | 1 | 2,
    retain: t.retain,
    confirm: t.confirm ?? '',
    ...propertyFieldsFrom(t.properties, t.replyTimeoutMs),
    variables: t.variables.map((x) => ({
      name: x.name, type: x.type as VariableDraft['type'], label: x.label ?? '', min: str(x.min), max: str(x.max), step: str(x.step), unit: x.unit ?? '',
      choices: (x.choices ?? []).map(String).join(', '), default: str(x.default),
    })),
    extra: Object.fromEntries(Object.entries(t).filter(([k]) => !KNOWN.has(k))),
  };
}

/** "Line 1 setpoint" → "line-1-setpoint". */
export function slugify(name: string): string {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'command';
}

const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

export type DraftResult = { ok: true; template: CommandTemplateConfig } | { ok: false; errors: string[] };

/** Validates a draft with the config schema and the template checks; errors name the field. */
export function templateFromDraft(d: TemplateDraft, takenIds: readonly string[]): DraftResult {
  const errors: string[] = [];
  const id = d.id || slugify(d.name);
  if (takenIds.includes(id)) errors.push(`id "${id}" is already used by another template`);
  const user = parseUserProperties(d.userProperties);
  if (!user.ok) errors.push(`user properties ${user.error}`);
  const properties: Record<string, unknown> = {};
  if (user.ok && Object.keys(user.value).length) properties.userProperties = user.value;
  if (d.contentType.trim()) properties.contentType = d.contentType.trim();
  if (d.payloadFormatIndicator) properties.payloadFormatIndicator = true;
  if (d.expiry.trim()) properties.messageExpiryInterval = num(d.expiry);
  if (d.responseTopic.trim()) properties.responseTopic = d.responseTopic.trim();
  const variables = d.variables.map((x) => {
    const out: Record<string, unknown> = { name: x.name.trim(), type: x.type };
    if (x.label.trim()) out.label = x.label.trim();
    for (const k of ['min', 'max', 'step'] as const) if (x[k].trim()) out[k] = num(x[k]);
    if (x.unit.trim()) out.unit = x.unit.trim();
    if (x.type === 'choice') {
      out.choices = x.choices.split(',').map((c) => c.trim()).filter(Boolean);
    }
    if (x.default.trim()) out.default = x.type === 'number' || x.type === 'integer' ? num(x.default) : x.default.trim();
    return out;
  });
  const doc: Record<string, unknown> = {
    ...d.extra,
    id,
    name: d.name.trim() || undefined,
    topic: d.topic.trim(),
    payload: d.payload,
    encoding: d.encoding,
    qos: d.qos,
    retain: d.retain,
    variables,
  };
  if (d.connection) doc.connection = d.connection;
  if (d.confirm.trim()) doc.confirm = d.confirm.trim();
  if (Object.keys(properties).length) doc.properties = properties;
  if (d.replyTimeout.trim()) doc.replyTimeoutMs = Math.round(Number(d.replyTimeout) * 1000);
  for (const [k, val] of Object.entries(doc)) if (val === undefined) delete doc[k];
  const parsed = v.safeParse(CommandTemplateSchema, doc);
  if (!parsed.success) {
    for (const issue of parsed.issues) errors.push(`${v.getDotPath(issue) ?? 'template'}: ${issue.message}`);
    return { ok: false, errors };
  }
  errors.push(...checkTemplate(parsed.output));
  return errors.length ? { ok: false, errors } : { ok: true, template: parsed.output };
}
