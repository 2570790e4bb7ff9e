import { assertNever } from '../engine';
import { instanceKey } from './AlarmInstance';

/**
 * The messages screens exchange on the shared-acknowledgement topic (`alarmSettings.shareAcksTopic`).
 * Alarms are named by rule id and topic, never by anything screen-local. Times are absolute (ms
 * since the epoch), so every screen expires a shelve at the same moment.
 *
 * - `acknowledge` / `unshelve` / `reset`: `{type, station, at, alarms: [{ruleId, topic}]}`
 * - `shelve`: the same plus `until` (absolute expiry) and `reason`
 * - `snapshot` (published retained after each action, so a screen that joins later learns the
 *   current shelves, recent resets and acknowledgements): `{type, station, at,
 *   shelves: [{ruleId, topic, until, reason}], resets: [{ruleId, topic, at}], acks: [{ruleId, topic, at}]}`.
 *   An ack's `at` names the activation it acknowledged: the one standing at that time (remoteActions.ts).
 *   Snapshots written before acks were shared have no `acks`.
 *
 * Whatever arrives there is untrusted: anything else is rejected whole, with the reason in words.
 */
export type SharedMessage =
  | { readonly type: 'acknowledge' | 'unshelve' | 'reset'; readonly station: string; readonly at: number; readonly keys: readonly string[] }
  | { readonly type: 'shelve'; readonly station: string; readonly at: number; readonly until: number; readonly reason: string; readonly keys: readonly string[] }
  | { readonly type: 'snapshot'; readonly station: string; readonly at: number; readonly shelves: readonly SharedShelf[]; readonly resets: readonly SharedReset[]; readonly acks: readonly SharedAck[] };

export interface SharedShelf {
  readonly key: string;
  readonly until: number;
  readonly reason: string;
}

export interface SharedReset {
  readonly key: string;
  readonly at: number;
}

/** An acknowledgement at `at`, of the activation standing then. */
export type SharedAck = SharedReset;

/** Most alarms in one event (a hostile message is bounded). */
export const MAX_SHARED_KEYS = 10_000;
/** Most entries in a snapshot, each list: a retained message stays small. */
export const MAX_SNAPSHOT_SHELVES = 500;
export const MAX_SNAPSHOT_RESETS = 200;
/** Acks: about 75 bytes each; 1 000 keeps the snapshot far below the ~150 KB where Mosquitto 2.0.11 over WebSockets stalls. */
export const MAX_SNAPSHOT_ACKS = 1000;
/** Longest reason and station name kept. */
const MAX_REASON = 200;
const MAX_STATION = 100;
const MAX_ID = 1000;

type Decoded = { readonly ok: true; readonly msg: SharedMessage } | { readonly ok: false; readonly error: string };

const fail = (error: string): Decoded => ({ ok: false, error });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A message from the topic: the JSON value as decoded, or undefined when the payload was not JSON. */
export function decodeShared(json: unknown): Decoded {
  if (!isRecord(json)) return fail('not a JSON object');
  const { type, station } = json;
  if (typeof station !== 'string' || !station || station.length > MAX_STATION) return fail('no valid station');
  // Older screens sent acknowledgements without `at`.
  const at = json.at === undefined && type === 'acknowledge' ? 0 : json.at;
  if (!isTime(at)) return fail('no valid time');
  if (type === 'snapshot') return decodeSnapshot(json, station, at);
  if (type !== 'acknowledge' && type !== 'unshelve' && type !== 'reset' && type !== 'shelve') return fail(`unknown type ${JSON.stringify(String(type).slice(0, 40))}`);
  const keys = decodeAlarms(json.alarms, MAX_SHARED_KEYS);
  if (typeof keys === 'string') return fail(keys);
  if (type !== 'shelve') return { ok: true, msg: { type, station, at, keys } };
  if (!isTime(json.until)) return fail('shelve without a valid expiry time');
  const reason = json.reason ?? '';
  if (typeof reason !== 'string') return fail('shelve reason is not text');
  return { ok: true, msg: { type, station, at, until: json.until, reason: reason.slice(0, MAX_REASON), keys } };
}

