import type { AlarmView } from '../../src/alarms';
import { useT } from '../i18n/useT';
import { resetAlarms } from './alarmActions';

/**
 * "Reset" for a latched alarm (rule `latch`, ISA-18.2 E/F). Shown on every row of a latching
 * rule, enabled only in F: the condition has cleared and the alarm is acknowledged. ISA-18.2
 * resets only from F, so the operator acknowledges (sees) first and resets (declares it dealt
 * with) second; the title says what is missing while it is disabled.
 */
export function ResetButton({ alarm: a, className }: { alarm: AlarmView; className: string }) {
  const t = useT();
  const latchedState = a.state === 'latched-unacknowledged' || a.state === 'latched-acknowledged';
  if (!a.latch && !latchedState) return null;
  const ready = a.state === 'latched-acknowledged';
  const why = ready
    ? t('Return the latched alarm to normal')
    : a.state === 'shelved'
      ? t('Unshelve first')
      : a.active
        ? t('The condition is still active')
        : a.state === 'latched-unacknowledged'
          ? t('Acknowledge first')
          : t('Nothing to reset');
  return (
    <button type="button" className={`${className} disabled:opacity-50`} disabled={!ready} title={why} onClick={() => resetAlarms([a.key])}>
      {t('Reset')}
    </button>
  );
}
