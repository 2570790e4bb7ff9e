import { getDb } from '../../src/storage';

/**
 * Main-thread key/value documents (theme, recent messages, the stored site configuration) in the
 * `kv` store of the one Sightglass database, opened through src/storage's schema so nothing
 * users stored before moves. The worker's stores (journal, series, alarm states, audit) are not
 * read from here.
 */

/** Undefined when absent or when IndexedDB is unavailable (private mode, blocked storage). */
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
