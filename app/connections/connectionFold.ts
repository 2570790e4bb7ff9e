import type { ConnectionState } from '../../src/mqtt';

/** Per connection id: what the form has seen and what the user asked for. */
export interface FoldMemory {
  /** Connected since the user last pressed Connect (or since the page opened). */
  readonly connected: Readonly<Record<string, true>>;
  /** The user opened the form with "Edit connection" and has not folded it again. */
  readonly editing: Readonly<Record<string, true>>;
}

export const EMPTY_FOLD: FoldMemory = { connected: {}, editing: {} };

/**
 * Whether the connection form shows as one line (issue 16, tablets): once its connection has
 * connected, unless the user is editing it, it is a new unsaved draft, or the broker refused it
 * (an `Error:` waits for the user to act, so the fields must be in view). A later network loss
 * keeps it folded: the line still says Reconnecting, and the layout does not jump.
 */
export function isFolded(memory: FoldMemory, id: string, saved: boolean, state: ConnectionState): boolean {
  return canFold(memory, id, saved, state) && !memory.editing[id];
}

/** Whether "Edit connection" has anything to do: the form folds for this connection in this state. */
export function canFold(memory: FoldMemory, id: string, saved: boolean, state: ConnectionState): boolean {
  return saved && state !== 'error' && !!memory.connected[id];
}

/** The connection reached Connected: fold it, unless the user is in the middle of editing it. */
export const noteConnected = (m: FoldMemory, id: string): FoldMemory => (m.connected[id] ? m : { ...m, connected: { ...m.connected, [id]: true } });

/** The user pressed Connect: the form folds again once this attempt has connected. */
export function noteConnectPressed(m: FoldMemory, id: string): FoldMemory {
  const connected = { ...m.connected };
  const editing = { ...m.editing };
  delete connected[id];
  delete editing[id];
  return { connected, editing };
}

/** "Edit connection" opens the form, and folds it again when pressed while open. */
export function toggleEditing(m: FoldMemory, id: string): FoldMemory {
  const editing = { ...m.editing };
  if (editing[id]) delete editing[id];
  else editing[id] = true;
  return { ...m, editing };
}
