import { isValidFilter } from '../../../src/topics';
import { staleField } from '../common/settings';
import type { SettingField } from '../types';
import { formatColumns, parseColumns } from './tableRows';
import { msg } from '../../i18n/i18n';

export const tableSettings: readonly SettingField[] = [
  {
    key: 'rows',
    label: msg('Rows topic'),
    kind: 'text',
    placeholder: 'fleet/+/status',
    help: msg('A row per topic matching this filter; the first column shows what + stood for.'),
    parse: (text) => {
      if (!isValidFilter(text)) throw new Error('must be an MQTT topic filter, e.g. fleet/+/status');
      return { topic: text };
    },
    format: (value) => (value && typeof value === 'object' && 'topic' in value ? String(value.topic) : ''),
  },
  {
    key: 'columns',
    label: msg('Columns'),
    kind: 'lines',
    placeholder: 'Fuel | fuel | %\nSpeed | speed | km/h',
    help: msg('One per line: title | payload path | unit.'),
    parse: parseColumns,
    format: formatColumns,
  },
  staleField,
];
