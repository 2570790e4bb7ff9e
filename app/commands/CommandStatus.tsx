import { formatDuration } from '../../src/format';
import { commandStatusText } from './commandText';
import { useCommandRun } from './hooks';
import { useT } from '../i18n/useT';

/**
 * A command's status (role status: "Sent", "Delivered", "Queued…", "Failed: …") and, for a
 * request, the matched reply ("Reply after 12 ms on <topic>: <payload>"), always as text.
 */
export function CommandStatus({ slot, label, idle = '', compact = false }: { slot: string; label: string; idle?: string; compact?: boolean }) {
  const t = useT();
  const run = useCommandRun(slot);
  const failed = run?.tone === 'failed';
  return (
    <div className="grid gap-1">
      <div role="status" aria-label={label} className={`min-h-5 ${failed ? 'font-semibold text-alarm-high' : ''}`}>
        {run ? commandStatusText(run.text) : idle}
      </div>
      {run?.awaitingReply && !failed && <p className="text-xs text-hmi-muted">{t('Waiting for a reply…')}</p>}
      {run?.reply &&
        (compact ? (
          // A widget is small: one line, the whole reply on hover and for screen readers.
          <p className="truncate font-mono text-xs" title={t('Reply on {topic}: {text}', { topic: run.reply.topic, text: run.reply.text })}>
            {t('Reply after {rttMs}: {text}', { rttMs: formatDuration(run.reply.rttMs), text: run.reply.text })}
          </p>
        ) : (
          <p className="whitespace-pre-wrap break-all rounded border border-hmi-border bg-hmi-raised p-2 font-mono text-[13px]">
            {t('Reply after {rttMs} on {topic}: {text}', { rttMs: formatDuration(run.reply.rttMs), topic: run.reply.topic, text: run.reply.text })}
          </p>
        ))}
    </div>
  );
}
