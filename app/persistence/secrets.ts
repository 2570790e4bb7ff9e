import { getDb } from '../../src/storage';

/** Remembered connection passwords (only when the user opted in), by connection id. Main thread only. */
export async function readSecret(connectionId: string): Promise<string | undefined> {
  try {
    return (await (await getDb()).get('secrets', connectionId))?.password;
  } catch {
    return undefined;
  }
}

/** Stores the password, or forgets it when `password` is empty or undefined. */
export async function writeSecret(connectionId: string, password: string | undefined): Promise<void> {
  const db = await getDb();
  if (password) await db.put('secrets', { connectionId, password }, connectionId);
  else await db.delete('secrets', connectionId);
}
