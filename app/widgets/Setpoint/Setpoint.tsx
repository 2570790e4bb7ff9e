import { useState } from 'react';
import { variableLabel } from '../../../src/commands';
import { CommandStatus } from '../../commands/CommandStatus';
import { useConfirm } from '../../components/dialog';
import { useCommandRun, useTemplate } from '../../commands/hooks';
import { runTemplate } from '../../commands/confirmCommandActions';
import { rangeHint, variableName } from '../../commands/VariableInput';
import { clampToVariable, setpointVariable, widgetTemplateId, widgetValues } from '../../commands/widgetValues';
import { SparkplugWriteControl } from '../../sparkplug/SparkplugWriteControl';
import { widgetSparkplugWrite } from '../../sparkplug/widgetWrite';
import { formatValue } from '../common/format';
import type { WidgetProps } from '../types';
import type { SetpointOptions } from './types';
import { useT } from '../../i18n/useT';

/**
 * A setpoint: type a number or slide within the template variable's limits, then "Set" publishes
 * the template (with its confirmation, if any). With a series, the current value is shown
 * beside it, so the operator sees the effect without optimistic updates (ISA-101).
 */
function Setpoint(props: WidgetProps) {
  const t = useT();
  const { widget, series, latest, stale } = props;
  const template = useTemplate(widgetTemplateId(widget));
  // A setpoint on a Sparkplug metric (`sparkplug: {metric}`, a template on NCMD/DCMD, or its DDATA series) writes it (issue 13).
  const sparkplug = widgetSparkplugWrite(widget, template, props.series[0]);
  if (!sparkplug) return <TemplateSetpoint {...props} />;
  if (!sparkplug.ok) return <p className="text-hmi-muted">{sparkplug.error}</p>;
  const options = widget as SetpointOptions & { min?: number; max?: number };
  const variable = setpointVariable(template, options.variable);
  const unit = series[0]?.unit || variable?.unit || '';
  const current = series.length > 0 && (
    <p className="flex items-baseline gap-2">
      <span className="text-xs text-hmi-muted">{t('Current')}</span>
      <span className={`font-mono text-xl ${stale[0] ? 'text-stale' : ''}`}>{formatValue(latest[0]?.value ?? null, options.decimals, unit)}</span>
    </p>
  );
  return <SparkplugWriteControl target={sparkplug.target} label={t('Set')} min={options.min ?? variable?.min} max={options.max ?? variable?.max} unit={unit} current={current} />;
}

function TemplateSetpoint({ widget, instanceId, series, latest, stale }: WidgetProps) {
  const t = useT();
  const options = widget as SetpointOptions;
  const templateId = widgetTemplateId(widget);
  const template = useTemplate(templateId);
  const variable = setpointVariable(template, options.variable);
  const [confirmDialog, ask] = useConfirm();
  const slot = `widget:${instanceId}`;
  const run = useCommandRun(slot);
  // null until the operator types: the template (and its default) may arrive after the first render.
  const [typed, setValue] = useState<string | null>(null);
  if (!template) return <p className="text-hmi-muted">{t('No command template “{template}”: set one in the widget settings.', { template: templateId || t('(none)') })}</p>;
  if (!variable) return <p className="text-hmi-muted">{t('Template “{template}” has no variable to set.', { template: template.name || template.id })}</p>;

  const value = typed ?? (variable.default === undefined ? '' : String(variable.default));
  const unit = variable.unit ?? '';
  const numeric = variable.type === 'number' || variable.type === 'integer';
  const slidable = numeric && variable.min !== undefined && variable.max !== undefined;
  const n = Number(value);
  const actual = series.length ? latest[0] : undefined;
  const send = () =>
    void runTemplate({ slot, template, values: { ...widgetValues(widget), [variable.name]: value }, source: `Widget ${widget.title || widget.id}`, ask });

  return (
    <form
      // Our own checks name the limit ("above the maximum 120 °C"); the browser's bubble would not reach the status.
      noValidate
      className="flex h-full flex-col gap-2 overflow-auto"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      {series.length > 0 && (
        <p className="flex items-baseline gap-2">
          <span className="text-xs text-hmi-muted">{t('Current')}</span>
          <span className={`font-mono text-xl ${stale[0] ? 'text-stale' : ''}`}>{formatValue(actual?.value ?? null, options.decimals, series[0].unit || unit)}</span>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <label className="flex items-center gap-1">
          <span className="text-xs text-hmi-muted">{variableLabel(variable)}</span>
          <input
            type={numeric ? 'number' : 'text'}
            aria-label={variableName(variable)}
            className="min-h-11 w-28 rounded border border-hmi-border bg-hmi-raised px-2 text-right font-mono text-lg"
            min={variable.min}
            max={variable.max}
            step={variable.step ?? (variable.type === 'integer' ? 1 : 'any')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
          {unit && <span>{unit}</span>}
        </label>
        <button type="submit" disabled={run?.outcome === 'sending'} className="min-h-11 rounded border-2 border-hmi-text bg-hmi-raised px-4 font-semibold disabled:opacity-60">
          {t('Set')}
        </button>
      </div>
      {slidable && (
        <label className="grid gap-0.5">
          <input
            type="range"
            className="accent-hmi-muted"
            aria-label={t('{variable} slider', { variable: variableLabel(variable) })}
            min={variable.min}
            max={variable.max}
            step={variable.step ?? (variable.type === 'integer' ? 1 : (variable.max! - variable.min!) / 200)}
            value={Number.isFinite(n) && value !== '' ? clampToVariable(variable, n) : variable.min}
            onChange={(e) => setValue(e.target.value)}
          />
          <span className="text-xs text-hmi-muted">{rangeHint(variable)}</span>
        </label>
      )}
      <CommandStatus slot={slot} label={t('Command status')} compact />
      {confirmDialog}
    </form>
  );
}

export default Setpoint;
