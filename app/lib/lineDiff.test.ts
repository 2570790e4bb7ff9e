import { expect, it } from 'vitest';
import { lineDiff } from './lineDiff';

it('marks changed lines', () => {
  expect(lineDiff('{\n  "v": 1,\n  "q": 192\n}', '{\n  "v": 2,\n  "q": 192\n}')).toEqual([
    { op: ' ', text: '{' },
    { op: '-', text: '  "v": 1,' },
    { op: '+', text: '  "v": 2,' },
    { op: ' ', text: '  "q": 192' },
    { op: ' ', text: '}' },
  ]);
});

it('handles additions at the end', () => {
  expect(lineDiff('a', 'a\nb')).toEqual([{ op: ' ', text: 'a' }, { op: '+', text: 'b' }]);
});

it.each([
  ['', '', [{ op: ' ', text: '' }]],
  ['a\nb\nc', 'a\nc', [{ op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: ' ', text: 'c' }]],
  ['b', 'a\nb', [{ op: '+', text: 'a' }, { op: ' ', text: 'b' }]],
])('diff of %j and %j', (before, after, expected) => {
  expect(lineDiff(before, after)).toEqual(expected);
});

it('falls back to a plain replace past the line bound', () => {
  expect(lineDiff('a\nb\nc', 'a\nb\nd', 2)).toEqual([
    { op: '-', text: 'a' }, { op: '-', text: 'b' }, { op: '-', text: 'c' },
    { op: '+', text: 'a' }, { op: '+', text: 'b' }, { op: '+', text: 'd' },
  ]);
});

// The edit bound (not a clock) is what keeps this cheap: asserted by its result, not timed.
it('gives up past the edit bound on two large, wholly different texts', () => {
  const before = Array.from({ length: 2000 }, (_, i) => `a${i}`).join('\n');
  const after = Array.from({ length: 2000 }, (_, i) => `b${i}`).join('\n');
  const lines = lineDiff(before, after);
  expect(lines).toHaveLength(4000);
  expect(lines[0]).toEqual({ op: '-', text: 'a0' });
  expect(lines[3999]).toEqual({ op: '+', text: 'b1999' });
});
