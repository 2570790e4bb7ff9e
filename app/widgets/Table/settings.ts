import { isValidFilter } from '../../../src/topics';
import { staleField } from '../common/settings';
import type { SettingField } from '../types';
import { formatColumns, parseColumns } from './tableRows';

export const tableSettings: readonly SettingField[] = [
  {
    key: 'rows',
    label: 'Rows topic',
    kind: 'text',
    placeholder: 'fleet/+/status',
    help: 'A row per topic matching this filter; the first column shows what + stood for.',
    parse: (text) => {
      if (!isValidFilter(text)) throw new Error('must be an MQTT topic filter, e.g. fleet/+/status');
      return { topic: text };
    },
    format: (value) => (value && typeof value === 'object' && 'topic' in value ? String(value.topic) : ''),
  },
  {
    key: 'columns',
    label: 'Columns',
    kind: 'lines',
    placeholder: 'Fuel | fuel | %\nSpeed | speed | km/h',
    help: 'One per line: title | payload path | unit.',
    parse: parseColumns,
    format: formatColumns,
  },
  staleField,
];
