import { decimalsField, formatBands, parseBands, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';
import { msg } from '../../i18n/i18n';

export const gaugeSettings: readonly SettingField[] = [
  { key: 'min', label: msg('Minimum'), kind: 'number', placeholder: '0' },
  { key: 'max', label: msg('Maximum'), kind: 'number', placeholder: '100' },
  unitField,
  decimalsField,
  {
    key: 'bands',
    label: msg('Bands'),
    kind: 'lines',
    placeholder: '0..80\n80..100 high',
    help: msg('One band per line: from..to, then a priority (critical, high, medium, low) for an abnormal band.'),
    parse: parseBands,
    format: formatBands,
  },
  staleField,
];
