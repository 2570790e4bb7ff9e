import { useAllConnectionStatuses } from '../hooks/useEngine';
import { useSite } from '../hooks/useSite';
import { statusText } from '../connections/statusText';
import { useT } from '../i18n/useT';

/**
 * In kiosk mode the connection form is hidden, so its status line moves to the header
 * (contract: status "Connection status", text Connected / Reconnecting … / Error: …).
 */
export function KioskConnectionStatus() {
  const t = useT();
  const statuses = useAllConnectionStatuses();
  const connections = useSite((s) => s.config.connections);
  const parts = connections.map((c) => {
    const s = statuses[c.id];
    const text = statusText(s?.reason ?? (s?.state === 'connected' ? 'Connected' : 'Disconnected'));
    return { id: c.id, name: c.name || c.id, text, ok: s?.state === 'connected' };
  });
  const allOk = parts.length > 0 && parts.every((p) => p.ok);
  return (
    <span role="status" aria-label={t('Connection status')} className={`max-w-[40ch] truncate text-xs ${allOk ? 'text-[#d6d8da]' : 'font-semibold text-[#f4f4f5]'}`}>
      {parts.length === 0 ? t('No connection configured') : parts.length === 1 ? parts[0].text : parts.map((p) => t('{name}: {status}', { name: p.name, status: p.text })).join(' · ')}
    </span>
  );
}
