import { useId, useRef, useState, type FormEvent } from 'react';
import { Dialog, DialogActions } from '../components/dialog';
import { parseWriteValue } from '../../src/sparkplug';
import { writeSparkplugMetric } from './sparkplugActions';
import { metricValueText, targetPath } from './formatSparkplug';
import type { SparkplugMetricView, SparkplugTarget } from './types';
import { useT } from '../i18n/useT';

/**
 * "Write <metric>": a value typed by the metric's BIRTH datatype (Boolean as a switch), checked
 * here before it leaves (range of its integer type, a number, true/false) and sent as NCMD/DCMD
 * at QoS 0. The row then shows the write pending until the new value arrives, or timed out.
 */
export function WriteDialog({ target, metric, onClose }: { target: SparkplugTarget; metric: SparkplugMetricView; onClose(): void }) {
  const t = useT();
  const headingId = useId();
  const errorId = useId();
  const boolean = metric.datatype === 'Boolean';
  const [text, setText] = useState(() => (boolean ? (metric.value === 'true' ? 'true' : 'false') : metric.isNull ? '' : metric.value));
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseWriteValue(metric.datatype, text);
    if (parsed.ok !== true) {
      setError(parsed.error);
      inputRef.current?.focus();
      return;
    }
    // The worker types the text again by the BIRTH datatype it holds (the same parseWriteValue).
    writeSparkplugMetric(target, metric.name, text);
    onClose();
  };

  const field = 'min-h-11 rounded border border-hmi-border bg-hmi-panel px-2 font-mono';
  return (
    <Dialog labelledBy={headingId} onClose={onClose} initialFocus={inputRef} className="m-auto w-[min(30rem,92vw)] rounded border border-hmi-text bg-hmi-raised p-0 text-hmi-text backdrop:bg-black/40">
      <form noValidate className="grid gap-3 p-4" onSubmit={submit}>
        <h2 id={headingId} className="text-base font-semibold">
          {t('Write {name}', { name: metric.name })}
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
          <dt className="text-hmi-muted">{t('To')}</dt>
          <dd className="break-all">
            {t('{path} ({command}, QoS 0)', { path: targetPath(target), command: target.device === undefined ? 'NCMD' : 'DCMD' })}
          </dd>
          <dt className="text-hmi-muted">{t('Datatype')}</dt>
          <dd>{metric.datatype}</dd>
          <dt className="text-hmi-muted">{t('Current value')}</dt>
          <dd className="break-all font-mono">
            {metricValueText(metric)}
            {metric.units ? ` ${metric.units}` : ''}
            {metric.stale ? t(' (stale)') : ''}
          </dd>
        </dl>
        {boolean ? (
          <label className="flex items-center gap-2">
            <span className="text-xs text-hmi-muted">{t('Value')}</span>
            <input
              ref={inputRef}
              type="checkbox"
              role="switch"
              aria-label={t('Value')}
              className="h-6 w-6 accent-hmi-muted"
              checked={text === 'true'}
              onChange={(e) => setText(e.target.checked ? 'true' : 'false')}
            />
            <span className="font-mono">{text}</span>
          </label>
        ) : (
          <label className="grid gap-1">
            <span className="text-xs text-hmi-muted">{t('Value')}{metric.units ? ` (${metric.units})` : ''}</span>
            <input
              ref={inputRef}
              type="text"
              aria-label={t('Value')}
              aria-invalid={error !== null}
              aria-describedby={error !== null ? errorId : undefined}
              inputMode={/Int|Float|Double/.test(metric.datatype) ? 'decimal' : undefined}
              autoComplete="off"
              className={field}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setError(null);
              }}
            />
          </label>
        )}
        {error !== null && (
          <p id={errorId} role="alert" className="rounded border-2 border-hmi-text bg-hmi-panel px-2 py-1 font-semibold">
            {t('Refused: {error}', { error })}
          </p>
        )}
        <DialogActions label={t('Send')} onCancel={onClose} command />
      </form>
    </Dialog>
  );
}
