export { decodePayload, previewPayload, toHex, MAX_JSON_PARSE_BYTES } from './decodePayload';
export type { DecodedPayload, PayloadKind } from './decodePayload';
export { renderPayload, hexDump, toBase64 } from './payloadViews';
export type { PayloadView } from './payloadViews';
export { extractNumber, extractValue, leafText, numberOrUndefined, numericPaths, parsePath, textPaths, toNumber } from './extractNumber';
export { compilePath, resolvePath, type CompiledPath, type PathSegment } from './path';
