import { decimalsField } from '../common/settings';
import { sparkplugField, templateField, valuesField } from '../CommandButton/settings';
import type { SettingField } from '../types';
import { msg } from '../../i18n/i18n';

export const setpointSettings: readonly SettingField[] = [
  templateField,
  { key: 'variable', label: msg('Variable to set'), kind: 'text', placeholder: 'the first number variable' },
  valuesField,
  sparkplugField,
  decimalsField,
];
