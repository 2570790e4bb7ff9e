import { useEffect } from 'react';
import type { ConnectionState } from '../../src/mqtt';
import { canFold, isFolded } from './connectionFold';
import { markConnected } from './connectionFoldActions';
import { useConnectionFoldStore } from './connectionFoldStore';

/** Whether the connection form is folded to one line (and can be); notes each time the connection is up. */
export function useConnectionFold(id: string, saved: boolean, state: ConnectionState): { folded: boolean; foldable: boolean } {
  const memory = useConnectionFoldStore();
  useEffect(() => {
    if (saved && state === 'connected') markConnected(id);
  }, [id, saved, state]);
  return { folded: isFolded(memory, id, saved, state), foldable: canFold(memory, id, saved, state) };
}
