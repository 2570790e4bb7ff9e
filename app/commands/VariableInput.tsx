import { variableLabel } from '../../src/commands';
import type { CommandVariableConfig } from '../../src/config';
import { caption, field, fieldBase } from './styles';
import { useT } from '../i18n/useT';

/** "Setpoint (°C)": the accessible name of a variable's input. */
export const variableName = (v: CommandVariableConfig) => `${variableLabel(v)}${v.unit ? ` (${v.unit})` : ''}`;

export function rangeHint(v: CommandVariableConfig): string {
  const unit = v.unit ? ` ${v.unit}` : '';
  if (v.min !== undefined && v.max !== undefined) return `${v.min}–${v.max}${unit}`;
  if (v.min !== undefined) return `≥ ${v.min}${unit}`;
  if (v.max !== undefined) return `≤ ${v.max}${unit}`;
  return '';
}

/** One typed template variable: number within its limits, a choice, true/false or text. */
export function VariableInput({ variable: v, value, onChange, large = false }: { variable: CommandVariableConfig; value: string; onChange: (value: string) => void; large?: boolean }) {
  const t = useT();
  const name = variableName(v);
  const size = large ? 'min-h-11 text-lg' : '';
  let control;
  switch (v.type) {
    case 'number':
    case 'integer':
      control = (
        <input
          type="number"
          aria-label={name}
          className={`${fieldBase} ${size} w-32 text-right font-mono`}
          min={v.min}
          max={v.max}
          step={v.step ?? (v.type === 'integer' ? 1 : 'any')}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'choice':
      control = (
        <select aria-label={name} className={`${fieldBase} ${size} w-auto`} value={value} onChange={(e) => onChange(e.target.value)}>
          {value === '' && <option value="">{t('Choose…')}</option>}
          {(v.choices ?? []).map((c) => (
            <option key={String(c)} value={String(c)}>
              {String(c)}
            </option>
          ))}
        </select>
      );
      break;
    case 'boolean':
      control = (
        <select aria-label={name} className={`${fieldBase} ${size} w-auto`} value={value} onChange={(e) => onChange(e.target.value)}>
          {value === '' && <option value="">{t('Choose…')}</option>}
          <option value="true">{t('true')}</option>
          <option value="false">{t('false')}</option>
        </select>
      );
      break;
    case 'string':
      control = <input aria-label={name} className={`${field} ${size} font-mono`} value={value} onChange={(e) => onChange(e.target.value)} />;
      break;
  }
  const hint = rangeHint(v);
  return (
    <label className="grid gap-0.5">
      <span className={caption}>{variableLabel(v)}</span>
      <span className="flex items-center gap-1">
        {control}
        {v.unit && <span>{v.unit}</span>}
        {hint && <span className={`${caption} whitespace-nowrap`}>({hint})</span>}
      </span>
    </label>
  );
}
