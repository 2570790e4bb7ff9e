/** Authentication helpers: presets, SigV4 (AWS IoT), SAS tokens (Azure IoT Hub), passphrase encryption. All WebCrypto, no DOM. */
export { PRESETS, presetById, customAuthorizerUsername, customAuthorizerOf } from './presets';
export type { PresetId } from './presets';
export { regionFromIotEndpoint } from './sigv4';
export { azureConnectionFields } from './azureSas';
export { encryptSecret, decryptSecret, isEncryptedSecret } from './secretBox';
export { resolveAuth, parseAuthSpec, packAwsCredentials, unpackAwsCredentials, DEFAULT_SAS_TTL_S } from './resolveAuth';
export type { ResolvedAuth } from './resolveAuth';
export type { AuthSpec } from './types';
