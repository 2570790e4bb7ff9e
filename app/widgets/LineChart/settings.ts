import { decimalsField, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';
import { WINDOWS } from './types';
import { msg } from '../../i18n/i18n';

export const lineSettings: readonly SettingField[] = [
  { key: 'window', label: msg('Time window'), kind: 'select', options: WINDOWS.map((w) => ({ value: w.id, label: w.label })) },
  unitField,
  decimalsField,
  { key: 'min', label: msg('Y axis minimum'), kind: 'number', placeholder: 'auto' },
  { key: 'max', label: msg('Y axis maximum'), kind: 'number', placeholder: 'auto' },
  staleField,
];
