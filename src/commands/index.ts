/** Commands: templates, payload editing, reply matching and the audit. The worker runs the feature; the UI uses the types and pure helpers. */
export { ReplyTracker } from './ReplyTracker';
export { PAYLOAD_ENCODINGS, checkJson, convertPayloadText, encodePayload, formatJson, isValidUtf8, summarizePayload } from './payloadCodec';
export type { PayloadEncoding } from './payloadCodec';
export { checkTemplate, confirmationText, defaultValues, renderTemplate, variableLabel } from './renderTemplate';
export type { RawValues } from './renderTemplate';
export { auditToCsv } from './AuditLog';
export type * from './types';
