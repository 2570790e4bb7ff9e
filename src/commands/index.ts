/** Commands: templates, payload editing, reply matching and the audit. The worker runs the feature; the UI uses the types and pure helpers. */
export { ReplyTracker } from './ReplyTracker';
export {
  PAYLOAD_ENCODINGS, checkJson, convertPayloadText, decodePayload, encodePayload, formatJson, fromBase64, fromHex, isValidUtf8,
  summarizePayload, toBase64, toHex,
} from './payloadCodec';
export type { PayloadEncoding } from './payloadCodec';
export { checkTemplate, confirmationText, defaultValues, renderTemplate, variableLabel } from './renderTemplate';
export type { RawValues } from './renderTemplate';
export { auditToCsv, csvField } from './AuditLog';
export { IdbAuditBackend } from './IdbAuditBackend';
export { commandsFeature } from './CommandsFeature';
export type * from './types';
