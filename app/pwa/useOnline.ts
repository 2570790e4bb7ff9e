import { useSyncExternalStore } from 'react';

const subscribe = (cb: () => void) => {
  window.addEventListener('online', cb);
  window.addEventListener('offline', cb);
  return () => {
    window.removeEventListener('online', cb);
    window.removeEventListener('offline', cb);
  };
};

/** The browser's view of the network (false = certainly offline; true may still mean no route to the broker). */
export const useOnline = (): boolean => useSyncExternalStore(subscribe, () => navigator.onLine);
