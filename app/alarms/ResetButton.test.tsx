import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AlarmView } from '../../src/alarms';
import { ResetButton } from './ResetButton';

const base: AlarmView = {
  key: 't1\u001fplant/t', ruleId: 't1', name: 'Trip', priority: 'high', topic: 'plant/t', connectionId: 'plant', state: 'acknowledged',
  active: true, latch: true, value: 91, unit: '', valueAt: 1, since: 1, stateSince: 1, shelvedUntil: null, shelveReason: '', chattering: false,
  limit: '> 80', message: '', consequence: '', action: '',
};
const html = (a: AlarmView) => renderToStaticMarkup(<ResetButton alarm={a} className="" />);

describe('ResetButton (ISA-18.2 latched alarms)', () => {
  it('is enabled only once the condition has cleared and the alarm is acknowledged', () => {
    expect(html({ ...base, state: 'latched-acknowledged', active: false })).not.toContain('disabled=""');
    expect(html(base)).toMatch(/disabled="".*title="The condition is still active"/);
    expect(html({ ...base, state: 'latched-unacknowledged', active: false })).toMatch(/disabled="".*title="Acknowledge first"/);
  });

  it('is absent on rows of rules that do not latch', () => {
    expect(html({ ...base, latch: undefined })).toBe('');
  });
});
