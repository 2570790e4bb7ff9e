export type { Band } from '../common/settings';

export const DEFAULT_MIN = 0;
export const DEFAULT_MAX = 100;
