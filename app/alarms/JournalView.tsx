import { useEffect, useState } from 'react';
import { journalToCsv, type AlarmState, type JournalEntry, type JournalFilter, type Priority } from '../../src/alarms';
import { downloadText } from '../lib/download';
import { queryJournal } from './alarmActions';
import { formatWhen } from './formatAlarm';
import { journalActionText, journalReasonText, journalTriggerText } from './journalText';
import { PRIORITY_TEXT } from './priorityStyle';
import { STATE_LABEL } from './stateText';
import { useAlarms } from './useAlarms';
import { t } from '../i18n/i18n';
import { useT } from '../i18n/useT';

const SHOWN = 500;
const input = 'rounded border border-hmi-border bg-hmi-raised px-2 py-0.5';

const toMs = (local: string): number | null => (local ? new Date(local).getTime() : null);
const stateText = (s: AlarmState | '') => (s ? t(STATE_LABEL[s]) : '');

/** The alarm journal: every transition and operator action, filterable, exported as CSV. */
export function JournalView() {
  const t = useT();
  const meta = useAlarms((s) => s.journal);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [priority, setPriority] = useState<Priority | ''>('');
  const [text, setText] = useState('');
  const [rows, setRows] = useState<JournalEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = meta?.version ?? 0;
  const filter: JournalFilter = { from: toMs(from), to: toMs(to), priority, text };
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    let cancelled = false;
    // Re-read when the worker wrote (version) or the filter changed; a short wait batches bursts.
    const timer = window.setTimeout(() => {
      queryJournal(JSON.parse(filterKey) as JournalFilter).then(
        (r) => !cancelled && (setRows(r), setError(null)),
        (e: Error) => !cancelled && setError(e.message),
      );
    }, 150);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [filterKey, version]);

  const exportCsv = () => {
    if (!rows) return;
    downloadText(`sightglass-alarm-journal-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.csv`, journalToCsv([...rows].reverse()), 'text/csv;charset=utf-8');
  };

  return (
    <section className="grid gap-2 text-[13px]">
      <div className="flex flex-wrap items-end gap-3">
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">{t('From')}</span>
          <input type="datetime-local" step={1} className={input} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">{t('To')}</span>
          <input type="datetime-local" step={1} className={input} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">{t('Priority')}</span>
          <select className={input} value={priority} onChange={(e) => setPriority(e.target.value as Priority | '')}>
            <option value="">{t('All priorities')}</option>
            {(['critical', 'high', 'medium', 'low'] as const).map((p) => (
              <option key={p} value={p}>
                {t(PRIORITY_TEXT[p])}
              </option>
            ))}
          </select>
        </label>
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">{t('Search journal')}</span>
          <input className={`${input} w-56`} value={text} placeholder={t('rule, topic, action, reason…')} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="button" className="rounded border border-hmi-text bg-hmi-raised px-3 py-0.5 font-semibold" disabled={!rows?.length} onClick={exportCsv}>
          {t('Export CSV')}
        </button>
      </div>
      {meta && meta.pruned > 0 && (
        <p className="rounded border border-hmi-border bg-hmi-raised px-2 py-1">
          {t('{pruned, plural, one {# older journal entry was} other {# older journal entries were}} removed to keep the journal within {max} entries', { pruned: meta.pruned, max: meta.max })}
          {meta.lastPrunedAt ? t(' (last on {lastPrunedAt})', { lastPrunedAt: formatWhen(meta.lastPrunedAt) }) : ''}{t('. Export regularly to keep a full record.')}
        </p>
      )}
      {meta && meta.dropped > 0 && (
        <p className="rounded border border-hmi-text bg-hmi-raised px-2 py-1 font-semibold">{t('{dropped} journal entries could not be stored (storage unavailable or too slow).', { dropped: meta.dropped })}</p>
      )}
      {error && <p className="font-semibold">{t('The journal cannot be read: {error}', { error })}</p>}
      <p className="text-xs text-hmi-muted">
        {rows === null ? t('Reading the journal…') : rows.length > SHOWN ? t('Showing the newest {SHOWN} of {length} matching entries; the CSV has all of them.', { SHOWN, length: rows.length }) : t('{length} matching entries.', { length: rows.length })}
      </p>
      <div className="overflow-auto rounded border border-hmi-border bg-hmi-panel">
        <table aria-label={t('Alarm journal')} className="w-full border-collapse text-xs">
          <thead className="bg-hmi-raised text-left text-hmi-muted">
            <tr>
              <th className="px-2 py-1">{t('Time')}</th>
              <th className="px-2 py-1">{t('Priority')}</th>
              <th className="px-2 py-1">{t('Rule')}</th>
              <th className="px-2 py-1">{t('Topic')}</th>
              <th className="px-2 py-1 text-right">{t('Value')}</th>
              <th className="px-2 py-1">{t('From → to')}</th>
              <th className="px-2 py-1">{t('Action')}</th>
              <th className="px-2 py-1">{t('By')}</th>
              <th className="px-2 py-1">{t('Reason')}</th>
            </tr>
          </thead>
          <tbody>
            {(rows ?? []).slice(0, SHOWN).map((e) => (
              <tr key={e.id ?? `${e.at}-${e.action}`} className="border-t border-hmi-border align-top">
                <td className="whitespace-nowrap px-2 py-0.5 font-mono">{formatWhen(e.at)}</td>
                <td className="px-2 py-0.5">{e.priority ? t(PRIORITY_TEXT[e.priority]) : ''}</td>
                <td className="px-2 py-0.5">{e.ruleName || e.ruleId}</td>
                <td className="break-all px-2 py-0.5 font-mono">{e.topic}</td>
                <td className="px-2 py-0.5 text-right font-mono">{e.value}</td>
                <td className="whitespace-nowrap px-2 py-0.5">{e.from || e.to ? `${stateText(e.from)} → ${stateText(e.to)}` : ''}</td>
                <td className="px-2 py-0.5">{journalActionText(e.action)}</td>
                <td className="px-2 py-0.5">
                  {journalTriggerText(e.trigger)}
                  {e.station && (e.trigger === 'operator' || e.trigger === 'remote') ? ` (${e.station})` : ''}
                </td>
                <td className="px-2 py-0.5">{journalReasonText(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
