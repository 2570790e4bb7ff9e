import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from '../../src/config';
import { firstFree, placeWidgets, stacked } from './layout';

const w = (id: string, layout?: WidgetConfig['layout'], type = 'line') => ({ id, type, title: id, series: [], layout }) as WidgetConfig;

describe('dashboard layout', () => {
  it('finds the first free place', () => {
    expect(firstFree([], 4, 2)).toEqual({ x: 0, y: 0 });
    expect(firstFree([{ x: 0, y: 0, w: 6, h: 3 }], 4, 2)).toEqual({ x: 6, y: 0 });
    expect(firstFree([{ x: 0, y: 0, w: 10, h: 3 }], 4, 2)).toEqual({ x: 0, y: 3 });
  });

  it('keeps saved places and puts the rest in free space with their type’s size', () => {
    const cells = placeWidgets([w('a'), w('b', { x: 0, y: 0, w: 6, h: 4 }), w('c', undefined, 'lamp')], (type) => (type === 'lamp' ? { w: 3, h: 2 } : { w: 6, h: 5 }));
    expect(cells).toEqual([
      { i: 'a', x: 6, y: 0, w: 6, h: 5 },
      { i: 'b', x: 0, y: 0, w: 6, h: 4 },
      { i: 'c', x: 0, y: 4, w: 3, h: 2 },
    ]);
  });

  it('stacks into one column in reading order', () => {
    expect(stacked([{ i: 'b', x: 6, y: 0, w: 6, h: 2 }, { i: 'a', x: 0, y: 0, w: 6, h: 3 }, { i: 'c', x: 0, y: 3, w: 2, h: 1 }])).toEqual([
      { i: 'a', x: 0, y: 0, w: 1, h: 3 },
      { i: 'b', x: 0, y: 3, w: 1, h: 2 },
      { i: 'c', x: 0, y: 5, w: 1, h: 1 },
    ]);
  });
});
