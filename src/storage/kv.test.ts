import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { readKv, writeKv } from './kv';

it('stores documents and reads undefined for a missing key', async () => {
  await writeKv('siteConfig', { version: 1 });
  expect(await readKv('siteConfig')).toEqual({ version: 1 });
  expect(await readKv('missing')).toBeUndefined();
});
