import * as v from 'valibot';
import { BROKER_URL_PATTERN } from './brokerUrl';

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
  url: v.pipe(v.string('must be a ws:// or wss:// URL'), v.regex(BROKER_URL_PATTERN, 'must be a ws:// or wss:// URL')),
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
  /** Sparkplug B 3.0 primary host (ui-contract.md "Sparkplug B"): STATE birth/will on `spBv1.0/STATE/<hostId>`. */
  sparkplug: v.optional(
    v.looseObject({
      hostId: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.regex(/^[^+/#]+$/, 'must not contain +, / or #'))),
    }),
  ),
});

/**
 * Counter handling and aggregates (issue 15), on series and alarm rules: `rate` per second or
 * `increase` per `interval` (local time), both surviving resets; `aggregate` across a wildcard.
 */
const derivedFields = {
  transform: v.optional(v.picklist(['rate', 'increase'], 'must be rate or increase')),
  interval: v.optional(v.pipe(v.string(), v.regex(/^\s*\d{1,4}\s*[smhdw]\s*$/, 'must be a number and a unit: 15m, 1h, 8h, 1d, 1w'))),
  aggregate: v.optional(v.picklist(['sum', 'avg', 'min', 'max'], 'must be sum, avg, min or max')),
  /** A counter's wrap boundary (e.g. 65536); 2^32 and 2^64 are inferred. */
  wrapAt: v.optional(v.pipe(v.number(), v.minValue(2))),
  /** A factor applied last, after transform and aggregate: 3600 turns a kWh counter's rate (kWh/s) into kW. */
  scale: v.optional(v.pipe(v.number(), v.finite(), v.check((n) => n !== 0, 'must not be 0'))),
};

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
  /** ISA-18.2 latching: after the condition clears the alarm stays until an operator resets it. */
  latch: v.optional(v.boolean()),
  /** `state`: any of these texts also matches (besides `setpoint`). */
  states: v.optional(v.array(v.string())),
  /** Operator texts from the master alarm database (ISA-18.2 rationalization). */
  message: v.optional(v.string()),
  consequence: v.optional(v.string()),
  action: v.optional(v.string()),
  /** Suppression by design: while this condition on another topic holds, the alarm is suppressed. */
  suppressWhen: v.optional(v.looseObject({
    connection: v.optional(v.string()),
    topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    path: v.optional(v.string(), ''),
    condition: v.picklist(['above', 'below', 'equal', 'not-equal'], 'must be one of above, below, equal, not-equal'),
    value: v.union([v.number(), v.string(), v.boolean()], 'must be a number, text or true/false'),
  })),
  ...derivedFields,
});

export const SeriesRefSchema = v.looseObject({
  connection: v.optional(v.string()),
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  path: v.optional(v.string(), ''),
  label: v.optional(v.string()),
  unit: v.optional(v.string()),
  /** The payload's own time field (`ts`: ms since epoch or ISO); receive time when absent. */
  timePath: v.optional(v.string()),
  ...derivedFields,
});

const priority = v.picklist(['critical', 'high', 'medium', 'low'], 'must be critical, high, medium or low');

/** A click on a table row opens this dashboard with `variable` set to the row's key (issue 15). */
const RowLinkSchema = v.looseObject({ dashboard: id, variable: v.optional(v.string()) });

/** Table widget column (issue 15): a payload path of each row's topic, with its unit and bands. */
export const TableColumnSchema = v.looseObject({
  title: v.optional(v.string(), ''),
  path: v.optional(v.string(), ''),
  unit: v.optional(v.string()),
  decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  bands: v.optional(v.array(v.looseObject({ from: v.number(), to: v.number(), priority: v.optional(priority) }))),
  link: v.optional(RowLinkSchema),
});

/** Dashboard variable (issue 15): its values are what the wildcard of `topic` matched. */
export const DashboardVariableSchema = v.looseObject({
  name: v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'must be letters, digits, _ or -, not starting with a digit')),
  connection: v.optional(v.string()),
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  label: v.optional(v.string()),
});

