import { useT } from '../i18n/useT';

export interface SetpointEntryProps {
  /** The visible caption before the field (a variable's label, a metric's name). */
  readonly caption: string;
  /** The field's accessible name (e2e tests and screen readers find it by this). */
  readonly inputLabel: string;
  readonly numeric: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number | 'any';
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly unit: string;
  /** The button's word ("Set"); it submits the surrounding form, which checks and confirms. */
  readonly action: string;
  readonly disabled?: boolean;
}

/**
 * Typing a value to send to the plant, as a template setpoint and a Sparkplug metric write both
 * ask for it: caption, a touch-size field, its unit, and the button that submits the form.
 */
export function SetpointEntry({ caption, inputLabel, numeric, min, max, step = 'any', value, onChange, unit, action, disabled = false }: SetpointEntryProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-1">
        <span className="text-xs text-hmi-muted">{caption}</span>
        <input
          type={numeric ? 'number' : 'text'}
          aria-label={inputLabel}
          className="min-h-11 w-28 rounded border border-hmi-border bg-hmi-raised px-2 text-right font-mono text-lg"
          min={min}
          max={max}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit && <span>{unit}</span>}
      </label>
      <button type="submit" disabled={disabled} className="min-h-11 rounded border-2 border-hmi-text bg-hmi-raised px-4 font-semibold disabled:opacity-60">
        {action}
      </button>
    </div>
  );
}

/** The value the plant reports now, beside a setpoint: the operator sees the effect, no optimistic update (ISA-101). */
export function CurrentValue({ text, stale }: { readonly text: string; readonly stale: boolean }) {
  const t = useT();
  return (
    <p className="flex items-baseline gap-2">
      <span className="text-xs text-hmi-muted">{t('Current')}</span>
      <span className={`font-mono text-xl ${stale ? 'text-stale' : ''}`}>{text}</span>
    </p>
  );
}
