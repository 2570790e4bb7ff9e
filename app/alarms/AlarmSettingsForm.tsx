import { useState } from 'react';
import { parseAlarmSettings } from '../../src/alarms';
import { isValidTopicName } from '../../src/topics';
import { useSite } from '../hooks/useSite';
import { useT } from '../i18n/useT';
import { saveAlarmSettings } from './alarmActions';

const input = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1 font-mono';

/** Options stored in the site config's `alarmSettings`; the MQTT ones are off unless a topic is given. */
export function AlarmSettingsForm() {
  const t = useT();
  const raw = useSite((s) => (s.config as Record<string, unknown>).alarmSettings) as Record<string, unknown> | undefined;
  const current = parseAlarmSettings(raw);
  const [publishTopic, setPublishTopic] = useState(current.publishTopic ?? '');
  const [shareAcksTopic, setShareAcksTopic] = useState(current.shareAcksTopic ?? '');
  const [journalMax, setJournalMax] = useState(String(current.journalMax ?? 20000));
  const [maxShelveH, setMaxShelveH] = useState(String((current.maxShelveMs ?? 12 * 3600_000) / 3600_000));
  const [saved, setSaved] = useState('');

  const problems: string[] = [];
  if (publishTopic.trim() && !isValidTopicName(publishTopic.trim())) problems.push(t('Publish topic must be one topic without + or #.'));
  if (shareAcksTopic.trim() && !isValidTopicName(shareAcksTopic.trim())) problems.push(t('Acknowledgement topic must be one topic without + or #.'));
  if (!(Number(journalMax) >= 100)) problems.push(t('Journal size must be at least 100 entries.'));
  if (!(Number(maxShelveH) > 0)) problems.push(t('Longest shelving must be more than 0 hours.'));

  return (
    <form
      aria-label={t('Alarm settings')}
      className="grid gap-2 rounded border border-hmi-border bg-hmi-panel p-3 text-[13px]"
      onSubmit={(e) => {
        e.preventDefault();
        if (problems.length) return;
        saveAlarmSettings({
          ...(raw ?? {}),
          publishTopic: publishTopic.trim() || undefined,
          shareAcksTopic: shareAcksTopic.trim() || undefined,
          journalMax: Math.round(Number(journalMax)),
          maxShelveMs: Math.round(Number(maxShelveH) * 3600_000),
        });
        setSaved(t('Saved.'));
      }}
    >
      <h3 className="font-semibold">{t('Alarm settings')}</h3>
      <div className="grid gap-2 md:grid-cols-2">
        <label className="grid gap-1">
          <span className="text-xs text-hmi-muted">{t('Publish transitions to topic (off when empty)')}</span>
          <input className={input} value={publishTopic} placeholder="sightglass/alarms/events" onChange={(e) => setPublishTopic(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="text-xs text-hmi-muted">{t('Share acknowledgements through topic (off when empty)')}</span>
          <input className={input} value={shareAcksTopic} placeholder="sightglass/alarms/ack" onChange={(e) => setShareAcksTopic(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="text-xs text-hmi-muted">{t('Journal size (entries)')}</span>
          <input className={input} inputMode="numeric" value={journalMax} onChange={(e) => setJournalMax(e.target.value)} />
        </label>
        <label className="grid gap-1">
          <span className="text-xs text-hmi-muted">{t('Longest shelving (hours)')}</span>
          <input className={input} inputMode="decimal" value={maxShelveH} onChange={(e) => setMaxShelveH(e.target.value)} />
        </label>
      </div>
      <p className="text-xs text-hmi-muted">
        {t(
          "Acknowledgements, shelving and resets of latched alarms are shared; every screen must use the same topic, and the connection's subscriptions must include it. Screens that connect later learn the current shelves from a retained message there.",
        )}
      </p>
      {problems.map((p) => (
        <p key={p} className="text-xs font-semibold">
          {p}
        </p>
      ))}
      <div className="flex items-center gap-2">
        <button type="submit" className="rounded border border-hmi-text bg-hmi-raised px-3 py-1 font-semibold" disabled={problems.length > 0}>
          {t('Save alarm settings')}
        </button>
        <span role="status" className="text-xs">
          {saved}
        </span>
      </div>
    </form>
  );
}
