import { useEffect } from 'react';
import type { ConnectionState } from '../../src/mqtt';
import { isFolded } from './connectionFold';
import { markConnected } from './connectionFoldActions';
import { useConnectionFoldStore } from './connectionFoldStore';

/** Whether the connection form is folded to one line; notes each time the connection is up. */
export function useConnectionFold(id: string, saved: boolean, state: ConnectionState): boolean {
  const memory = useConnectionFoldStore();
  useEffect(() => {
    if (saved && state === 'connected') markConnected(id);
  }, [id, saved, state]);
  return isFolded(memory, id, saved, state);
}
