/**
 * MQTT sessions: the connection state machine, reason codes, outage events. The worker imports
 * `MqttSession` from './MqttSession' directly (it pulls in mqtt.js); everything here is light.
 */
export { OutageTracker, formatDuration } from './OutageTracker';
export type { ConnectionEvent } from './OutageTracker';
export { backoffDelay, describeSessionState, initialSessionState, nextSessionState } from './connectionState';
export type { SessionEvent, SessionState } from './connectionState';
export { describeReasonCode, describeConnack, describeSubackCode, isAuthRefusal } from './reasonCodes';
export type * from './types';
