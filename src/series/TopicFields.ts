import { numericPaths, textPaths, type DecodedPayload } from '../payload';
import type { TopicSuggestion } from './types';

interface Entry {
  readonly connection: string;
  readonly topic: string;
  fields: string[];
  textFields: string[];
  nextScanAt: number;
  /** The newest payload's text (short payloads only: text is far smaller than parsed JSON). */
  last: string | null;
  lastJson: boolean;
  lastAt: number;
}

/** Payloads longer than this are not kept as a topic's newest value (bounds the index: 20 000 × 1 KiB). */
const MAX_KEPT_TEXT = 1024;

const MAX_FIELDS = 64;
const MAX_TEXT_FIELDS = 16;

function merge(into: string[], found: readonly string[]): void {
  for (const f of found) if (into.length < MAX_FIELDS && !into.includes(f)) into.push(f);
}

/**
 * Per topic, the numeric fields seen so far, for the "Add widget" autocomplete. A topic's
 * payload is walked on its first message and then at most every `rescanMs`, not on every
 * message; the index holds at most `maxTopics` topics and counts the ones it had to skip.
 */
export class TopicFields {
  private readonly byConn = new Map<string, Map<string, Entry>>();
  private count = 0;
  dropped = 0;

  constructor(
    private readonly maxTopics = 20_000,
    private readonly rescanMs = 10_000,
  ) {}

  observe(connection: string, topic: string, decoded: DecodedPayload, now: number): void {
    let topics = this.byConn.get(connection);
    if (!topics) this.byConn.set(connection, (topics = new Map()));
    let entry = topics.get(topic);
    const usable = (decoded.kind === 'json' || decoded.kind === 'text') && (decoded.text?.length ?? Infinity) <= MAX_KEPT_TEXT;
    if (entry) {
      entry.last = usable ? decoded.text! : null;
      entry.lastJson = decoded.kind === 'json';
      entry.lastAt = now;
      if (now < entry.nextScanAt) return;
    }
    // Sparkplug B: the metric names are the fields (numericPaths/textPaths list them).
    if (decoded.kind !== 'json' && decoded.kind !== 'text' && decoded.kind !== 'sparkplug') return;
    if (!entry) {
      if (this.count >= this.maxTopics) {
        this.dropped++;
        return;
      }
      entry = { connection, topic, fields: [], textFields: [], nextScanAt: 0, last: usable ? decoded.text! : null, lastJson: decoded.kind === 'json', lastAt: now };
      topics.set(topic, entry);
      this.count++;
    }
    entry.nextScanAt = now + this.rescanMs;
    merge(entry.fields, numericPaths(decoded, MAX_FIELDS));
    merge(entry.textFields, textPaths(decoded, MAX_TEXT_FIELDS));
  }

  /**
   * A topic's newest payload, so a series tracked after its topic last spoke (a retained state,
   * a slow sensor) shows a value at once. `connection` '' takes the newest on any connection.
   */
  lastOf(connection: string, topic: string): { connection: string; decoded: DecodedPayload; at: number } | undefined {
    let best: Entry | undefined;
    for (const [conn, topics] of this.byConn) {
      if (connection && conn !== connection) continue;
      const e = topics.get(topic);
      if (e && e.last !== null && (!best || e.lastAt > best.lastAt)) best = e;
    }
    if (!best || best.last === null) return undefined;
    let decoded: DecodedPayload = { kind: 'text', text: best.last };
    if (best.lastJson) {
      try {
        decoded = { kind: 'json', text: best.last, json: JSON.parse(best.last) };
      } catch {
        // It parsed when it arrived; keep it as text if not.
      }
    }
    return { connection: best.connection, decoded, at: best.lastAt };
  }

  fieldsOf(connection: string, topic: string): readonly string[] {
    return this.byConn.get(connection)?.get(topic)?.fields ?? [];
  }

  /**
   * Topics containing `text` (case-insensitive); prefix matches first, then topics with numeric
   * fields, then shorter topics.
   */
  suggest(text: string, limit = 50): TopicSuggestion[] {
    const needle = text.trim().toLowerCase();
    const hits: { e: Entry; rank: number }[] = [];
    for (const topics of this.byConn.values()) {
      for (const e of topics.values()) {
        const lower = e.topic.toLowerCase();
        const at = needle ? lower.indexOf(needle) : 0;
        if (at < 0) continue;
        hits.push({ e, rank: (at === 0 ? 0 : 2) + (e.fields.length ? 0 : 1) });
      }
    }
    hits.sort((a, b) => a.rank - b.rank || a.e.topic.length - b.e.topic.length || (a.e.topic < b.e.topic ? -1 : 1));
    return hits.slice(0, limit).map(({ e }) => ({
      connection: e.connection, topic: e.topic, fields: [...e.fields], textFields: [...e.textFields], ...(e.last !== null ? { last: e.last } : {}),
    }));
  }
}
