import { getDb } from './db';

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

export async function readSecret(connectionId: string): Promise<string | undefined> {
  try {
    return (await (await getDb()).get('secrets', connectionId))?.password;
  } catch {
    return undefined;
  }
}

export async function writeSecret(connectionId: string, password: string | undefined): Promise<void> {
  const db = await getDb();
  if (password) await db.put('secrets', { connectionId, password }, connectionId);
  else await db.delete('secrets', connectionId);
}
