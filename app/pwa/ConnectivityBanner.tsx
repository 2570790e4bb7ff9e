import { useConnectivity } from './useConnectivity';
import { useT } from '../i18n/useT';

/**
 * Says plainly when live data is not live: the device has no network, or a broker cannot be
 * reached (the engine keeps retrying). The connection form says the same in detail, but it is
 * not on every view, and in kiosk mode not at all.
 */
export function ConnectivityBanner() {
  const t = useT();
  const { online, unreachable } = useConnectivity();

  if (online && unreachable.length === 0) return null;
  const text = !online
    ? t('No network: the broker is unreachable. Values shown are the last known, not live.')
    : t('Broker unreachable: {brokers}. Retrying; values shown are the last known, not live.', { brokers: unreachable.join(', ') });
  return (
    <div role="status" aria-label={t('Network')} className="border-b border-hmi-border bg-hmi-raised px-4 py-1.5 font-semibold">
      <span aria-hidden="true" className="mr-2 inline-block rounded border border-hmi-text px-1 text-xs">
        {online ? t('NO BROKER') : t('OFFLINE')}
      </span>
      {text}
    </div>
  );
}
