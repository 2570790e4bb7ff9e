import { formatFixedValues, parseFixedValues } from '../../commands/widgetValues';
import type { SettingField } from '../types';

export const templateField: SettingField = {
  key: 'template',
  label: 'Command template id',
  kind: 'text',
  placeholder: 'e.g. line1-stop',
  help: 'A template from Publish → Edit command templates; its confirmation text is asked before sending.',
};

export const valuesField: SettingField = {
  key: 'values',
  label: 'Fixed variable values',
  kind: 'lines',
  placeholder: 'machine=press1',
  help: 'One name=value per line, for the template variables this widget does not ask for.',
  parse: parseFixedValues,
  format: formatFixedValues,
};

export const commandButtonSettings: readonly SettingField[] = [
  templateField,
  { key: 'label', label: 'Button label', kind: 'text', placeholder: 'the template name' },
  valuesField,
];
