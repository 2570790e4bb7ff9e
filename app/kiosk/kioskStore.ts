import { create } from 'zustand';
import type { WakeLockStatus } from './WakeLockKeeper';
import { DEFAULT_ROTATE_SECONDS, parseKioskParams, type KioskSettings } from './kioskParams';

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
