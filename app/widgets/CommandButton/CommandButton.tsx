import { CommandStatus } from '../../commands/CommandStatus';
import { useConfirm } from '../../components/dialog';
import { useCommandRun, useTemplate } from '../../commands/hooks';
import { runTemplate } from '../../commands/confirmCommandActions';
import { widgetTemplateId, widgetValues } from '../../commands/widgetValues';
import { SparkplugWriteControl } from '../../sparkplug/SparkplugWriteControl';
import { widgetSparkplugValue, widgetSparkplugWrite } from '../../sparkplug/widgetWrite';
import type { WidgetProps } from '../types';
import type { CommandButtonOptions } from './types';
import { useT } from '../../i18n/useT';

/**
 * A button that publishes a command template; the template's confirmation ("Stop line 1?") is
 * asked first. The widget shows the delivery status (and the reply, for a request) below it.
 */
function CommandButton(props: WidgetProps) {
  const t = useT();
  const { widget } = props;
  const template = useTemplate(widgetTemplateId(widget));
  // A button on a Sparkplug metric (`sparkplug: {metric, value}`, or a template on NCMD/DCMD) writes it (issue 13).
  const sparkplug = widgetSparkplugWrite(widget, template, props.series[0]);
  if (!sparkplug) return <TemplateButton {...props} />;
  if (!sparkplug.ok) return <p className="text-hmi-muted">{sparkplug.error}</p>;
  const value = widgetSparkplugValue(widget);
  if (value === undefined) return <p className="text-hmi-muted">{t('Sparkplug write: set the value this button writes (sparkplug.value).')}</p>;
  const label = (widget as CommandButtonOptions).label || `${sparkplug.target.metric} = ${value}`;
  return <SparkplugWriteControl target={sparkplug.target} fixedValue={value} label={label} />;
}

function TemplateButton({ widget, instanceId }: WidgetProps) {
  const t = useT();
  const templateId = widgetTemplateId(widget);
  const template = useTemplate(templateId);
  const [confirmDialog, ask] = useConfirm();
  const slot = `widget:${instanceId}`;
  const run = useCommandRun(slot);
  const label = (widget as CommandButtonOptions).label || template?.name || templateId || t('Send');
  if (!template) return <p className="text-hmi-muted">{t('No command template “{template}”: set one in the widget settings.', { template: templateId || t('(none)') })}</p>;
  const busy = run?.outcome === 'sending';
  return (
    <div className="flex h-full flex-col gap-2 overflow-auto">
      <button
        type="button"
        disabled={busy}
        className="min-h-12 rounded border-2 border-hmi-text bg-hmi-raised px-4 text-lg font-semibold disabled:opacity-60"
        onClick={() => void runTemplate({ slot, template, values: widgetValues(widget), source: `Widget ${widget.title || widget.id}`, ask })}
      >
        {label}
      </button>
      <CommandStatus slot={slot} label={t('Command status')} compact />
      {confirmDialog}
    </div>
  );
}

export default CommandButton;
