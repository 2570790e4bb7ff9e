import type { WidgetConfig } from '../../src/config';
import { t } from '../i18n/i18n';

/** Where a command widget's Sparkplug write goes: one metric of an edge node or device. */
export interface WidgetWriteTarget {
  /** Connection id; absent: the template's or the first connection (resolved when sending). */
  readonly connection?: string;
  readonly group: string;
  readonly node: string;
  readonly device?: string;
  readonly metric: string;
}

export type WidgetWrite = { readonly ok: true; readonly target: WidgetWriteTarget } | { readonly ok: false; readonly error: string };

const MESSAGE_TYPES = new Set(['NBIRTH', 'NDEATH', 'NDATA', 'NCMD', 'DBIRTH', 'DDEATH', 'DDATA', 'DCMD']);

/** `spBv1.0/<group>/<type>/<node>[/<device>]` → its parts; null for anything else (STATE included). */
export function parseSparkplugTopic(topic: string): { group: string; type: string; node: string; device?: string } | null {
  const parts = topic.split('/');
  if (parts[0] !== 'spBv1.0' || parts.length < 4 || parts.length > 5 || !MESSAGE_TYPES.has(parts[2])) return null;
  const [, group, type, node, device] = parts;
  if (!group || !node || (type.startsWith('D') ? !device : device !== undefined)) return null;
  return device === undefined ? { group, type, node } : { group, type, node, device };
}

const text = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/**
 * Whether a command widget (button, setpoint) writes a Sparkplug metric instead of publishing its
 * template: it carries `sparkplug: { metric, topic?, connection? }`, or its template publishes to
 * an NCMD/DCMD topic (a template cannot build a protobuf payload). null: an ordinary widget.
 * The topic is the `sparkplug.topic`, else the template's, else the widget's first series (a
 * setpoint showing `…/DDATA/Edge1/Pump1` path `Speed` writes `Speed` back to that device); pass
 * the widget's resolved series (connection filled in, dashboard variables applied).
 */
export function widgetSparkplugWrite(
  widget: WidgetConfig,
  template?: { readonly topic: string; readonly connection?: string },
  series: { readonly connection?: string; readonly topic: string; readonly path?: string } | undefined = widget.series[0],
): WidgetWrite | null {
  const raw = widget.sparkplug;
  const sp = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  const templateTopic = template && parseSparkplugTopic(template.topic)?.type.endsWith('CMD') ? template.topic : undefined;
  if (!sp && !templateTopic) return null;
  const seriesTopic = series && parseSparkplugTopic(series.topic) ? series : undefined;
  const topic = text(sp?.topic) ?? templateTopic ?? seriesTopic?.topic;
  if (!topic) return { ok: false, error: t('Sparkplug write: set the edge node or device topic (spBv1.0/<group>/DCMD/<node>/<device>)') };
  const parsed = parseSparkplugTopic(topic);
  if (!parsed) return { ok: false, error: t('Sparkplug write: "{topic}" is not an edge node or device topic', { topic }) };
  const metric = text(sp?.metric) ?? (seriesTopic && text(seriesTopic.path));
  if (!metric) return { ok: false, error: t('Sparkplug write: set the metric name (sparkplug.metric)') };
  const connection = text(sp?.connection) ?? (templateTopic ? template?.connection : undefined) ?? seriesTopic?.connection;
  const { group, node, device } = parsed;
  return { ok: true, target: { ...(connection ? { connection } : {}), group, node, ...(device !== undefined ? { device } : {}), metric } };
}

/** A button's fixed value (`sparkplug.value`), as text; undefined when the widget sets none. */
export function widgetSparkplugValue(widget: WidgetConfig): string | undefined {
  const sp = widget.sparkplug as Record<string, unknown> | undefined;
  const v = sp && typeof sp === 'object' ? sp.value : undefined;
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

const FIELDS = ['metric', 'topic', 'connection', 'value'] as const;

/** The widget dialog's "Sparkplug write" lines (`metric=Speed`, `topic=…`, `connection=…`, `value=…`) → the config object. */
export function parseSparkplugField(lines: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of lines.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const eq = line.indexOf('=');
    const name = line.slice(0, eq).trim();
    if (eq <= 0 || !(FIELDS as readonly string[]).includes(name)) throw new Error(`"${line}": write one of ${FIELDS.map((f) => `${f}=…`).join(', ')} per line`);
    out[name] = line.slice(eq + 1).trim();
  }
  if (out.topic !== undefined && !parseSparkplugTopic(out.topic)) throw new Error(`"${out.topic}" is not an edge node or device topic (spBv1.0/<group>/DCMD/<node>/<device>)`);
  return out;
}

export function formatSparkplugField(value: unknown): string {
  if (!value || typeof value !== 'object') return '';
  const v = value as Record<string, unknown>;
  return FIELDS.filter((f) => v[f] !== undefined).map((f) => `${f}=${String(v[f])}`).join('\n');
}
