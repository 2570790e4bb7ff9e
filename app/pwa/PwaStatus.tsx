import { Suspense, useEffect, useState } from 'react';
import { afterStartup, lazyView } from '../lib/lazyView';
import { ConnectivityBanner } from './ConnectivityBanner';

// Its code (and the service worker registration helper) loads only when it mounts.
const UpdatePrompt = lazyView(() => import('./UpdatePrompt'), (m) => m.UpdatePrompt).Component;

/**
 * Under the header: the update prompt and the network/broker banner. The prompt registers the
 * service worker, whose first install downloads every chunk: it waits until start-up is over.
 */
export function PwaStatus() {
  const [started, setStarted] = useState(false);
  useEffect(() => afterStartup(() => setStarted(true)), []);
  return (
    <>
      {started && (
        <Suspense fallback={null}>
          <UpdatePrompt />
        </Suspense>
      )}
      <ConnectivityBanner />
    </>
  );
}
