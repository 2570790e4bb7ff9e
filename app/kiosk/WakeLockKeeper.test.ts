import { describe, expect, it } from 'vitest';
import { WakeLockKeeper, type SentinelLike, type VisibilitySource, type WakeLockLike, type WakeLockStatus } from './WakeLockKeeper';

class FakeSentinel implements SentinelLike {
  released = false;
  private listeners: (() => void)[] = [];
  async release() {
    if (this.released) return;
    this.released = true;
    for (const l of this.listeners) l();
  }
  addEventListener(_type: 'release', l: () => void) {
    this.listeners.push(l);
  }
}

class FakeWakeLock implements WakeLockLike {
  sentinels: FakeSentinel[] = [];
  refuse = false;
  async request() {
    if (this.refuse) throw new DOMException('power save', 'NotAllowedError');
    const s = new FakeSentinel();
    this.sentinels.push(s);
    return s;
  }
}

class FakeDoc implements VisibilitySource {
  visibilityState: DocumentVisibilityState = 'visible';
  private listeners = new Set<() => void>();
  addEventListener(_t: 'visibilitychange', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_t: 'visibilitychange', l: () => void) {
    this.listeners.delete(l);
  }
  get listenerCount() {
    return this.listeners.size;
  }
  /** The browser releases the lock when the page is hidden. */
  setVisibility(v: DocumentVisibilityState, lock?: FakeWakeLock) {
    this.visibilityState = v;
    if (v === 'hidden') for (const s of lock?.sentinels ?? []) void s.release();
    for (const l of this.listeners) l();
  }
}

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  const lock = new FakeWakeLock();
  const doc = new FakeDoc();
  const statuses: WakeLockStatus[] = [];
  const keeper = new WakeLockKeeper(lock, doc, (s) => statuses.push(s));
  return { lock, doc, statuses, keeper };
}

describe('WakeLockKeeper', () => {
  it('holds the lock while visible', async () => {
    const { lock, statuses, keeper } = setup();
    keeper.start();
    await flush();
    expect(lock.sentinels).toHaveLength(1);
    expect(statuses).toEqual(['held']);
  });

  it('re-acquires after the page was hidden and shown again', async () => {
    const { lock, doc, statuses, keeper } = setup();
    keeper.start();
    await flush();
    doc.setVisibility('hidden', lock);
    await flush();
    expect(statuses.at(-1)).toBe('released');
    expect(lock.sentinels).toHaveLength(1); // no request while hidden
    doc.setVisibility('visible');
    await flush();
    expect(lock.sentinels).toHaveLength(2);
    expect(lock.sentinels[1].released).toBe(false);
    expect(statuses).toEqual(['held', 'released', 'held']);
  });

  it('does not request twice while already held', async () => {
    const { lock, doc, keeper } = setup();
    keeper.start();
    await flush();
    doc.setVisibility('visible');
    await flush();
    expect(lock.sentinels).toHaveLength(1);
  });

  it('waits for visibility when started hidden', async () => {
    const { lock, doc, keeper } = setup();
    doc.visibilityState = 'hidden';
    keeper.start();
    await flush();
    expect(lock.sentinels).toHaveLength(0);
    doc.setVisibility('visible');
    await flush();
    expect(lock.sentinels).toHaveLength(1);
  });

  it('reports a refusal instead of throwing, and tries again on the next visibility change', async () => {
    const { lock, doc, statuses, keeper } = setup();
    lock.refuse = true;
    keeper.start();
    await flush();
    expect(statuses).toEqual(['refused']);
    lock.refuse = false;
    doc.setVisibility('visible');
    await flush();
    expect(statuses).toEqual(['refused', 'held']);
  });

  it('releases and stops listening on stop', async () => {
    const { lock, doc, statuses, keeper } = setup();
    keeper.start();
    await flush();
    keeper.stop();
    expect(lock.sentinels[0].released).toBe(true);
    expect(doc.listenerCount).toBe(0);
    expect(statuses.at(-1)).toBe('released');
  });

  it('releases a lock granted after stop', async () => {
    const { lock, keeper } = setup();
    keeper.start();
    keeper.stop();
    await flush();
    expect(lock.sentinels.every((s) => s.released)).toBe(true);
  });

  it('says unsupported without the API', () => {
    const statuses: WakeLockStatus[] = [];
    const keeper = new WakeLockKeeper(undefined, new FakeDoc(), (s) => statuses.push(s));
    keeper.start();
    expect(statuses).toEqual([]);
  });
});
