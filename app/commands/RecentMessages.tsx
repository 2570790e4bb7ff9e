import { useEffect } from 'react';
import { useRecentMessages } from './hooks';
import { loadRecent, type RecentMessage } from './recentMessages';
import { fieldBase } from './styles';
import { useT } from '../i18n/useT';

const summary = (m: RecentMessage) => {
  const payload = m.payload.replace(/\s+/g, ' ');
  return `${m.topic} — ${payload.length > 40 ? `${payload.slice(0, 40)}…` : payload || '(empty)'} (QoS ${m.qos}${m.retain ? ', retained' : ''})`;
};

/** Combobox "Recent messages": picking one fills the Publish form with it again. */
export function RecentMessages({ onPick }: { onPick: (m: RecentMessage) => void }) {
  const t = useT();
  const items = useRecentMessages();
  useEffect(() => void loadRecent(), []);
  return (
    <select
      aria-label={t('Recent messages')}
      className={`${fieldBase} w-auto max-w-full text-xs`}
      value=""
      disabled={items.length === 0}
      onChange={(e) => {
        const m = items[Number(e.target.value)];
        if (m) onPick(m);
      }}
    >
      <option value="">{items.length ? t('Reuse a recent message ({length})…', { length: items.length }) : t('No recent messages')}</option>
      {items.map((m, i) => (
        <option key={`${m.at}-${i}`} value={i}>
          {summary(m)}
        </option>
      ))}
    </select>
  );
}
