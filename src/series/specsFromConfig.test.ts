import { expect, it } from 'vitest';
import { parseSiteConfig } from '../config';
import { specsFromConfig } from './specsFromConfig';

it('lists each dashboard series once, with the only connection filled in and a time field kept', () => {
  const parsed = parseSiteConfig({
    version: 1,
    connections: [{ id: 'plant', url: 'ws://127.0.0.1:9001' }],
    dashboards: [
      { id: 'a', widgets: [{ id: 'w1', type: 'line', series: [{ topic: 't/1', path: 'v' }, { topic: 't/2' }] }] },
      { id: 'b', widgets: [{ id: 'w2', type: 'stat', series: [{ topic: 't/1', path: 'v', connection: 'plant', timePath: 'ts' }] }] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.error);
  expect(specsFromConfig(parsed.config)).toEqual([
    { connection: 'plant', topic: 't/1', path: 'v', timePath: 'ts' },
    { connection: 'plant', topic: 't/2', path: '' },
  ]);
});
