export { decodePayload, previewPayload, toHex } from './decodePayload';
export type { DecodedPayload, PayloadKind } from './decodePayload';
export { renderPayload } from './payloadViews';
export type { PayloadView } from './payloadViews';
export { extractValue, leafText, numberOrUndefined, numericPaths, textPaths, toNumber } from './extractNumber';
export { compilePath, resolvePath, type CompiledPath } from './path';
