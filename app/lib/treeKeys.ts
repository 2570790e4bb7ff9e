/** The row a tree key acts on: what the WAI-ARIA tree pattern needs to know about it. */
export interface TreeKeyRow {
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** Index of its parent row; -1 at the top level. */
  readonly parentIndex: number;
}

export type TreeKeyAction =
  | { readonly kind: 'move'; readonly index: number }
  | { readonly kind: 'expand'; readonly expanded: boolean }
  | { readonly kind: 'activate' }
  /** A tree key with nothing to do here (Right on a leaf): still the tree's, not the page's. */
  | { readonly kind: 'none' };

/**
 * What a key does in a tree (WAI-ARIA tree pattern), for the Topics and Sparkplug trees alike:
 * arrows move, Right opens (then goes to the first child), Left closes (then goes to the parent),
 * Home/End jump, Enter/Space activate. Undefined: the key is not the tree's (the page keeps it).
 */
const NONE: TreeKeyAction = { kind: 'none' };

export function treeKeyAction(key: string, activeIndex: number, total: number, row: TreeKeyRow | undefined): TreeKeyAction | undefined {
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', index: activeIndex + 1 };
    case 'ArrowUp':
      return { kind: 'move', index: activeIndex - 1 };
    case 'Home':
      return { kind: 'move', index: 0 };
    case 'End':
      return { kind: 'move', index: total - 1 };
    case 'ArrowRight':
      if (!row?.hasChildren) return NONE;
      return row.expanded ? { kind: 'move', index: activeIndex + 1 } : { kind: 'expand', expanded: true };
    case 'ArrowLeft':
      if (row?.hasChildren && row.expanded) return { kind: 'expand', expanded: false };
      return row && row.parentIndex >= 0 ? { kind: 'move', index: row.parentIndex } : NONE;
    case 'Enter':
    case ' ':
      return { kind: 'activate' };
    default:
      return undefined;
  }
}
