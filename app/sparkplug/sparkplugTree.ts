import type { SparkplugEntity, SparkplugState, SparkplugTarget } from './types';

/** One visible row of the tree "Sparkplug": a group, an edge node or a device. */
export interface SparkplugTreeRow {
  /** Stable across deltas: connection, group, node, device joined by NUL. */
  readonly key: string;
  readonly kind: 'group' | 'node' | 'device';
  readonly depth: 0 | 1 | 2;
  /** The group, node or device id (what the treeitem's name begins with). */
  readonly id: string;
  /** Nodes and devices: the entity as the worker described it (absent for a device's node never born). */
  readonly entity?: SparkplugEntity;
  /** Nodes and devices: what selecting the row shows. */
  readonly target?: SparkplugTarget;
  /** Group rows: how many edge nodes it holds. */
  readonly nodes?: number;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** Index of the parent row in the same list; -1 for groups. */
  readonly parentIndex: number;
}

const SEP = '\u0000';
export const targetKey = (t: SparkplugTarget): string => [t.connectionId, t.group, t.node, t.device ?? ''].join(SEP);
const groupKey = (connectionId: string, group: string) => [connectionId, group].join(SEP);

/** The state in words, for the treeitem's name: never colour alone (ISA-101). */
export function stateWords(state: SparkplugState): string {
  return state === 'stale' ? 'online, stale' : state;
}

/**
 * Entities (sorted by group, node, device, as the worker sends them) → the rows to show, with
 * collapsed groups and nodes hiding what is below them. Everything is expanded by default: a
 * plant has a handful of groups and nodes, and the operator wants to see their states at once.
 */
export function sparkplugTreeRows(entities: readonly SparkplugEntity[], collapsed: ReadonlySet<string>): SparkplugTreeRow[] {
  const nodeCounts = new Map<string, number>();
  const nodeEntities = new Map<string, SparkplugEntity>();
  const withDevices = new Set<string>();
  for (const e of entities) {
    const nk = targetKey({ connectionId: e.connectionId, group: e.group, node: e.node });
    if (e.device !== undefined) withDevices.add(nk);
    else if (!nodeEntities.has(nk)) {
      nodeEntities.set(nk, e);
      const gk = groupKey(e.connectionId, e.group);
      nodeCounts.set(gk, (nodeCounts.get(gk) ?? 0) + 1);
    }
  }

  const rows: SparkplugTreeRow[] = [];
  let groupRow = -1;
  let nodeRow = -1;
  let lastGroup: string | null = null;
  let lastNode: string | null = null;
  for (const e of entities) {
    const gk = groupKey(e.connectionId, e.group);
    const groupOpen = !collapsed.has(gk);
    if (gk !== lastGroup) {
      lastGroup = gk;
      lastNode = null;
      groupRow = rows.length;
      rows.push({ key: gk, kind: 'group', depth: 0, id: e.group, nodes: nodeCounts.get(gk) ?? 0, hasChildren: true, expanded: groupOpen, parentIndex: -1 });
    }
    if (!groupOpen) continue;
    const nodeTarget: SparkplugTarget = { connectionId: e.connectionId, group: e.group, node: e.node };
    const nk = targetKey(nodeTarget);
    if (nk !== lastNode) {
      // A device seen before (or without) its node's own entity still hangs under a node row.
      lastNode = nk;
      nodeRow = rows.length;
      const hasDevices = withDevices.has(nk);
      rows.push({ key: nk, kind: 'node', depth: 1, id: e.node, entity: nodeEntities.get(nk), target: nodeTarget, hasChildren: hasDevices, expanded: hasDevices && !collapsed.has(nk), parentIndex: groupRow });
    }
    if (e.device === undefined || collapsed.has(nk)) continue;
    const target: SparkplugTarget = { ...nodeTarget, device: e.device };
    rows.push({ key: targetKey(target), kind: 'device', depth: 2, id: e.device, entity: e, target, hasChildren: false, expanded: false, parentIndex: nodeRow });
  }
  return rows;
}
