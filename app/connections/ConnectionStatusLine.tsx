import type { ConnectionStatus } from '../../src/mqtt';

/** The contract's status "Connection status" (Connected, Reconnecting, `Error: …`) and any refused subscriptions. */
export function ConnectionStatusLine({ status }: { status: ConnectionStatus | undefined }) {
  const state = status?.state ?? 'disconnected';
  const text = status?.reason ?? 'Disconnected';
  const failing = state === 'error' || (state === 'reconnecting' && text.includes('Error:'));
  const refused = status?.subscriptions.filter((s) => s.error) ?? [];
  return (
    <>
      <div
        role="status"
        aria-label="Connection status"
        className={`px-3 py-1.5 text-[13px] ${failing ? 'font-semibold text-alarm-high' : state === 'connected' ? '' : 'text-hmi-muted'}`}
      >
        <span aria-hidden="true" className={`mr-1.5 inline-block h-2.5 w-2.5 rounded-full ${state === 'connected' ? 'bg-hmi-text' : 'border border-hmi-muted'}`} />
        {text}
      </div>
      {refused.length > 0 && (
        <ul aria-label="Subscription problems" className="px-3 pb-1 text-[13px] font-semibold text-alarm-high">
          {refused.map((s) => (
            <li key={s.topic}>
              Subscription {s.topic} refused: {s.error}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
