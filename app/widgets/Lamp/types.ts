export type { LampState, Priority } from '../common/settings';
