import type { ConnectionStatus } from '../../src/mqtt';
import { useT } from '../i18n/useT';
import { statusText } from './statusText';

interface Props {
  readonly status: ConnectionStatus | undefined;
  /** Within the folded connection form's one line: no padding of its own, and no problem list. */
  readonly inline?: boolean;
  /** Only the refused subscriptions (the folded form shows the status itself inline). */
  readonly problemsOnly?: boolean;
}

/** The contract's status "Connection status" (Connected, Reconnecting, `Error: …`) and any refused subscriptions. */
export function ConnectionStatusLine({ status, inline, problemsOnly }: Props) {
  const t = useT();
  const state = status?.state ?? 'disconnected';
  const reason = status?.reason ?? 'Disconnected';
  const failing = state === 'error' || (state === 'reconnecting' && reason.includes('Error:'));
  const text = statusText(reason);
  const refused = status?.subscriptions.filter((s) => s.error) ?? [];
  const line = !problemsOnly && (
    <div
      role="status"
      aria-label={t('Connection status')}
      title={inline ? text : undefined}
      className={`text-[13px] ${inline ? 'min-w-0 flex-[0_1_auto] truncate' : 'px-3 py-1.5'} ${failing ? 'font-semibold text-alarm-high' : state === 'connected' ? '' : 'text-hmi-muted'}`}
    >
      <span aria-hidden="true" className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-full ${state === 'connected' ? 'bg-hmi-text' : 'border border-hmi-muted'}`} />
      {text}
    </div>
  );
  return (
    <>
      {line}
      {!inline && refused.length > 0 && (
        <ul aria-label={t('Subscription problems')} className="px-3 pb-1 text-[13px] font-semibold text-alarm-high">
          {refused.map((s) => (
            <li key={s.topic}>
              {t('Subscription {topic} refused: {error}', { topic: s.topic, error: s.error })}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
