import { expect, it } from 'vitest';
import { parseUserProperties } from './userProperties';

it('parses lines, keeps duplicates as lists', () => {
  expect(parseUserProperties('site=A\n\nline = 1\nsite=B')).toEqual({ ok: true, value: { site: ['A', 'B'], line: '1' } });
});
it('names the bad line', () => {
  expect(parseUserProperties('a=1\nnope')).toEqual({ ok: false, error: 'line 2: expected name=value' });
});
