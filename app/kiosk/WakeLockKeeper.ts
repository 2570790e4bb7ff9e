/**
 * Keeps the screen on while the page is visible (Screen Wake Lock API).
 * The browser releases the lock whenever the page is hidden, and a released sentinel cannot be
 * reused, so the lock is requested again on every `visibilitychange` to visible
 * (iiot-standards §5, MDN WakeLock.request). A refusal (power saving, permissions policy, an
 * insecure context) is reported, never thrown: the kiosk still runs, the screen may just sleep.
 */
export type WakeLockStatus = 'unsupported' | 'held' | 'released' | 'refused';

export interface SentinelLike {
  readonly released: boolean;
  release(): Promise<void>;
  addEventListener(type: 'release', listener: () => void): void;
}

export interface WakeLockLike {
  request(type: 'screen'): Promise<SentinelLike>;
}

export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

export class WakeLockKeeper {
  private sentinel: SentinelLike | null = null;
  private running = false;
  private requesting = false;
  private status: WakeLockStatus;

  constructor(
    private readonly wakeLock: WakeLockLike | undefined,
    private readonly doc: VisibilitySource,
    private readonly onStatus: (status: WakeLockStatus) => void,
  ) {
    this.status = wakeLock ? 'released' : 'unsupported';
  }

  start(): void {
    if (this.running || !this.wakeLock) return;
    this.running = true;
    this.doc.addEventListener('visibilitychange', this.onVisibility);
    void this.acquire();
  }

  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.doc.removeEventListener('visibilitychange', this.onVisibility);
    const s = this.sentinel;
    this.sentinel = null;
    if (s && !s.released) void s.release().catch(() => undefined);
    this.set('released');
  }

  private readonly onVisibility = () => {
    if (this.doc.visibilityState === 'visible') void this.acquire();
  };

  private async acquire(): Promise<void> {
    if (!this.running || !this.wakeLock || this.requesting) return;
    if (this.sentinel && !this.sentinel.released) return;
    if (this.doc.visibilityState !== 'visible') return; // a hidden page is refused anyway
    this.requesting = true;
    try {
      const s = await this.wakeLock.request('screen');
      if (!this.running) {
        void s.release().catch(() => undefined);
        return;
      }
      this.sentinel = s;
      s.addEventListener('release', () => {
        if (this.sentinel === s) {
          this.sentinel = null;
          if (this.running) this.set('released');
        }
      });
      this.set('held');
    } catch {
      this.set('refused');
    } finally {
      this.requesting = false;
    }
  }

  private set(status: WakeLockStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.onStatus(status);
  }
}
