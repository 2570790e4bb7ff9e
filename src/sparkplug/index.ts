// decodeSparkplugPayload: the bench's bare page decodes with the same function as the engine.
// parseWriteValue: the Write dialog's check.
export { decodeSparkplugPayload } from './decodeSparkplugPayload';
export { parseWriteValue } from './parseWriteValue';
export { sparkplugFeature } from './SparkplugFeature';
export type * from './types';
