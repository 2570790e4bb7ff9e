import type { BusyTopic, ConnectionStats } from './protocol';

const BUSIEST = 10;

/**
 * Per-connection traffic meter: msgs/s and bytes/s in and out over the last full second, and the
 * topics that cost the most. Topics are counted by their tree node id in typed arrays, so a
 * message costs two array increments and no allocation (issue 9); ranking happens once a second
 * over the topics seen in that second, and only the top ones are named.
 */
export class StatsMeter {
  private inMsgs = 0;
  private inBytes = 0;
  private outMsgs = 0;
  private outBytes = 0;
  private perN = new Uint32Array(1024);
  private perBytes = new Uint32Array(1024);
  private touched: number[] = [];
  totalIn = 0;
  totalOut = 0;
  /** Node ids of the busiest topics in the last closed window, busiest first. */
  topIds: readonly number[] = [];

  constructor(readonly connectionId: string) {}

  /** @param id the topic's node id (dense, small), or -1 when the topic is not in the tree (topic cap). */
  countIn(id: number, bytes: number): void {
    this.inMsgs++;
    this.inBytes += bytes;
    this.totalIn++;
    if (id < 0) return;
    if (id >= this.perN.length) this.grow(id);
    if (this.perN[id] === 0) this.touched.push(id);
    this.perN[id]++;
    this.perBytes[id] += bytes;
  }

  countOut(bytes: number): void {
    this.outMsgs++;
    this.outBytes += bytes;
    this.totalOut++;
  }

  /** Closes the current window of `elapsedMs` and returns the figures per second. */
  roll(elapsedMs: number, topics: number, nameOf: (id: number) => string): ConnectionStats {
    const per = 1000 / Math.max(1, elapsedMs);
    // Partial selection of the top N: cheap even with many distinct topics in one second.
    const top: number[] = [];
    for (const id of this.touched) {
      if (top.length < BUSIEST || this.perN[id] > this.perN[top[top.length - 1]]) {
        top.push(id);
        top.sort((a, b) => this.perN[b] - this.perN[a]);
        if (top.length > BUSIEST) top.pop();
      }
    }
    this.topIds = top;
    const busiest: BusyTopic[] = top.map((id) => ({ topic: nameOf(id), rate: this.perN[id] * per, bytesRate: this.perBytes[id] * per }));
    for (const id of this.touched) {
      this.perN[id] = 0;
      this.perBytes[id] = 0;
    }
    this.touched = [];
    const stats: ConnectionStats = {
      connectionId: this.connectionId,
      msgsInPerSec: this.inMsgs * per,
      bytesInPerSec: this.inBytes * per,
      msgsOutPerSec: this.outMsgs * per,
      bytesOutPerSec: this.outBytes * per,
      totalIn: this.totalIn,
      totalOut: this.totalOut,
      topics,
      busiest,
    };
    this.inMsgs = this.inBytes = this.outMsgs = this.outBytes = 0;
    return stats;
  }

  private grow(id: number): void {
    const size = Math.max(id + 1, this.perN.length * 2);
    const n = new Uint32Array(size);
    n.set(this.perN);
    const b = new Uint32Array(size);
    b.set(this.perBytes);
    this.perN = n;
    this.perBytes = b;
  }
}
