import { describe, expect, it } from 'vitest';
import { treeKeyAction } from './treeKeys';

const leaf = { hasChildren: false, expanded: false, parentIndex: 2 };
const closed = { hasChildren: true, expanded: false, parentIndex: -1 };
const open = { ...closed, expanded: true };

describe('treeKeyAction (WAI-ARIA tree pattern)', () => {
  it('arrows move by one, Home and End jump to the ends', () => {
    expect(treeKeyAction('ArrowDown', 4, 10, leaf)).toEqual({ kind: 'move', index: 5 });
    expect(treeKeyAction('ArrowUp', 4, 10, leaf)).toEqual({ kind: 'move', index: 3 });
    expect(treeKeyAction('Home', 4, 10, leaf)).toEqual({ kind: 'move', index: 0 });
    expect(treeKeyAction('End', 4, 10, leaf)).toEqual({ kind: 'move', index: 9 });
  });

  it('Right opens a closed row, then moves to its first child; on a leaf it does nothing', () => {
    expect(treeKeyAction('ArrowRight', 4, 10, closed)).toEqual({ kind: 'expand', expanded: true });
    expect(treeKeyAction('ArrowRight', 4, 10, open)).toEqual({ kind: 'move', index: 5 });
    expect(treeKeyAction('ArrowRight', 4, 10, leaf)).toEqual({ kind: 'none' });
  });

  it('Left closes an open row, else goes to the parent; at the top level it does nothing', () => {
    expect(treeKeyAction('ArrowLeft', 4, 10, open)).toEqual({ kind: 'expand', expanded: false });
    expect(treeKeyAction('ArrowLeft', 4, 10, leaf)).toEqual({ kind: 'move', index: 2 });
    expect(treeKeyAction('ArrowLeft', 4, 10, closed)).toEqual({ kind: 'none' });
  });

  it('Enter and Space activate; other keys are not the tree\'s', () => {
    expect(treeKeyAction('Enter', 4, 10, leaf)).toEqual({ kind: 'activate' });
    expect(treeKeyAction(' ', 4, 10, leaf)).toEqual({ kind: 'activate' });
    expect(treeKeyAction('a', 4, 10, leaf)).toBeUndefined();
  });
});
