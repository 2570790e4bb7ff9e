import { formatFixedValues, parseFixedValues } from '../../commands/widgetValues';
import { formatSparkplugField, parseSparkplugField } from '../../sparkplug/widgetWrite';
import type { SettingField } from '../types';
import { msg } from '../../i18n/i18n';

export const templateField: SettingField = {
  key: 'template',
  label: msg('Command template id'),
  kind: 'text',
  placeholder: 'e.g. line1-stop',
  help: msg('A template from Publish → Edit command templates; its confirmation text is asked before sending.'),
};

export const valuesField: SettingField = {
  key: 'values',
  label: msg('Fixed variable values'),
  kind: 'lines',
  placeholder: 'machine=press1',
  help: msg('One name=value per line, for the template variables this widget does not ask for.'),
  parse: parseFixedValues,
  format: formatFixedValues,
};

/** Issue 13: the widget writes one Sparkplug B metric (NCMD/DCMD) instead of publishing its template. */
export const sparkplugField: SettingField = {
  key: 'sparkplug',
  label: msg('Sparkplug write'),
  kind: 'lines',
  placeholder: 'metric=Setpoint/Speed\ntopic=spBv1.0/Plant/DCMD/Edge1/Pump1',
  help: msg('Optional. One name=value per line: metric (required), topic (else the series topic), connection, value (a button’s fixed value).'),
  parse: parseSparkplugField,
  format: formatSparkplugField,
};

export const commandButtonSettings: readonly SettingField[] = [
  templateField,
  { key: 'label', label: msg('Button label'), kind: 'text', placeholder: 'the template name' },
  valuesField,
  sparkplugField,
];
