import type { JournalEntry } from '../../src/alarms';
import { msg, t } from '../i18n/i18n';
import { formatSpan } from '../lib/formatSpan';

/** The journal's fixed action words (src/alarms writes them in English), marked for translation. */
const ACTIONS: Readonly<Record<string, string>> = {
  activate: msg('activate'),
  clear: msg('clear'),
  acknowledge: msg('acknowledge'),
  'acknowledge (no change)': msg('acknowledge (no change)'),
  reset: msg('reset'),
  unshelve: msg('unshelve'),
  'shelve expired': msg('shelve expired'),
  chattering: msg('chattering'),
  'connection lost': msg('connection lost'),
  'connection restored': msg('connection restored'),
  'bad quality': msg('bad quality'),
  'quality good': msg('quality good'),
  'suppressed by design': msg('suppressed by design'),
  'suppression ended': msg('suppression ended'),
  'rule changed': msg('rule changed'),
};

const TRIGGERS: Readonly<Record<string, string>> = {
  process: msg('process'),
  operator: msg('operator'),
  timer: msg('timer'),
  system: msg('system'),
  remote: msg('remote'),
};

/** A journal entry's action in the UI language; an action the table does not know is shown as written. */
export function journalActionText(action: string): string {
  const known = ACTIONS[action];
  if (known) return t(known);
  const shelve = /^shelve for (.+)$/.exec(action);
  return shelve ? t('shelve for {duration}', { duration: shelve[1] }) : action;
}

export const journalTriggerText = (trigger: string): string => (TRIGGERS[trigger] ? t(TRIGGERS[trigger]) : trigger);

/**
 * A journal entry's reason: from the engine's code and parameters when it gave them (connection
 * outages), else the English text it stored (older entries, operators' own reasons).
 */
export function journalReasonText(e: JournalEntry): string {
  const c = e.reasonCode;
  if (!c) return e.reason;
  switch (c.code) {
    case 'connection-lost':
      return c.cause ? t('connection {connection}: {cause}', { connection: c.connection, cause: c.cause }) : t('connection {connection}: connection lost', { connection: c.connection });
    case 'connection-restored':
      return t('connection {connection}: down for {duration}', { connection: c.connection, duration: formatSpan(c.downMs) });
  }
}
