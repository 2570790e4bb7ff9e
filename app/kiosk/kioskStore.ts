import { create } from 'zustand';
import type { WakeLockStatus } from './WakeLockKeeper';
import { DEFAULT_ROTATE_SECONDS, parseKioskParams, withKioskParams, type KioskSettings } from './kioskParams';

interface KioskState extends KioskSettings {
  /** Whether the screen is being kept on (shown in the header while in kiosk mode). */
  wakeLock: WakeLockStatus;
}

const hasDom = typeof window !== 'undefined';
const fromUrl: KioskSettings = hasDom ? parseKioskParams(window.location.search) : { active: false, rotateSeconds: DEFAULT_ROTATE_SECONDS };

export const useKioskStore = create<KioskState>(() => ({
  ...fromUrl,
  wakeLock: hasDom && 'wakeLock' in navigator ? 'released' : 'unsupported',
}));

/** Fullscreen needs a user gesture: call this from a click/tap handler, before any await. */
export function requestFullscreen(): void {
  const root = document.documentElement;
  if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
  // Refused without a gesture, on iPad (only video elements) or by policy: kiosk runs without it.
  root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

/**
 * The "Kiosk mode" button. The URL gets `?kiosk=1`, so a reload (or a crash-restarted browser)
 * comes back in kiosk mode.
 */
export function enterKiosk(): void {
  requestFullscreen();
  const next = { active: true, rotateSeconds: useKioskStore.getState().rotateSeconds };
  window.history.replaceState(window.history.state, '', withKioskParams(window.location.href, next));
  useKioskStore.setState(next);
}

export function exitKiosk(): void {
  if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  const next = { active: false, rotateSeconds: useKioskStore.getState().rotateSeconds };
  window.history.replaceState(window.history.state, '', withKioskParams(window.location.href, next));
  useKioskStore.setState(next);
}

export function setWakeLockStatus(wakeLock: WakeLockStatus): void {
  useKioskStore.setState({ wakeLock });
}