function decodeSnapshot(json: Record<string, unknown>, station: string, at: number): Decoded {
  const { shelves, resets, acks = [] } = json;
  if (!Array.isArray(shelves) || shelves.length > MAX_SNAPSHOT_SHELVES) return fail('snapshot shelves missing or too many');
  if (!Array.isArray(resets) || resets.length > MAX_SNAPSHOT_RESETS) return fail('snapshot resets missing or too many');
  if (!Array.isArray(acks) || acks.length > MAX_SNAPSHOT_ACKS) return fail('snapshot acks not a list or too many');
  const outShelves: SharedShelf[] = [];
  for (const s of shelves) {
    const key = alarmKey(s);
    if (key === null || !isTime(s.until) || (s.reason !== undefined && typeof s.reason !== 'string')) return fail('a snapshot shelf is not valid');
    outShelves.push({ key, until: s.until, reason: ((s.reason as string | undefined) ?? '').slice(0, MAX_REASON) });
  }
  const outResets = timedKeys(resets);
  if (!outResets) return fail('a snapshot reset is not valid');
  const outAcks = timedKeys(acks);
  if (!outAcks) return fail('a snapshot ack is not valid');
  return { ok: true, msg: { type: 'snapshot', station, at, shelves: outShelves, resets: outResets, acks: outAcks } };
}

/** `[{ruleId, topic, at}]` → keys with times, or null when any entry is not valid. */
function timedKeys(list: readonly unknown[]): SharedReset[] | null {
  const out: SharedReset[] = [];
  for (const r of list) {
    const key = alarmKey(r);
    if (key === null || !isRecord(r) || !isTime(r.at)) return null;
    out.push({ key, at: r.at });
  }
  return out;
}

function decodeAlarms(alarms: unknown, max: number): string[] | string {
  if (!Array.isArray(alarms)) return 'no alarm list';
  if (alarms.length > max) return `too many alarms (${alarms.length} > ${max})`;
  const keys: string[] = [];
  for (const a of alarms) {
    const key = alarmKey(a);
    if (key === null) return 'an alarm without a valid rule id and topic';
    keys.push(key);
  }
  return keys;
}

/** `{ruleId, topic}` → instance key, or null. The key separator must not hide in either part. */
function alarmKey(a: unknown): string | null {
  if (!isRecord(a)) return null;
  const { ruleId, topic } = a;
  if (typeof ruleId !== 'string' || typeof topic !== 'string' || !ruleId || !topic) return null;
  if (ruleId.length > MAX_ID || topic.length > 65_535 || ruleId.includes('\u001f') || topic.includes('\u001f')) return null;
  return instanceKey(ruleId, topic);
}

const alarmOf = (key: string) => {
  const at = key.indexOf('\u001f');
  return { ruleId: key.slice(0, at), topic: key.slice(at + 1) };
};

/** The JSON text of a message (the inverse of decodeShared; snapshots are cut to their bounds). */
export function encodeShared(msg: SharedMessage): string {
  const head = { type: msg.type, station: msg.station, at: msg.at };
  switch (msg.type) {
    case 'acknowledge':
    case 'unshelve':
    case 'reset':
      return JSON.stringify({ ...head, alarms: msg.keys.map(alarmOf) });
    case 'shelve':
      return JSON.stringify({ ...head, until: msg.until, reason: msg.reason.slice(0, MAX_REASON), alarms: msg.keys.map(alarmOf) });
    case 'snapshot':
      return JSON.stringify({
        ...head,
        shelves: msg.shelves.slice(0, MAX_SNAPSHOT_SHELVES).map((s) => ({ ...alarmOf(s.key), until: s.until, reason: s.reason.slice(0, MAX_REASON) })),
        resets: msg.resets.slice(0, MAX_SNAPSHOT_RESETS).map((r) => ({ ...alarmOf(r.key), at: r.at })),
        acks: msg.acks.slice(0, MAX_SNAPSHOT_ACKS).map((a) => ({ ...alarmOf(a.key), at: a.at })),
      });
    default:
      return assertNever(msg, 'shared alarm message');
  }
}
