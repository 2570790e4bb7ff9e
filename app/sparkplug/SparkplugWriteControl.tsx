import { useState, type ReactNode } from 'react';
import { useConfirm } from '../components/dialog';
import { CommandForm } from '../components/CommandForm';
import { SetpointEntry } from '../components/SetpointEntry';
import { connectionLabel, writeWidgetMetric } from './sparkplugActions';
import { useSparkplugWrite } from './useSparkplug';
import type { WidgetWriteTarget } from './widgetWrite';
import { t } from '../i18n/i18n';
import { useT } from '../i18n/useT';

export interface WriteControlProps {
  readonly target: WidgetWriteTarget;
  /** Button: the fixed value it writes. */
  readonly fixedValue?: string;
  readonly label: string;
  /** Setpoint: limits for the typed number (from the widget, else the template variable). */
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  /** Setpoint: shown above the input (the process value read back). */
  readonly current?: ReactNode;
}

type Status = { readonly text: string; readonly failed: boolean };

const failure = (reason: string): Status => ({ text: t('Failed: {reason}', { reason }), failed: true });

/** The status of a write in words (UI language): pending until the new value arrives in DATA, or timed out. */
function statusText(state: string | undefined, metric: string, value: string | undefined, reason: string | undefined): Status {
  switch (state) {
    case undefined:
      return { text: '', failed: false };
    case 'pending':
      return { text: t('Pending: {metric} = {value}', { metric, value }), failed: false };
    case 'confirmed':
      return { text: t('Written: {metric} = {value}', { metric, value }), failed: false };
    case 'timed-out':
      return failure(reason ? t('timed out ({reason})', { reason }) : t('timed out'));
    default:
      return failure(reason ?? t('refused'));
  }
}

/**
 * A command widget that writes one Sparkplug metric (NCMD/DCMD through the worker's host, typed
 * by the metric's BIRTH datatype) instead of publishing a template. Confirmed first (ISA-101
 * select → confirm → execute), then its status follows the write.
 */
export function SparkplugWriteControl({ target, fixedValue, label, min, max, unit, current }: WriteControlProps) {
  const t = useT();
  const [confirmDialog, ask] = useConfirm();
  const [typed, setTyped] = useState('');
  const [reqId, setReqId] = useState<number | null>(null);
  const [error, setError] = useState<Status | null>(null);
  const write = useSparkplugWrite(reqId);
  const setpoint = fixedValue === undefined;

  const send = async () => {
    const value = setpoint ? typed.trim() : fixedValue;
    const n = Number(value);
    if (setpoint && (value === '' || !Number.isFinite(n))) return setError(failure(t('type a number')));
    if (setpoint && min !== undefined && n < min) return setError(failure(t('below the minimum {limit}', { limit: `${min}${unit ? ` ${unit}` : ''}` })));
    if (setpoint && max !== undefined && n > max) return setError(failure(t('above the maximum {limit}', { limit: `${max}${unit ? ` ${unit}` : ''}` })));
    const kind = target.device === undefined ? 'NCMD' : 'DCMD';
    const ok = await ask({
      title: t('Confirm write'),
      message: t('Write {metric} = {value}?', { metric: target.metric, value: `${value}${unit ? ` ${unit}` : ''}` }),
      details: [
        [t('Connection'), connectionLabel(target.connection)],
        [t('To'), `${[target.group, target.node, target.device].filter(Boolean).join(' / ')} (${kind}, QoS 0)`],
        [t('Metric'), target.metric],
        [t('Value'), value],
      ],
      confirmLabel: t('Write'),
    });
    if (!ok) return setError({ text: t('Cancelled'), failed: false });
    const sent = writeWidgetMetric(target, value);
    if (!sent.ok) return setError(failure(sent.error));
    setError(null);
    setReqId(sent.reqId);
  };

  const status = error ?? statusText(write?.state, target.metric, write?.value, write?.reason);
  const failed = status.failed;
  return (
    <CommandForm onSubmit={() => void send()}>
      {current}
      {setpoint ? (
        <SetpointEntry caption={target.metric} inputLabel={target.metric} numeric min={min} max={max} value={typed} onChange={setTyped} unit={unit ?? ''} action={label} />
      ) : (
        <button type="submit" className="min-h-12 rounded border-2 border-hmi-text bg-hmi-raised px-4 text-lg font-semibold">
          {label}
        </button>
      )}
      <div role="status" aria-label={t('Command status')} className={`min-h-5 text-[13px] ${failed ? 'font-semibold text-alarm-high' : write?.state === 'pending' ? 'italic' : ''}`}>
        {status.text}
      </div>
      {confirmDialog}
    </CommandForm>
  );
}
