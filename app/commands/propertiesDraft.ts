import type { MessageProperties } from '../../src/mqtt';
import { parseUserProperties } from '../lib/userProperties';
import { t } from '../i18n/i18n';

/** The MQTT 5 property fields as typed in the Publish region. */
export interface PropertiesDraft {
  readonly userProperties: string;
  readonly contentType: string;
  readonly payloadFormatIndicator: boolean;
  readonly expiry: string;
  readonly responseTopic: string;
  readonly correlation: string;
  /** Seconds to wait for a reply; empty = the default. */
  readonly replyTimeout: string;
}

export const EMPTY_PROPERTIES: PropertiesDraft = {
  userProperties: '', contentType: '', payloadFormatIndicator: false, expiry: '', responseTopic: '', correlation: '', replyTimeout: '',
};

/** The fields both the Publish region and the template editor show (templates carry no correlation data). */
export type PropertyFields = Omit<PropertiesDraft, 'correlation'>;

/** Stored properties (a template's, a config's) as the fields show them. */
export interface StoredProperties {
  readonly userProperties?: Readonly<Record<string, string | readonly string[]>>;
  readonly contentType?: string;
  readonly payloadFormatIndicator?: boolean;
  readonly messageExpiryInterval?: number;
  readonly responseTopic?: string;
}

export function propertyFieldsFrom(p: StoredProperties = {}, replyTimeoutMs?: number): PropertyFields {
  const user = Object.entries(p.userProperties ?? {}).flatMap(([k, val]) => (typeof val === 'string' ? [val] : val).map((x) => `${k}=${x}`));
  return {
    userProperties: user.join('\n'),
    contentType: p.contentType ?? '',
    payloadFormatIndicator: p.payloadFormatIndicator ?? false,
    expiry: p.messageExpiryInterval === undefined ? '' : String(p.messageExpiryInterval),
    responseTopic: p.responseTopic ?? '',
    replyTimeout: replyTimeoutMs === undefined ? '' : String(replyTimeoutMs / 1000),
  };
}

export type BuiltProperties =
  | { readonly ok: true; readonly properties?: MessageProperties; readonly replyTimeoutMs?: number }
  | { readonly ok: false; readonly error: string };

const MAX_U32 = 0xffffffff;

/** Checks the fields and builds mqtt.js properties; the error names the field. */
export function buildProperties(d: PropertiesDraft, defaultTimeoutMs: number): BuiltProperties {
  const user = parseUserProperties(d.userProperties);
  if (!user.ok) return { ok: false, error: t('user properties {problem}', { problem: user.error }) };
  const properties: MessageProperties = {};
  if (Object.keys(user.value).length) properties.userProperties = user.value;
  if (d.contentType.trim()) properties.contentType = d.contentType.trim();
  if (d.payloadFormatIndicator) properties.payloadFormatIndicator = true;
  if (d.expiry.trim()) {
    const seconds = Number(d.expiry);
    if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_U32) return { ok: false, error: t('message expiry must be whole seconds (0 to 4294967295)') };
    properties.messageExpiryInterval = seconds;
  }
  const responseTopic = d.responseTopic.trim();
  if (responseTopic) {
    if (/[+#]/.test(responseTopic)) return { ok: false, error: t('response topic must not contain + or #') };
    properties.responseTopic = responseTopic;
  }
  if (d.correlation) properties.correlationData = new TextEncoder().encode(d.correlation);
  let replyTimeoutMs: number | undefined;
  if (responseTopic) {
    if (d.replyTimeout.trim()) {
      const seconds = Number(d.replyTimeout);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) return { ok: false, error: t('reply timeout must be between 0 and 3600 seconds') };
      replyTimeoutMs = Math.round(seconds * 1000);
    } else replyTimeoutMs = defaultTimeoutMs;
  }
  return { ok: true, properties: Object.keys(properties).length ? properties : undefined, replyTimeoutMs };
}
