import { getDb } from './db';

/**
 * The worker's key/value documents (e.g. the audit backend's counters). The main thread has its
 * own adapter in app/persistence/.
 */

/** Reads a key/value document; undefined when absent or when IndexedDB is unavailable. */
export async function readKv<T>(key: string): Promise<T | undefined> {
  try {
    return (await (await getDb()).get('kv', key)) as T | undefined;
  } catch {
    return undefined;
  }
}

export async function writeKv(key: string, value: unknown): Promise<void> {
  await (await getDb()).put('kv', value, key);
}
