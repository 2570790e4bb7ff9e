import { getDb } from './db';

/**
 * Key/value documents in the `kv` store, for the worker (e.g. the audit counters) and, through
 * app/persistence/, for the main thread.
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
