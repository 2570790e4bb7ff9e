import { noteConnected, noteConnectPressed, toggleEditing } from './connectionFold';
import { useConnectionFoldStore } from './connectionFoldStore';

const update = (f: (m: ReturnType<typeof useConnectionFoldStore.getState>) => ReturnType<typeof useConnectionFoldStore.getState>) =>
  useConnectionFoldStore.setState(f(useConnectionFoldStore.getState()), true);

export const markConnected = (id: string) => update((m) => noteConnected(m, id));
export const markConnectPressed = (id: string) => update((m) => noteConnectPressed(m, id));
export const toggleConnectionEditing = (id: string) => update((m) => toggleEditing(m, id));