/** Widget fields (issue 4). Type-specific ones are optional; widgets ignore what they do not use. */
export const WidgetSchema = v.looseObject({
  id,
  type: v.pipe(v.string(), v.minLength(1)),
  title: v.optional(v.string(), ''),
  series: v.optional(v.array(SeriesRefSchema), []),
  unit: v.optional(v.string()),
  decimals: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))),
  /** Gauge range, or a line chart's fixed y axis (auto when absent). */
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  /** Line chart live window: 1m, 5m, 15m, 1h or all. */
  window: v.optional(v.picklist(['1m', '5m', '15m', '1h', 'all'], 'must be 1m, 5m, 15m, 1h or all')),
  /** Bar widget: how many intervals it shows, newest last. */
  bars: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  /** Older data (or a lost connection) gives the widget its stale look. */
  staleAfterMs: v.optional(v.pipe(v.number(), v.minValue(0))),
  /** Gauge bands; a priority colours the band as abnormal, none keeps it grey. */
  bands: v.optional(v.array(v.looseObject({ from: v.number(), to: v.number(), priority: v.optional(priority) }))),
  /** Lamp: a state value (text, number or true/false) shown as text; a priority marks it abnormal. */
  states: v.optional(v.array(v.looseObject({ value: v.union([v.string(), v.number(), v.boolean()]), text: v.optional(v.string()), priority: v.optional(priority) }))),
  /** Table (issue 15): a row per topic matching `rows.topic`, a cell per column. */
  rows: v.optional(v.looseObject({ connection: v.optional(v.string()), topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')) })),
  columns: v.optional(v.array(TableColumnSchema)),
  /** Table: a click on a row opens this dashboard with the row's key as its variable (else the row's topic). */
  link: v.optional(RowLinkSchema),
  /** Map (issue 15): a marker per topic matching `topic` (a wildcard filter), at its `lat`/`lon` paths. */
  positions: v.optional(v.looseObject({
    connection: v.optional(v.string()),
    topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
    lat: v.optional(v.string(), 'lat'),
    lon: v.optional(v.string(), 'lon'),
    /** More payload paths shown in a marker's details (e.g. speed, fuel). */
    fields: v.optional(v.array(v.string())),
  })),
  /** Map basemap: an `{z}/{x}/{y}` raster tile URL template or a `.pmtiles` file (relative to index.html); none = a plain graticule. */
  tiles: v.optional(v.string()),
  /** Map: how many recent positions each marker's trail keeps (0 = no trail). */
  trail: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(500))),
  /** Map: marker colour from a payload field: value (as text) → `alarm` or a priority; other values stay grey. */
  colorBy: v.optional(v.looseObject({
    path: v.string(),
    values: v.optional(v.record(v.string(), v.picklist(['alarm', 'critical', 'high', 'medium', 'low', 'normal'], 'must be alarm, critical, high, medium, low or normal')), {}),
  })),
  /** Place on the dashboard grid (12 columns); placed automatically when absent. */
  layout: v.optional(v.looseObject({
    x: v.pipe(v.number(), v.integer(), v.minValue(0)),
    y: v.pipe(v.number(), v.integer(), v.minValue(0)),
    w: v.pipe(v.number(), v.integer(), v.minValue(1)),
    h: v.pipe(v.number(), v.integer(), v.minValue(1)),
  })),
});

export const DashboardSchema = v.looseObject({
  id,
  name: v.optional(v.string()),
  widgets: v.optional(v.array(WidgetSchema), []),
  /** Values from what a wildcard matched; widgets use `${name}` in topics (issue 15). */
  variables: v.optional(v.array(DashboardVariableSchema)),
});

/** A command template's typed variable, used as `${name}` in the topic and payload. */
export const CommandVariableSchema = v.looseObject({
  name: v.pipe(v.string(), v.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be letters, digits or _, not starting with a digit')),
  type: v.optional(v.picklist(['number', 'integer', 'string', 'boolean', 'choice'], 'must be number, integer, string, boolean or choice'), 'number'),
  label: v.optional(v.string()),
  min: v.optional(v.number()),
  max: v.optional(v.number()),
  step: v.optional(v.pipe(v.number(), v.minValue(0))),
  unit: v.optional(v.string()),
  choices: v.optional(v.array(v.union([v.string(), v.number()]))),
  default: v.optional(v.union([v.string(), v.number(), v.boolean()])),
});

/** A named command (issue 6): what to publish, how, and what the operator must confirm first. */
export const CommandTemplateSchema = v.looseObject({
  id,
  name: v.optional(v.string()),
  connection: v.optional(v.string()),
  topic: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
  payload: v.optional(v.string(), ''),
  encoding: v.optional(v.picklist(['text', 'json', 'hex', 'base64'], 'must be text, json, hex or base64'), 'text'),
  qos: v.optional(qos, 1),
  retain: v.optional(v.boolean(), false),
  variables: v.optional(v.array(CommandVariableSchema), []),
  confirm: v.optional(v.string()),
  properties: v.optional(
    v.looseObject({
      userProperties: v.optional(v.record(v.string(), v.union([v.string(), v.array(v.string())]))),
      contentType: v.optional(v.string()),
      payloadFormatIndicator: v.optional(v.boolean()),
      messageExpiryInterval: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(0xffffffff))),
      responseTopic: v.optional(v.string()),
      correlationData: v.optional(v.string()),
    }),
  ),
  replyTimeoutMs: v.optional(v.pipe(v.number(), v.minValue(1))),
});

export const SiteConfigSchema = v.looseObject({
  version: v.literal(CONFIG_VERSION, 'must be 1'),
  connections: v.optional(v.array(ConnectionSchema), []),
  alarms: v.optional(v.array(AlarmRuleSchema), []),
  dashboards: v.optional(v.array(DashboardSchema), []),
  /** Command templates; absent stays absent so a config.json without it keeps local templates. */
  commands: v.optional(v.array(CommandTemplateSchema)),
});

export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;
export type ConnectionConfig = v.InferOutput<typeof ConnectionSchema>;
export type AlarmRuleConfig = v.InferOutput<typeof AlarmRuleSchema>;
export type DashboardConfig = v.InferOutput<typeof DashboardSchema>;
export type WidgetConfig = v.InferOutput<typeof WidgetSchema>;
export type SeriesRef = v.InferOutput<typeof SeriesRefSchema>;
export type TableColumnConfig = v.InferOutput<typeof TableColumnSchema>;
export type DashboardVariableConfig = v.InferOutput<typeof DashboardVariableSchema>;
export type CommandTemplateConfig = v.InferOutput<typeof CommandTemplateSchema>;
export type CommandVariableConfig = v.InferOutput<typeof CommandVariableSchema>;
