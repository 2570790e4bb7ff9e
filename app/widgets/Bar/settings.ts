import { decimalsField, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';
import { DEFAULT_BARS } from './types';

export const barSettings: readonly SettingField[] = [
  unitField,
  decimalsField,
  { key: 'bars', label: 'Bars shown', kind: 'number', placeholder: String(DEFAULT_BARS), help: 'How many intervals, newest last (e.g. 24 hours, 7 days).' },
  staleField,
];
