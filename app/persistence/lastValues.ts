import { readKv, writeKv } from './kv';

/**
 * The newest value of each lamp, stat and gauge series, kept across reloads (issue 16: "lamp and
 * stat widgets restore their last state after a reload, as charts already do"). Charts restore
 * from the worker's point history (src/series, saved every 5 s, numbers only); a lamp's state is
 * text and a stat needs no history, so the main thread keeps one small document of newest values
 * in the `kv` store. Widgets show these as stale until a live message comes.
 */
export interface StoredValue {
  readonly value: number | null;
  readonly text?: string;
  /** Series time. */
  readonly t: number;
  /** When it was received (ms since epoch). */
  readonly at: number;
}

export const LAST_VALUES_KV_KEY = 'widgetLastValues';
/** Bounded: the oldest received values go first. */
export const MAX_LAST_VALUES = 1000;
/** Text values are cut to this many characters (a lamp shows a state word, not a document). */
const MAX_TEXT = 200;

const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** The stored document, from untrusted storage: anything malformed is left out. */
export function parseLastValues(doc: unknown): Map<string, StoredValue> {
  const out = new Map<string, StoredValue>();
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return out;
  for (const [key, v] of Object.entries(doc as Record<string, unknown>)) {
    if (!v || typeof v !== 'object') continue;
    const { value, text, t, at } = v as Record<string, unknown>;
    if (!(value === null || (typeof value === 'number' && Number.isFinite(value))) || !isTime(t) || !isTime(at)) continue;
    out.set(key, { value, ...(typeof text === 'string' ? { text: text.slice(0, MAX_TEXT) } : {}), t, at });
  }
  return out;
}

/** The values to store: the newest `max` by receive time. */
export function boundLastValues(values: ReadonlyMap<string, StoredValue>, max = MAX_LAST_VALUES): Record<string, StoredValue> {
  const entries = [...values.entries()];
  if (entries.length > max) entries.sort((a, b) => b[1].at - a[1].at).length = max;
  return Object.fromEntries(entries);
}

export interface LastValues {
  /** The stored values (read once per page). */
  load(): Promise<ReadonlyMap<string, StoredValue>>;
  /** Notes a live value; written shortly after, coalesced, and on leaving the page. */
  remember(key: string, v: StoredValue): void;
  /** Writes what is pending now. */
  flush(): Promise<void>;
}

interface Kv {
  read(key: string): Promise<unknown>;
  write(key: string, value: unknown): Promise<void>;
}

export function createLastValues(kv: Kv = { read: readKv, write: writeKv }, delayMs = 1000): LastValues {
  let loaded: Promise<Map<string, StoredValue>> | null = null;
  const pending = new Map<string, StoredValue>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let listening = false;

  const load = () => (loaded ??= kv.read(LAST_VALUES_KV_KEY).then(parseLastValues, () => new Map<string, StoredValue>()));

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (!pending.size) return;
    const values = await load();
    for (const [key, v] of pending) values.set(key, v);
    pending.clear();
    await kv.write(LAST_VALUES_KV_KEY, boundLastValues(values)).catch(() => undefined);
  }

  return {
    load,
    flush,
    remember(key, v) {
      pending.set(key, v);
      // A reload within the delay still keeps the value: the write starts as the page goes.
      if (!listening && typeof window !== 'undefined') {
        listening = true;
        window.addEventListener('pagehide', () => void flush());
      }
      timer ??= setTimeout(() => void flush(), delayMs);
    },
  };
}

/** The page's one store of last values. */
export const lastValues: LastValues = createLastValues();
