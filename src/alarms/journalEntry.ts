import { valueText, type AlarmInstance } from './AlarmInstance';
import type { CompiledRule } from './compileRule';
import type { AlarmState, JournalEntry, JournalKind, JournalReasonCode, Priority } from './types';

/** What a journal entry is about: an alarm instance, a rule, a connection, or nothing (system). */
export interface JournalSubject {
  readonly ruleId: string;
  readonly ruleName: string;
  readonly priority: Priority | '';
  readonly connectionId: string;
  readonly topic: string;
  readonly value: string;
}

export const NO_SUBJECT: JournalSubject = { ruleId: '', ruleName: '', priority: '', connectionId: '', topic: '', value: '' };

export const instanceSubject = (inst: AlarmInstance): JournalSubject => ({
  ruleId: inst.rule.id,
  ruleName: inst.rule.name,
  priority: inst.rule.priority,
  connectionId: inst.connectionId,
  topic: inst.topic,
  value: valueText(inst.value),
});

/** A rule as a whole (rule edits, out of service with no instance); `rule` is undefined when only its id is known. */
export const ruleSubject = (ruleId: string, rule: CompiledRule | undefined): JournalSubject => ({
  ruleId,
  ruleName: rule?.name ?? ruleId,
  priority: rule?.priority ?? '',
  connectionId: rule?.connection ?? '',
  topic: rule?.topic ?? '',
  value: '',
});

export const connectionSubject = (connectionId: string): JournalSubject => ({ ...NO_SUBJECT, connectionId });

export interface JournalEvent {
  readonly at: number;
  readonly kind: JournalKind;
  readonly action: string;
  /** process | operator | timer | system | remote */
  readonly trigger: string;
  readonly station: string;
  readonly reason?: string;
  readonly reasonCode?: JournalReasonCode;
  readonly from?: AlarmState | '';
  readonly to?: AlarmState | '';
}

/** The one place a journal row (iiot-standards.md §1 "Alarm journal") is put together. */
export function journalEntry(subject: JournalSubject, e: JournalEvent): JournalEntry {
  return {
    at: e.at,
    kind: e.kind,
    ruleId: subject.ruleId,
    ruleName: subject.ruleName,
    priority: subject.priority,
    connectionId: subject.connectionId,
    topic: subject.topic,
    value: subject.value,
    from: e.from ?? '',
    to: e.to ?? '',
    action: e.action,
    trigger: e.trigger,
    reason: e.reason ?? '',
    station: e.station,
    ...(e.reasonCode && { reasonCode: e.reasonCode }),
  };
}
