import { beforeEach, describe, expect, it, vi } from 'vitest';

// The browser edges kiosk mode touches: the URL, history and fullscreen (tests run in Node).
const page = vi.hoisted(() => {
  const page = {
    href: 'http://h/hmi/?config=x.json&rotate=45#/dashboards/main',
    fullscreen: null as object | null,
    requested: 0,
    exited: 0,
  };
  const root = { requestFullscreen: async () => void page.requested++ };
  vi.stubGlobal('window', {
    location: { get href() { return page.href; }, get search() { return new URL(page.href).search; } },
    history: { state: null, replaceState: (_s: unknown, _t: string, url: string) => void (page.href = url) },
  });
  vi.stubGlobal('navigator', {});
  vi.stubGlobal('document', {
    documentElement: root,
    get fullscreenElement() { return page.fullscreen; },
    exitFullscreen: async () => void page.exited++,
  });
  return page;
});

import { enterKiosk, exitKiosk, setWakeLockStatus } from './kioskActions';
import { useKioskStore } from './kioskStore';

beforeEach(() => {
  page.fullscreen = null;
  page.requested = page.exited = 0;
});

describe('kiosk actions', () => {
  it('starts from the URL: not in kiosk mode, its rotation period, no wake lock API', () => {
    expect(useKioskStore.getState()).toEqual({ active: false, rotateSeconds: 45, wakeLock: 'unsupported' });
  });

  it('enters kiosk mode: fullscreen, the store, and the URL so a reload comes back to it', () => {
    enterKiosk();
    expect(page.requested).toBe(1);
    expect(useKioskStore.getState().active).toBe(true);
    const url = new URL(page.href);
    expect([url.pathname, url.searchParams.get('config'), url.searchParams.get('kiosk'), url.searchParams.get('rotate'), url.hash]).toEqual(['/hmi/', 'x.json', '1', '45', '#/dashboards/main']);
  });

  it('does not ask for fullscreen again while fullscreen', () => {
    page.fullscreen = {};
    enterKiosk();
    expect(page.requested).toBe(0);
  });

  it('exits kiosk mode and fullscreen, keeping the rotation period', () => {
    enterKiosk();
    page.fullscreen = {};
    exitKiosk();
    expect(page.exited).toBe(1);
    expect(useKioskStore.getState()).toMatchObject({ active: false, rotateSeconds: 45 });
    expect(new URL(page.href).searchParams.has('kiosk')).toBe(false);
  });

  it('publishes the wake lock state', () => {
    setWakeLockStatus('held');
    expect(useKioskStore.getState().wakeLock).toBe('held');
  });
});
