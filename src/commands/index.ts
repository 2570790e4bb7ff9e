export { ReplyTracker } from './ReplyTracker';
export type { ReplyMatch } from './ReplyTracker';
export {
  PAYLOAD_ENCODINGS, checkJson, convertPayloadText, decodePayload, encodePayload, formatJson, fromBase64, fromHex, isValidUtf8,
  summarizePayload, toBase64, toHex,
} from './payloadCodec';
export type { Converted, PayloadEncoding } from './payloadCodec';
export { checkTemplate, confirmationText, defaultValues, parseVariableValue, placeholdersIn, renderTemplate, variableLabel } from './renderTemplate';
export type { RawValues, RenderedCommand, RenderResult, VariableValue } from './renderTemplate';
export { AuditLog, DEFAULT_AUDIT_LIMITS, MemoryAuditBackend, auditToCsv, csvField, describeProperties } from './AuditLog';
export type { AuditBackend, AuditLimits } from './AuditLog';
export { IdbAuditBackend } from './IdbAuditBackend';
export { CommandsFeature, commandsFeature } from './CommandsFeature';
export type { CommandsOptions } from './CommandsFeature';
export type * from './types';
