import type { AlarmRuleConfig, SiteConfig, WidgetConfig } from '../../../src/config';
import { resolveConnection, seriesKey } from '../../../src/series';
import type { WidgetSeries } from '../types';
import { defaultLabel } from './format';

/** A widget's series refs as the engine knows them, with labels, units and their alarm rules. */
export function resolveSeries(config: Pick<SiteConfig, 'connections' | 'alarms'>, widget: WidgetConfig): WidgetSeries[] {
  return widget.series.map((ref) => {
    const connection = resolveConnection(config, ref.connection);
    const path = ref.path ?? '';
    return {
      key: seriesKey(connection, ref.topic, path),
      connection,
      topic: ref.topic,
      path,
      label: ref.label || defaultLabel(ref.topic, path),
      unit: ref.unit ?? widget.unit ?? '',
      alarms: config.alarms.filter((rule) => alarmTargets(rule, connection, ref.topic, path)),
    };
  });
}

/** True when an alarm rule watches exactly this series (its setpoint is drawn on the chart). */
export function alarmTargets(rule: AlarmRuleConfig, connection: string, topic: string, path: string): boolean {
  if (rule.enabled === false || rule.topic !== topic || (rule.path ?? '') !== path) return false;
  return !rule.connection || !connection || rule.connection === connection;
}
