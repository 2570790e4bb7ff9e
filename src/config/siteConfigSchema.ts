import * as v from 'valibot';

/**
 * The config.json / export format (ui-contract.md "Site configuration"). Objects are loose so
 * fields this version does not know are kept, not dropped, on import and export.
 */
export const CONFIG_VERSION = 1;

const id = v.pipe(v.string('must be a text id'), v.minLength(1, 'must not be empty'));
const qos = v.picklist([0, 1, 2], 'must be 0, 1 or 2');

export const SubscriptionSchema = v.looseObject({
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  qos: v.optional(qos, 0),
});

export const ConnectionSchema = v.looseObject({
  id,
  name: v.optional(v.string()),
  url: v.pipe(v.string('must be a ws:// or wss:// URL'), v.regex(/^wss?:\/\/[^\s]+$/i, 'must be a ws:// or wss:// URL')),
  protocolVersion: v.optional(v.picklist([4, 5], 'must be 5 or 4 (3.1.1)'), 5),
  clientId: v.optional(v.string()),
  username: v.optional(v.string()),
  password: v.optional(v.string()),
  rememberPassword: v.optional(v.boolean()),
  keepalive: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))),
  clean: v.optional(v.boolean()),
  sessionExpiry: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
  subscriptions: v.optional(v.array(SubscriptionSchema), [{ topic: '#', qos: 0 }]),
  autoConnect: v.optional(v.boolean(), false),
});

export const AlarmRuleSchema = v.looseObject({
  id,
  name: v.optional(v.string()),
  connection: v.optional(v.string()),
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  path: v.optional(v.string(), ''),
  condition: v.picklist(['above', 'below', 'equal', 'not-equal', 'stale', 'rate-above', 'rate-below', 'state'], 'must be one of above, below, equal, not-equal, stale, rate-above, rate-below, state'),
  setpoint: v.optional(v.union([v.number(), v.string(), v.boolean()])),
  deadband: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
  onDelayMs: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
  offDelayMs: v.optional(v.pipe(v.number(), v.minValue(0)), 0),
  staleAfterMs: v.optional(v.pipe(v.number(), v.minValue(1))),
  priority: v.optional(v.picklist(['critical', 'high', 'medium', 'low'], 'must be critical, high, medium or low'), 'medium'),
  enabled: v.optional(v.boolean(), true),
});

export const SeriesRefSchema = v.looseObject({
  connection: v.optional(v.string()),
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  path: v.optional(v.string(), ''),
});

export const WidgetSchema = v.looseObject({
  id,
  type: v.pipe(v.string(), v.minLength(1)),
  title: v.optional(v.string(), ''),
  series: v.optional(v.array(SeriesRefSchema), []),
});

export const DashboardSchema = v.looseObject({
  id,
  name: v.optional(v.string()),
  widgets: v.optional(v.array(WidgetSchema), []),
});

export const SiteConfigSchema = v.looseObject({
  version: v.literal(CONFIG_VERSION, 'must be 1'),
  connections: v.optional(v.array(ConnectionSchema), []),
  alarms: v.optional(v.array(AlarmRuleSchema), []),
  dashboards: v.optional(v.array(DashboardSchema), []),
});

export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;
export type ConnectionConfig = v.InferOutput<typeof ConnectionSchema>;
export type AlarmRuleConfig = v.InferOutput<typeof AlarmRuleSchema>;
export type DashboardConfig = v.InferOutput<typeof DashboardSchema>;
export type WidgetConfig = v.InferOutput<typeof WidgetSchema>;
export type SeriesRef = v.InferOutput<typeof SeriesRefSchema>;
