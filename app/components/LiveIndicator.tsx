import { useHealth } from '../hooks/useEngine';
import { useConnectivity } from '../pwa/useConnectivity';
import { formatDuration } from '../../src/format';
import { useT } from '../i18n/useT';

const WARN = 'bg-alarm-medium font-semibold text-hmi-text';

/**
 * Data age at a glance; says plainly when the app has fallen behind live, and never says "Live"
 * while the banner (ConnectivityBanner) says there is no network or no broker.
 */
export function LiveIndicator() {
  const t = useT();
  const health = useHealth();
  const { online, unreachable } = useConnectivity();
  if (!online || unreachable.length > 0) {
    return (
      <span aria-label={t('Data age')} className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${WARN}`}>
        {!online ? t('No network · not live') : t('Broker unreachable · not live')}
      </span>
    );
  }
  if (!health) return null;
  const age = health.dataAgeMs;
  const behind = health.loopLagMs > 500 || (age !== null && age > 2000);
  const text = (behind
    ? t('Behind live by {lag}', { lag: formatDuration(Math.max(health.loopLagMs, age ?? 0)) })
    : age !== null
      ? t('Live · data age {age}', { age: formatDuration(Math.max(0, age)) })
      : t('Live')) + (health.shedding ? t(' · shedding load') : '');
  return (
    <span aria-label={t('Data age')} className={`whitespace-nowrap rounded px-2 py-0.5 text-xs ${behind || health.shedding ? WARN : 'text-[#d6d8da]'}`}>
      {text}
    </span>
  );
}
