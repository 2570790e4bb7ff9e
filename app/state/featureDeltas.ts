import type { Delta } from '../../src/engine/protocol';
import { applySeriesDelta } from './seriesStore';
import { applyAlarmDelta } from './alarmStore';
import { applyCommandsDelta } from '../commands/auditStore';
import { applyRowsDelta } from '../rows/rowsStore';
import { applySparkplugDelta } from '../sparkplug/sparkplugStore';

type FeatureParts = NonNullable<Delta['features']>;

/** Routes each feature's part of a delta to that feature's store. Add one line per feature. */
export function applyFeatureDeltas(parts: FeatureParts): void {
  if (parts.series) applySeriesDelta(parts.series);
  if (parts.alarms) applyAlarmDelta(parts.alarms);
  if (parts.commands) applyCommandsDelta(parts.commands);
  if (parts.rows) applyRowsDelta(parts.rows);
  if (parts.sparkplug) applySparkplugDelta(parts.sparkplug);
}
