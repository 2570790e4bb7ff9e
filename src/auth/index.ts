/** Authentication helpers: presets, SigV4 (AWS IoT), SAS tokens (Azure IoT Hub), passphrase encryption. All WebCrypto, no DOM. */
export { PRESETS, presetById, customAuthorizerUsername, customAuthorizerOf, CUSTOM_AUTHORIZER_PARAM } from './presets';
export type { BrokerPreset, PresetId, PresetAuth } from './presets';
export { awsIotPresignedUrl, presignUrl, regionFromIotEndpoint, signingKey, signature, canonicalRequest, stringToSign, uriEncode, amzDate, EMPTY_SHA256 } from './sigv4';
export type { AwsCredentials, PresignOptions } from './sigv4';
export { sasToken, azureDeviceToken, azureConnectionFields, azureHubHost, AZURE_API_VERSION } from './azureSas';
export { encryptSecret, decryptSecret, isEncryptedSecret, PBKDF2_ITERATIONS } from './secretBox';
export { resolveAuth, parseAuthSpec, packAwsCredentials, unpackAwsCredentials, DEFAULT_SAS_TTL_S } from './resolveAuth';
export type { ResolvedAuth } from './resolveAuth';
export type { AuthSpec } from './types';
