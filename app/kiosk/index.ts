// The kiosk's face for the rest of the app: hooks and views (its actions are used by its own views).
export { useKiosk } from './useKiosk';
export { KioskControls } from './KioskControls';
export { KioskRuntime } from './KioskRuntime';
