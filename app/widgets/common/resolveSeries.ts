import type { AlarmRuleConfig, SiteConfig, WidgetConfig } from '../../../src/config';
import { seriesVariant, specKey, specOf } from '../../../src/series';
import type { WidgetSeries } from '../types';
import { defaultLabel } from './format';

/** A widget's series refs as the engine knows them, with labels, units and their alarm rules. */
export function resolveSeries(config: Pick<SiteConfig, 'connections' | 'alarms'>, widget: WidgetConfig): WidgetSeries[] {
  return widget.series.map((ref) => {
    const spec = specOf(config, ref);
    const { connection, path } = spec;
    return {
      key: specKey(spec),
      connection,
      topic: ref.topic,
      path,
      label: ref.label || defaultLabel(ref.topic, path),
      unit: ref.unit ?? widget.unit ?? '',
      alarms: config.alarms.filter((rule) => alarmTargets(rule, connection, ref.topic, path) && seriesVariant(rule) === seriesVariant(spec)),
    };
  });
}

/** True when an alarm rule watches exactly this series (its setpoint is drawn on the chart). */
export function alarmTargets(rule: AlarmRuleConfig, connection: string, topic: string, path: string): boolean {
  if (rule.enabled === false || rule.topic !== topic || (rule.path ?? '') !== path) return false;
  return !rule.connection || !connection || rule.connection === connection;
}
