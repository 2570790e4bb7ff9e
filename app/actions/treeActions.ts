import type { FullPayloadResult } from '../../src/engine/protocol';
import { engine } from '../engine/engineClient';

// Topic tree and Message region actions (UI → worker). The worker owns the tree: the UI says
// which rows are in view and what the user did; the rows come back in the next delta.

/** The rows in view (plus a margin); the engine sends only those. */
export function showTreeRows(start: number, count: number): void {
  engine.send({ type: 'treeWindow', start, count });
}

export function expandTreeNode(id: number, expanded: boolean): void {
  engine.send({ type: 'treeExpand', id, expanded });
}

/** Text, or an MQTT filter with + and #; empty shows the whole tree. */
export function filterTree(text: string): void {
  engine.send({ type: 'treeFilter', text });
}

/** Fills the Message region with this node's detail (`null` clears it). */
export function selectTreeNode(id: number | null): void {
  engine.send({ type: 'select', id });
}

/** The whole last payload of a tree node whose display copy was cut at 256 KiB. */
export function fetchFullPayload(id: number): Promise<FullPayloadResult> {
  return engine.fullPayload(id);
}
