import { decimalsField, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';
import { WINDOWS } from './types';

export const lineSettings: readonly SettingField[] = [
  { key: 'window', label: 'Time window', kind: 'select', options: WINDOWS.map((w) => ({ value: w.id, label: w.label })) },
  unitField,
  decimalsField,
  { key: 'min', label: 'Y axis minimum', kind: 'number', placeholder: 'auto' },
  { key: 'max', label: 'Y axis maximum', kind: 'number', placeholder: 'auto' },
  staleField,
];
