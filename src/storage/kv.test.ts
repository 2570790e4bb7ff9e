import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { readKv, readSecret, writeKv, writeSecret } from './kv';

it('stores documents and secrets, and forgets a cleared secret', async () => {
  await writeKv('siteConfig', { version: 1 });
  expect(await readKv('siteConfig')).toEqual({ version: 1 });
  expect(await readKv('missing')).toBeUndefined();
  await writeSecret('plant', 'hunter2');
  expect(await readSecret('plant')).toBe('hunter2');
  await writeSecret('plant', undefined);
  expect(await readSecret('plant')).toBeUndefined();
});
