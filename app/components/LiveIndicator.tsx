import { useHealth } from '../hooks/useEngine';
import { formatDuration } from '../../src/format';

/** Data age at a glance; says plainly when the app has fallen behind live. */
export function LiveIndicator() {
  const health = useHealth();
  if (!health) return null;
  const age = health.dataAgeMs;
  const behind = health.loopLagMs > 500 || (age !== null && age > 2000);
  const text = (behind
    ? `Behind live by ${formatDuration(Math.max(health.loopLagMs, age ?? 0))}`
    : age !== null
      ? `Live · data age ${formatDuration(Math.max(0, age))}`
      : 'Live') + (health.shedding ? ' · shedding load' : '');
  return (
    <span aria-label="Data age" className={`rounded px-2 py-0.5 text-xs ${behind || health.shedding ? 'bg-alarm-medium font-semibold text-hmi-text' : 'text-[#d6d8da]'}`}>
      {text}
    </span>
  );
}
