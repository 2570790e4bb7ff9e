// decodeSparkplugPayload: the bench's bare page decodes with the same function as the engine.
// encodeSparkplugPayload: NCMD/DCMD for demo and tests. parseWriteValue: the Write dialog's check.
export { decodeSparkplugPayload } from './decodeSparkplugPayload';
export { encodeSparkplugPayload } from './encodeSparkplugPayload';
export { parseWriteValue } from './parseWriteValue';
export { sparkplugFeature } from './SparkplugFeature';
export type * from './types';
