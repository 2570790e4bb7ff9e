export { useKiosk, useKioskRotateSeconds, useWakeLockStatus } from './useKiosk';
export { enterKiosk, exitKiosk } from './kioskStore';
export { KioskControls } from './KioskControls';
export { KioskRuntime } from './KioskRuntime';
