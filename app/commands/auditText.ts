import type { AuditRecord } from '../../src/commands';
import { t } from '../i18n/i18n';
import { formatSpan } from '../lib/formatSpan';

/**
 * A command audit record's result in the UI language (table and the CSV's "result text" column).
 * `session`: the engine's current session; a record of another one can no longer get its result.
 * A broker's failure reason and a reply are shown as they came.
 */
export function auditResultText(r: AuditRecord, session: string): string {
  const replied = r.reply !== undefined;
  const reply = { after: formatSpan(r.rttMs ?? 0), reply: r.reply ?? '' };
  switch (r.result) {
    case 'pending':
      return r.session === session ? t('Sending') : t('No result (the app was closed before one came)');
    case 'queued':
      return r.session === session ? t('Queued') : t('Queued, then the app was closed (not known to be sent)');
    case 'sent':
      return replied ? t('Sent; reply after {after}: {reply}', reply) : t('Sent');
    case 'delivered':
      return replied ? t('Delivered; reply after {after}: {reply}', reply) : t('Delivered');
    case 'failed':
      return t('Failed: {reason}', { reason: r.reason ?? t('unknown reason') });
  }
}

/**
 * What sent a command, stored in English ("Publish", "Template Stop line 1", "Widget Line 1
 * setpoint", commandActions' callers), in the UI language. Names stay as the operator wrote them.
 */
export function auditSourceText(source: string): string {
  if (source === 'Publish') return t('Publish');
  if (source === 'Clear retained') return t('Clear retained');
  const m = /^(Template|Widget) (.*)$/s.exec(source);
  if (m) return m[1] === 'Template' ? t('Template {name}', { name: m[2] }) : t('Widget {name}', { name: m[2] });
  return source;
}
