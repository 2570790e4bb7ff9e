import { describe, expect, it } from 'vitest';
import { formatBands, formatStates, parseBands, parseStates } from './settings';

describe('bands', () => {
  it('parses and formats one band per line', () => {
    const bands = parseBands('0..80\n 80 .. 100 high \n\n-5..0 LOW');
    expect(bands).toEqual([{ from: 0, to: 80 }, { from: 80, to: 100, priority: 'high' }, { from: -5, to: 0, priority: 'low' }]);
    expect(formatBands(bands)).toBe('0..80\n80..100 high\n-5..0 low');
  });

  it.each(['80-100', '0..x', '0..10 urgent'])('refuses %j with a message', (text) => {
    expect(() => parseBands(text)).toThrow(/Band/);
  });
});

describe('lamp states', () => {
  it('parses values as text, numbers or booleans, with optional priority', () => {
    const states = parseStates('RUNNING = Running\nFAULT = Fault (high)\ntrue = On\n2 = Setup');
    expect(states).toEqual([
      { value: 'RUNNING', text: 'Running' },
      { value: 'FAULT', text: 'Fault', priority: 'high' },
      { value: true, text: 'On' },
      { value: 2, text: 'Setup' },
    ]);
    expect(parseStates(formatStates(states))).toEqual(states);
  });

  it('refuses an unknown priority', () => {
    expect(() => parseStates('X = y (urgent)')).toThrow(/priority/);
  });
});
