import { useEffect, useState } from 'react';
import { afterStartup } from '../lib/lazyView';
import { ConnectivityBanner } from './ConnectivityBanner';
import { UpdatePrompt } from './UpdatePrompt';

/**
 * Under the header: the update prompt and the network/broker banner. The prompt registers the
 * service worker, whose first install downloads every chunk: it waits until start-up is over.
 */
export function PwaStatus() {
  const [started, setStarted] = useState(false);
  useEffect(() => afterStartup(() => setStarted(true)), []);
  return (
    <>
      {started && <UpdatePrompt />}
      <ConnectivityBanner />
    </>
  );
}
