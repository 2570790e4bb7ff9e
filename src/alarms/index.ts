/** Alarms: ISA-18.2 rules, state machine and journal. The worker runs the feature; the UI uses the types and pure helpers. */
import type { FeatureFactory } from '../engine/EngineFeature';
import { MemoryAlarmPersistence } from './alarmPersistence';
import { AlarmsFeature } from './AlarmsFeature';
import { IdbAlarmPersistence } from './idbAlarmPersistence';

export { AlarmEngine } from './AlarmEngine';
export { formatDuration } from './formatDuration';
export { AlarmsFeature, DEFAULT_JOURNAL_MAX } from './AlarmsFeature';
export { transition, stateOf, isAnnunciating, NORMAL } from './AlarmStateMachine';
export type { MachineState, AlarmEvent } from './AlarmStateMachine';
export { compileRule } from './compileRule';
export type { CompiledRule, RuleError, CompileResult } from './compileRule';
export { instanceKey } from './AlarmInstance';
export type { PersistedInstance } from './AlarmInstance';
export { MemoryAlarmPersistence } from './alarmPersistence';
export type { AlarmPersistence, AlarmSnapshot } from './alarmPersistence';
export { IdbAlarmPersistence } from './idbAlarmPersistence';
export { AlarmSettingsSchema, parseAlarmSettings } from './alarmSettings';
export { journalToCsv, JOURNAL_COLUMNS } from './journalCsv';
export { PRIORITIES, STATE_TEXT } from './alarmText';
export type * from './types';

/** The worker's alarm feature: IndexedDB persistence where available, memory otherwise. */
export const createAlarmsFeature: FeatureFactory = (host) =>
  new AlarmsFeature(host, typeof indexedDB === 'undefined' ? new MemoryAlarmPersistence() : new IdbAlarmPersistence(), () => new MemoryAlarmPersistence());
