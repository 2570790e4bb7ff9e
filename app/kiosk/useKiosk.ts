import { useKioskStore } from './kioskStore';

/**
 * True while the screen runs in kiosk mode (control room, unattended). Components hide their
 * editing (forms, publish, dashboard edit controls, rule editors) when it is:
 *
 *   const kiosk = useKiosk();
 *   {!kiosk && <EditButton />}
 *
 * Pure markup can instead carry `data-edit-only`: CSS hides it under `<html data-kiosk>`.
 */
export const useKiosk = (): boolean => useKioskStore((s) => s.active);

/** Rotation period and wake-lock state, for the kiosk's own controls. */
export const useKioskRotateSeconds = (): number => useKioskStore((s) => s.rotateSeconds);
export const useWakeLockStatus = () => useKioskStore((s) => s.wakeLock);
