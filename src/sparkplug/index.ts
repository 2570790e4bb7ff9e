export { decodeSparkplugPayload, type BirthTypes } from './decodeSparkplugPayload';
export { encodeSparkplugPayload, type SpMetricOut, type SpPayloadOut } from './encodeSparkplugPayload';
export type { SpDataSet, SpMetric, SpPayload, SpPropertySet, SpTemplate, SpValue } from './payloadTypes';
export { parseWriteValue, type WriteValue } from './parseWriteValue';
export { sparkplugFeature, WRITE_TIMEOUT_MS } from './SparkplugFeature';
export { REBIRTH_INTERVAL_MS } from './SparkplugHost';
export type * from './types';
