import { ConnectivityBanner } from './ConnectivityBanner';
import { UpdatePrompt } from './UpdatePrompt';

/** Under the header: the update prompt and the network/broker banner. */
export function PwaStatus() {
  return (
    <>
      <UpdatePrompt />
      <ConnectivityBanner />
    </>
  );
}
