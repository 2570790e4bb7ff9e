import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../src/config';
import { cardPreview } from './cardPreview';

const w = (id: string, type: string, topic = `plant/${id}`): WidgetConfig =>
  ({ id, type, title: id, series: topic ? [{ connection: 'plant', topic, path: 'v' }, { connection: 'plant', topic: `${topic}/2`, path: 'v' }] : [] }) as unknown as WidgetConfig;

describe('cardPreview', () => {
  it('puts single-value widgets before charts, keeps their order, and takes the first series only', () => {
    const picked = cardPreview({ widgets: [w('chart', 'line'), w('temp', 'stat'), w('map', 'map'), w('run', 'lamp'), w('p', 'gauge')] });
    expect(picked.map((x) => x.id)).toEqual(['temp', 'run', 'p', 'chart']);
    expect(picked.every((x) => x.series.length === 1)).toBe(true);
  });

  it('leaves out widgets without a series and series that need a dashboard variable', () => {
    expect(cardPreview({ widgets: [w('none', 'stat', ''), w('var', 'stat', 'fleet/${vehicle}/fuel'), w('ok', 'stat')] }).map((x) => x.id)).toEqual(['ok']);
  });

  it('shows at most the given number', () => {
    expect(cardPreview({ widgets: [w('a', 'stat'), w('b', 'stat'), w('c', 'stat')] }, 2)).toHaveLength(2);
  });
});
