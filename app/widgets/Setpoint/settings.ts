import { decimalsField } from '../common/settings';
import { sparkplugField, templateField, valuesField } from '../CommandButton/settings';
import type { SettingField } from '../types';

export const setpointSettings: readonly SettingField[] = [
  templateField,
  { key: 'variable', label: 'Variable to set', kind: 'text', placeholder: 'the first number variable' },
  valuesField,
  sparkplugField,
  decimalsField,
];
