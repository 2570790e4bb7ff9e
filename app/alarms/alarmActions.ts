import { parseAlarmSettings, type JournalEntry, type JournalFilter } from '../../src/alarms';
import { engine } from '../engine/engineClient';
import { awaitJournalResult } from '../state/alarmStore';
import { useSiteStore, type SiteState } from '../state/siteStore';

// Actions (UI → worker). The answers come back in the alarms part of the next delta.

export function acknowledgeAlarms(keys: readonly string[]): void {
  if (keys.length) engine.send({ type: 'alarms/acknowledge', keys });
}

export function shelveAlarms(keys: readonly string[], durationMs: number, reason: string): void {
  engine.send({ type: 'alarms/shelve', keys, durationMs, reason });
}

export function unshelveAlarms(keys: readonly string[]): void {
  engine.send({ type: 'alarms/unshelve', keys });
}

/** Resets latched alarms; the worker refuses those still active or not acknowledged (ISA-18.2 F → A). */
export function resetAlarms(keys: readonly string[]): void {
  if (keys.length) engine.send({ type: 'alarms/reset', keys });
}

export function setRuleService(ruleId: string, inService: boolean, reason: string): void {
  engine.send({ type: 'alarms/service', ruleId, inService, reason });
}

/** Asks the worker to evaluate a rule (as edited) against the last value; the answer arrives in `tests[reqId]`. */
export function requestRuleTest(rule: unknown): number {
  const reqId = engine.newRequestId();
  engine.send({ type: 'alarms/test', reqId, rule });
  return reqId;
}

/** A worker that does not answer (restarting, stuck) must not leave the journal view waiting forever. */
const JOURNAL_TIMEOUT_MS = 30_000;

/**
 * Journal entries matching the filter, newest first. The worker reads them from wherever it
 * keeps the journal (IndexedDB, or memory when the database was unavailable).
 */
export async function queryJournal(filter: JournalFilter): Promise<JournalEntry[]> {
  const reqId = engine.newRequestId();
  const wait = awaitJournalResult(reqId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the engine did not answer')), JOURNAL_TIMEOUT_MS);
  });
  engine.send({ type: 'alarms/journalQuery', reqId, filter });
  try {
    const answer = await Promise.race([wait.result, timeout]);
    if (answer.error !== undefined) throw new Error(answer.error);
    return [...answer.entries];
  } finally {
    clearTimeout(timer);
    wait.cancel();
  }
}

// ---------------------------------------------------------------------------------------------
// Rules follow the site configuration: sent once it is loaded (start-up) and whenever the
// `alarms` list or the top-level `alarmSettings` object changes.

const STATION_KEY = 'sightglass.station';

/** This screen's name in the journal and in shared acknowledgements; stable across reloads. */
function stationId(): string {
  try {
    let id = localStorage.getItem(STATION_KEY);
    if (!id) {
      id = `screen-${crypto.randomUUID().slice(0, 8)}`;
      localStorage.setItem(STATION_KEY, id);
    }
    return id;
  } catch {
    return 'screen';
  }
}

let sentAlarms: unknown = null;
let sentSettings: unknown = null;

function syncRules(s: SiteState): void {
  // Never before the stored/served configuration is loaded: an empty first rule set would make
  // the worker forget the alarm states it restored.
  if (!s.loaded) return;
  const settings = (s.config as Record<string, unknown>).alarmSettings;
  if (s.config.alarms === sentAlarms && settings === sentSettings) return;
  sentAlarms = s.config.alarms;
  sentSettings = settings;
  engine.send({ type: 'alarms/rules', rules: s.config.alarms, settings: parseAlarmSettings(settings), station: stationId() });
}

let started = false;

/** Starts following the configuration; called once at start-up (before the configuration loads). */
export function startAlarmSync(): void {
  if (started) return;
  started = true;
  useSiteStore.subscribe(syncRules);
  syncRules(useSiteStore.getState());
}

/** Rule editor changes go into the site configuration (persisted, exported with it). */
export function saveAlarmSettings(value: Record<string, unknown>): void {
  useSiteStore.setState((s) => ({ config: { ...s.config, alarmSettings: value } }));
}

/** Adds or replaces (by its original id) a rule in the site configuration. */
export function saveRule(rule: Record<string, unknown>, originalId: string | null): void {
  useSiteStore.setState((s) => {
    const alarms = [...s.config.alarms] as unknown[];
    const at = originalId === null ? -1 : s.config.alarms.findIndex((r) => r.id === originalId);
    if (at >= 0) alarms[at] = rule;
    else alarms.push(rule);
    return { config: { ...s.config, alarms: alarms as SiteState['config']['alarms'] } };
  });
}

export function deleteRule(id: string): void {
  useSiteStore.setState((s) => ({ config: { ...s.config, alarms: s.config.alarms.filter((r) => r.id !== id) } }));
}
