/**
 * MQTT sessions: their types and outage events. The worker imports
 * `MqttSession` from './MqttSession' directly (it pulls in mqtt.js); everything here is light.
 */
export { OutageTracker } from './OutageTracker';
export type * from './types';
