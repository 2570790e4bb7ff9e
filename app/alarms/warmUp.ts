import { t } from '../i18n/i18n';
import { formatWhen } from './formatAlarm';
import { PRIORITY_TEXT } from './priorityStyle';

/**
 * Builds, while the page is idle, what the first alarm's frame would otherwise build: ICU
 * messages compile on first use and Intl builds its plural rules and time formatter (~35 ms in
 * the first frame of an alarm storm, issue 17 #4). Returns the cancel function.
 */
export function warmUpAlarmText(): () => void {
  const run = () => {
    formatWhen(Date.now());
    t('{total, plural, one {# unacknowledged alarm} other {# unacknowledged alarms}}', { total: 2 });
    t('Alarm flood: {recentAnnunciations} in 10 min', { recentAnnunciations: 11 });
    for (const text of Object.values(PRIORITY_TEXT)) t(text);
  };
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 5000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1000);
  return () => clearTimeout(id);
}
