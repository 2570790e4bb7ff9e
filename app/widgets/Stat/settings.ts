import { decimalsField, staleField, unitField } from '../common/settings';
import type { SettingField } from '../types';

export const statSettings: readonly SettingField[] = [unitField, decimalsField, staleField];
