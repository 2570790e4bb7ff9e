import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/storage';
import { readKv, readSecret, writeKv, writeSecret } from '.';

describe('main-thread persistence', () => {
  it('stores documents, and reads undefined for a missing key', async () => {
    await writeKv('siteConfig', { version: 1 });
    expect(await readKv('siteConfig')).toEqual({ version: 1 });
    expect(await readKv('missing')).toBeUndefined();
  });

  it('stores secrets and forgets a cleared one', async () => {
    await writeSecret('plant', 'hunter2');
    expect(await readSecret('plant')).toBe('hunter2');
    await writeSecret('plant', '');
    expect(await readSecret('plant')).toBeUndefined();
    await writeSecret('plant', 'x');
    await writeSecret('plant', undefined);
    expect(await readSecret('plant')).toBeUndefined();
  });

  it('uses the same database and stores as before, so what users stored is still found', async () => {
    const db = await getDb();
    expect(db.name).toBe('sightglass');
    await db.put('kv', 'dark', 'theme');
    await db.put('secrets', { connectionId: 'old', password: 'kept' }, 'old');
    expect(await readKv('theme')).toBe('dark');
    expect(await readSecret('old')).toBe('kept');
  });
});
