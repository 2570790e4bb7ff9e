import { decimalsField, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';
import { DEFAULT_BARS } from './types';
import { msg } from '../../i18n/i18n';

export const barSettings: readonly SettingField[] = [
  unitField,
  decimalsField,
  { key: 'bars', label: msg('Bars shown'), kind: 'number', placeholder: String(DEFAULT_BARS), help: msg('How many intervals, newest last (e.g. 24 hours, 7 days).') },
  staleField,
];
