import { describe, expect, it } from 'vitest';
import { metricStateText, metricValueText, targetPath } from './formatSparkplug';
import type { SparkplugMetricView } from './types';

const m = (extra: Partial<SparkplugMetricView>): SparkplugMetricView => ({ name: 'Speed', datatype: 'Double', value: '12', isNull: false, timestamp: 0, stale: false, ...extra });

describe('metric state in words', () => {
  it.each([
    [{}, ''],
    [{ stale: true }, 'stale'],
    [{ historical: true, transient: true }, 'historical, transient'],
    [{ write: { state: 'pending', value: '15' } }, 'write 15 pending'],
    [{ write: { state: 'confirmed', value: '15' } }, 'written 15'],
    [{ stale: true, write: { state: 'timed-out', value: '15', reason: 'No DATA with Speed within 5 s' } }, 'stale, write 15 timed out: No DATA with Speed within 5 s'],
    [{ write: { state: 'failed', value: 'x', reason: 'Double needs a number' } }, 'write failed: Double needs a number'],
  ] as [Partial<SparkplugMetricView>, string][])('%j → %j', (extra, text) => expect(metricStateText(m(extra))).toBe(text));

  it('a null metric says so; 64-bit values stay exact text', () => {
    expect(metricValueText(m({ isNull: true, value: '' }))).toBe('(null)');
    expect(metricValueText(m({ datatype: 'UInt64', value: '18446744073709551615' }))).toBe('18446744073709551615');
  });

  it('a target reads group / node / device', () => {
    expect(targetPath({ connectionId: 'c', group: 'G', node: 'E' })).toBe('G / E');
    expect(targetPath({ connectionId: 'c', group: 'G', node: 'E', device: 'D' })).toBe('G / E / D');
  });
});
