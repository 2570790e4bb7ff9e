import { formatStates, parseStates, staleField } from '../common/settings';
import type { SettingField } from '../types';

export const lampSettings: readonly SettingField[] = [
  {
    key: 'states',
    label: 'States',
    kind: 'lines',
    placeholder: 'RUNNING = Running\nIDLE = Idle\nFAULT = Fault (high)',
    help: 'One state per line: value = text, then (critical|high|medium|low) for an abnormal state. Normal states stay grey.',
    parse: parseStates,
    format: formatStates,
  },
  staleField,
];
