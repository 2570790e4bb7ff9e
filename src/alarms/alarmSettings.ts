import * as v from 'valibot';
import type { AlarmSettings } from './types';

/**
 * Global alarm options, kept in the site config's top-level `alarmSettings` object (the
 * contract's `alarms` is a plain rule list). Both MQTT options are off unless a topic is set.
 */
const AlarmSettingsSchema = v.looseObject({
  publishTopic: v.optional(v.string()),
  shareAcksTopic: v.optional(v.string()),
  connection: v.optional(v.string()),
  journalMax: v.optional(v.pipe(v.number(), v.integer(), v.minValue(100, 'must be at least 100'))),
  maxShelveMs: v.optional(v.pipe(v.number(), v.minValue(1000, 'must be at least 1000'))),
});

/** Settings from a config value; invalid or missing fields fall back to defaults. */
export function parseAlarmSettings(raw: unknown): AlarmSettings {
  const result = v.safeParse(AlarmSettingsSchema, raw ?? {});
  if (!result.success) return {};
  const s = result.output;
  return {
    publishTopic: s.publishTopic?.trim() || undefined,
    shareAcksTopic: s.shareAcksTopic?.trim() || undefined,
    connection: s.connection?.trim() || undefined,
    journalMax: s.journalMax,
    maxShelveMs: s.maxShelveMs,
  };
}
