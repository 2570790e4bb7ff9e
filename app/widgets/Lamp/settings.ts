import { formatStates, parseStates, staleField } from '../common/settings';
import type { SettingField } from '../types';
import { msg } from '../../i18n/i18n';

export const lampSettings: readonly SettingField[] = [
  {
    key: 'states',
    label: msg('States'),
    kind: 'lines',
    placeholder: 'RUNNING = Running\nIDLE = Idle\nFAULT = Fault (high)',
    help: msg('One state per line: value = text, then (critical|high|medium|low) for an abnormal state. Normal states stay grey.'),
    parse: parseStates,
    format: formatStates,
  },
  staleField,
];
