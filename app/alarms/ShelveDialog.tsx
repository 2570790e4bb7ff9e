import { useId, useState } from 'react';
import type { AlarmView } from '../../src/alarms';
import { Dialog, DialogActions } from '../components/dialog';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';
import { shelveAlarms } from './alarmActions';

/** ISA-18.2 shelving presets (iiot-standards.md: 15 min / 1 h / 4 h / end of shift), plus seconds for testing and short jobs. */
const PRESETS = [
  { label: msg('15 minutes'), ms: 15 * 60_000 },
  { label: msg('1 hour'), ms: 3600_000 },
  { label: msg('4 hours'), ms: 4 * 3600_000 },
  { label: msg('8 hours (a shift)'), ms: 8 * 3600_000 },
];

/** Shelve one or more alarms for a limited time, with a reason (both required). */
export function ShelveDialog({ alarms, maxMs, onClose }: { alarms: readonly AlarmView[]; maxMs: number; onClose: () => void }) {
  const t = useT();
  const [preset, setPreset] = useState(String(PRESETS[0].ms));
  const [seconds, setSeconds] = useState('60');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const id = useId();

  const durationMs = preset === 'custom' ? Math.round(Number(seconds) * 1000) : Number(preset);
  const durationError =
    !Number.isFinite(durationMs) || durationMs < 1000 ? t('Give a duration of at least 1 second.') : durationMs > maxMs ? t('At most {hours} h by the alarm philosophy.', { hours: maxMs / 3600_000 }) : '';
  const reasonError = reason.trim() ? '' : t('Give a reason for shelving.');

  const submit = () => {
    setTried(true);
    if (durationError || reasonError) return;
    shelveAlarms(
      alarms.map((a) => a.key),
      durationMs,
      reason.trim(),
    );
    onClose();
  };

  return (
    <Dialog label={t('Shelve alarm')} onClose={onClose} className="m-auto w-[min(30rem,94vw)] rounded border border-hmi-text bg-hmi-panel p-0 text-hmi-text backdrop:bg-black/40">
      <form
        className="grid gap-3 p-4 text-[13px]"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2 className="text-sm font-semibold">{alarms.length === 1 ? t('Shelve {name}', { name: alarms[0].name }) : t('Shelve {count} alarms', { count: alarms.length })}</h2>
        <p className="text-xs text-hmi-muted">{t('A shelved alarm is not annunciated; it returns by itself when the time is up, and sounds again if still active.')}</p>
        <label className="grid gap-1">
          <span>{t('Shelve duration')}</span>
          <select className="rounded border border-hmi-border bg-hmi-raised px-2 py-1" value={preset} onChange={(e) => setPreset(e.target.value)}>
            {PRESETS.filter((p) => p.ms <= maxMs).map((p) => (
              <option key={p.ms} value={String(p.ms)}>
                {t(p.label)}
              </option>
            ))}
            <option value="custom">{t('Custom (seconds)')}</option>
          </select>
        </label>
        {preset === 'custom' && (
          <label className="grid gap-1">
            <span>{t('Duration in seconds')}</span>
            <input type="number" min={1} className="rounded border border-hmi-border bg-hmi-raised px-2 py-1" value={seconds} onChange={(e) => setSeconds(e.target.value)} />
          </label>
        )}
        {tried && durationError && <p className="text-xs font-semibold">{durationError}</p>}
        <label className="grid gap-1">
          <span>{t('Shelve reason')}</span>
          <input
            className="rounded border border-hmi-border bg-hmi-raised px-2 py-1"
            value={reason}
            aria-invalid={tried && !!reasonError}
            aria-describedby={tried && reasonError ? `${id}-reason` : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        {tried && reasonError && (
          <p id={`${id}-reason`} className="text-xs font-semibold">
            {reasonError}
          </p>
        )}
        <DialogActions label={t('Shelve')} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
