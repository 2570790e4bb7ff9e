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
