import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AlarmView } from '../../src/alarms';
import { ActiveAlarmsTable } from './ActiveAlarmsTable';

const base: AlarmView = {
  key: 't1\u001fspBv1.0/G/DDATA/Edge1/D1', ruleId: 't1', name: 'Boiler temperature high', priority: 'high', topic: 'spBv1.0/G/DDATA/Edge1/D1',
  connectionId: 'plant', state: 'unacknowledged', active: true, value: 91, unit: '°C', valueAt: 1, since: 1, stateSince: 1,
  shelvedUntil: null, shelveReason: '', chattering: false, limit: '> 80', message: '', consequence: '', action: '',
};
const diagnostic: AlarmView = {
  ...base, key: 'quality\u001fplant\u001fEdge node Edge1 died (NDEATH)', ruleId: '', name: 'Bad quality', priority: 'low', value: null, unit: '',
  limit: '', message: 'Bad quality: Edge node Edge1 died (NDEATH)', badQuality: 'Edge node Edge1 died (NDEATH)', diagnostic: true,
};

/** The table's rows as text, one string per row. */
function rows(alarms: AlarmView[]): string[] {
  const html = renderToStaticMarkup(<ActiveAlarmsTable alarms={alarms} maxShelveMs={3_600_000} />);
  const body = html.slice(html.indexOf('<tbody>'));
  return body.split('<tr').slice(1).map((r) => `<tr${r}`.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
}

describe('ActiveAlarmsTable: bad quality (ISA-18.2)', () => {
  it('shows "Bad quality: <reason>" on a process alarm whose source is bad, with its state text unchanged', () => {
    const [row] = rows([{ ...base, badQuality: 'Edge node Edge1 died (NDEATH)' }]);
    expect(row).toContain('Boiler temperature high');
    expect(row).toContain('Bad quality: Edge node Edge1 died (NDEATH)');
    expect(row).toContain('Unacknowledged');
  });

  it('shows nothing of the kind while quality is good', () => {
    expect(rows([base])[0]).not.toContain('Bad quality');
  });

  it('shows the diagnostic as a low-priority "Bad quality" row with Acknowledge and no Shelve', () => {
    const [row] = rows([diagnostic]);
    expect(row).toMatch(/^Low .*Bad quality .*Bad quality: Edge node Edge1 died \(NDEATH\) Unacknowledged/);
    expect(row).toContain('Acknowledge');
    expect(row).not.toContain('Shelve');
    expect(row.match(/Bad quality: /g)).toHaveLength(1);
  });
});

describe('ActiveAlarmsTable: an alarm flood (issue 17 #4)', () => {
  const flood = Array.from({ length: 5000 }, (_, i): AlarmView => ({ ...base, key: `r${i}\u001ft${i}`, ruleId: `r${i}`, name: `Tag ${i} high`, topic: `t${i}` }));

  it('puts only a screenful of the 5 000 rows in the page, the most urgent first, and says how many there are', () => {
    const shown = rows(flood);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(60);
    expect(shown[0]).toContain('Tag 0 high');
    const html = renderToStaticMarkup(<ActiveAlarmsTable alarms={flood} maxShelveMs={3_600_000} />);
    expect(html).toContain('5000 of 5000 shown');
    expect(html).toContain('aria-rowcount="5001"');
  });

  it('keeps every row in the page up to 100 alarms', () => {
    expect(rows(flood.slice(0, 100))).toHaveLength(100);
  });
});
