/**
 * Alarms: ISA-18.2 rules, state machine and journal. The worker runs the feature; the UI uses the
 * types (types.ts, type-only: src/engine/protocol.ts depends on it) and the pure helpers below.
 */

export { AlarmEngine } from './AlarmEngine';
export { AlarmsFeature } from './AlarmsFeature';
export { compileRule } from './compileRule';
export type { RuleError } from './compileRule';
export { MemoryAlarmPersistence } from './alarmPersistence';
export { parseAlarmSettings } from './alarmSettings';
export { journalToCsv } from './journalCsv';
export { PRIORITIES, STATE_TEXT } from './alarmText';
export type * from './types';

/** The worker's alarm feature: IndexedDB persistence where available, memory otherwise. */
export { workerFeature as createAlarmsFeature } from './workerFeature';
