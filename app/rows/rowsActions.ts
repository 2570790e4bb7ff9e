import type { RowsSpec } from '../../src/rows';
import { engine } from '../engine/engineClient';
import { closeRows, openRows } from './rowsStore';

// Row watches (UI → worker): tables, maps and dashboard variables. Rows come back in the `rows`
// part of each delta (app/state/featureDeltas.ts → rowsStore).

export function watchRows(id: string, spec: RowsSpec): void {
  openRows(id);
  engine.send({ type: 'rows/watch', id, spec });
}

export function unwatchRows(id: string): void {
  closeRows(id);
  engine.send({ type: 'rows/unwatch', id });
}

/** Opens a row's topic in the Topics view (the tree reveals and selects it). */
export function openTopic(connectionId: string, topic: string): void {
  engine.send({ type: 'selectTopic', connectionId, topic });
  window.location.hash = '#/topics';
}
