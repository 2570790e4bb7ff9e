import { useState, type ReactNode } from 'react';
import { useConfirm } from '../components/dialog';
import { CommandForm } from '../components/CommandForm';
import { SetpointEntry } from '../components/SetpointEntry';
import { connectionLabel, writeWidgetMetric } from './sparkplugActions';
import { useSparkplugWrite } from './useSparkplug';
import type { WidgetWriteTarget } from './widgetWrite';
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

/** The status of a write in words: pending until the new value arrives in DATA, or timed out. */
function statusText(state: string | undefined, metric: string, value: string | undefined, reason: string | undefined): string {
  switch (state) {
    case undefined:
      return '';
    case 'pending':
      return `Pending: ${metric} = ${value}`;
    case 'confirmed':
      return `Written: ${metric} = ${value}`;
    case 'timed-out':
      return `Failed: timed out${reason ? ` (${reason})` : ''}`;
    default:
      return `Failed: ${reason ?? 'refused'}`;
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
  const [error, setError] = useState<string | null>(null);
  const write = useSparkplugWrite(reqId);
  const setpoint = fixedValue === undefined;

  const send = async () => {
    const value = setpoint ? typed.trim() : fixedValue;
    const n = Number(value);
    if (setpoint && (value === '' || !Number.isFinite(n))) return setError('Failed: type a number');
    if (setpoint && min !== undefined && n < min) return setError(`Failed: below the minimum ${min}${unit ? ` ${unit}` : ''}`);
    if (setpoint && max !== undefined && n > max) return setError(`Failed: above the maximum ${max}${unit ? ` ${unit}` : ''}`);
    const kind = target.device === undefined ? 'NCMD' : 'DCMD';
    const ok = await ask({
      title: 'Confirm write',
      message: `Write ${target.metric} = ${value}${unit ? ` ${unit}` : ''}?`,
      details: [
        ['Connection', connectionLabel(target.connection)],
        ['To', `${[target.group, target.node, target.device].filter(Boolean).join(' / ')} (${kind}, QoS 0)`],
        ['Metric', target.metric],
        ['Value', value],
      ],
      confirmLabel: 'Write',
    });
    if (!ok) return setError('Cancelled');
    const sent = writeWidgetMetric(target, value);
    if (!sent.ok) return setError(`Failed: ${sent.error}`);
    setError(null);
    setReqId(sent.reqId);
  };

  const status = error ?? statusText(write?.state, target.metric, write?.value, write?.reason);
  const failed = status.startsWith('Failed');
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
        {status}
      </div>
      {confirmDialog}
    </CommandForm>
  );
}
