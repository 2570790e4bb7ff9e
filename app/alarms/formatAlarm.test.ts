import { describe, expect, it } from 'vitest';
import { dayStart, formatWhen } from './formatAlarm';

describe('formatWhen (cached formatters)', () => {
  const t = new Date(2026, 11, 5, 13, 4, 5).getTime();

  it('shows the 24-hour local time alone on the same day', () => {
    expect(formatWhen(t, dayStart(t + 3600_000))).toBe(new Date(t).toLocaleTimeString(undefined, { hourCycle: 'h23' }));
  });

  it('adds the date on another day, and a dash for no time', () => {
    const text = formatWhen(t, dayStart(t + 86_400_000));
    expect(text).toContain(new Date(t).toLocaleDateString());
    expect(text.endsWith(formatWhen(t, dayStart(t)))).toBe(true);
    expect(formatWhen(0)).toBe('—');
  });

  it('keeps midnight at 00, not 24', () => {
    const midnight = new Date(2026, 11, 5, 0, 0, 7).getTime();
    expect(formatWhen(midnight, dayStart(midnight))).toMatch(/^00\D00\D07$/);
  });
});
