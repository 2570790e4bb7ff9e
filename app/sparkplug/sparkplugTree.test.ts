import { describe, expect, it } from 'vitest';
import { sparkplugTreeRows, stateWords, targetKey } from './sparkplugTree';
import type { SparkplugEntity, SparkplugTarget } from './types';

const e = (group: string, node: string, device?: string, state: SparkplugEntity['state'] = 'online'): SparkplugEntity => ({
  connectionId: 'c',
  group,
  node,
  ...(device !== undefined ? { device } : {}),
  state,
  birthAt: 1,
  deathAt: null,
  metricCount: 0,
});
const entities = [e('G', 'Edge1'), e('G', 'Edge1', 'Pump1'), e('G', 'Edge1', 'Pump2', 'offline'), e('G', 'Edge2'), e('H', 'Edge9')];
const shape = (rows: ReturnType<typeof sparkplugTreeRows>) => rows.map((r) => `${'  '.repeat(r.depth)}${r.id}${r.hasChildren ? (r.expanded ? ' -' : ' +') : ''}`);

describe('sparkplugTreeRows', () => {
  it('groups → edge nodes → devices, all expanded by default, with parent indexes', () => {
    const rows = sparkplugTreeRows(entities, new Set());
    expect(shape(rows)).toEqual(['G -', '  Edge1 -', '    Pump1', '    Pump2', '  Edge2', 'H -', '  Edge9']);
    expect(rows.map((r) => r.parentIndex)).toEqual([-1, 0, 1, 1, 0, -1, 5]);
    expect(rows[0].nodes).toBe(2);
    expect(rows[3].entity?.state).toBe('offline');
    expect(rows[2].target).toEqual({ connectionId: 'c', group: 'G', node: 'Edge1', device: 'Pump1' });
  });

  it('collapsed groups and nodes hide what is below them', () => {
    const node: SparkplugTarget = { connectionId: 'c', group: 'G', node: 'Edge1' };
    expect(shape(sparkplugTreeRows(entities, new Set([targetKey(node)])))).toEqual(['G -', '  Edge1 +', '  Edge2', 'H -', '  Edge9']);
    expect(shape(sparkplugTreeRows(entities, new Set(['c\u0000G'])))).toEqual(['G +', 'H -', '  Edge9']);
  });

  it('a device whose node has no entity of its own still sits under a node row', () => {
    const rows = sparkplugTreeRows([e('G', 'Edge1', 'Pump1')], new Set());
    expect(shape(rows)).toEqual(['G -', '  Edge1 -', '    Pump1']);
    expect(rows[1].entity).toBeUndefined();
    expect(rows[0].nodes).toBe(0);
  });

  it('the same group on two connections is two groups', () => {
    const other = { ...e('G', 'Edge1'), connectionId: 'd' };
    expect(sparkplugTreeRows([e('G', 'Edge1'), other], new Set()).filter((r) => r.kind === 'group')).toHaveLength(2);
  });

  it.each([
    ['online', 'online'],
    ['offline', 'offline'],
    ['stale', 'online, stale'],
  ] as const)('state %s reads "%s"', (state, words) => expect(stateWords(state)).toBe(words));
});
