import type { FeatureCommandFor, FeatureDeltas } from '../../src/engine/protocol';

// The Sparkplug contract types as the UI needs them, read off the protocol (the UI reaches src/
// only through protocol.ts and capability index files).

export type SparkplugDelta = NonNullable<FeatureDeltas['sparkplug']>;
export type SparkplugCommand = FeatureCommandFor<'sparkplug'>;
export type SparkplugEntity = NonNullable<SparkplugDelta['entities']>[number];
export type SparkplugTarget = Extract<SparkplugCommand, { type: 'sparkplug/rebirth' }>['target'];
export type SparkplugMetricView = NonNullable<SparkplugDelta['metrics']>['metrics'][number];
export type SparkplugWriteResult = NonNullable<SparkplugDelta['writes']>[number];
export type SparkplugWriteState = SparkplugWriteResult['state'];
export type SparkplugState = SparkplugEntity['state'];
