export { decodePayload, previewPayload } from './decodePayload';
export { fromBase64, fromHex, toBase64, toHex } from './hexBase64';
export type { Parsed } from './hexBase64';
export type { DecodedPayload, PayloadDescriber, PayloadKind, SparkplugMetricValue } from './decodePayload';
export { renderPayload } from './payloadViews';
export type { PayloadView } from './payloadViews';
export { extractValue, leafText, numberOrUndefined, numericPaths, textPaths, toNumber } from './extractNumber';
export { compilePath, resolvePath, type CompiledPath } from './path';
