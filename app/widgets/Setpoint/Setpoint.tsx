import { useState } from 'react';
import { variableLabel } from '../../../src/commands';
import { CommandStatus } from '../../commands/CommandStatus';
import { useConfirm } from '../../components/dialog';
import { CommandForm } from '../../components/CommandForm';
import { CurrentValue, SetpointEntry } from '../../components/SetpointEntry';
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
  const current = series.length > 0 && <CurrentValue text={formatValue(latest[0]?.value ?? null, options.decimals, unit)} stale={stale[0]} />;
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
    <CommandForm onSubmit={send}>
      {series.length > 0 && <CurrentValue text={formatValue(actual?.value ?? null, options.decimals, series[0].unit || unit)} stale={stale[0]} />}
      <SetpointEntry
        caption={variableLabel(variable)}
        inputLabel={variableName(variable)}
        numeric={numeric}
        min={variable.min}
        max={variable.max}
        step={variable.step ?? (variable.type === 'integer' ? 1 : 'any')}
        value={value}
        onChange={setValue}
        unit={unit}
        action={t('Set')}
        disabled={run?.outcome === 'sending'}
      />
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
    </CommandForm>
  );
}

export default Setpoint;
