import type { BusyTopic, ConnectionStats } from './protocol';

const BUSIEST = 10;

/**
 * Per-connection traffic meter: msgs/s and bytes/s in and out over the last full second, and the
 * topics that cost the most. Work per message is one Map update; ranking happens once a second.
 */
export class StatsMeter {
  private inMsgs = 0;
  private inBytes = 0;
  private outMsgs = 0;
  private outBytes = 0;
  private perTopic = new Map<string, { n: number; bytes: number }>();
  totalIn = 0;
  totalOut = 0;
  private last: Omit<ConnectionStats, 'topics'> ;

  constructor(readonly connectionId: string) {
    this.last = { connectionId, msgsInPerSec: 0, bytesInPerSec: 0, msgsOutPerSec: 0, bytesOutPerSec: 0, totalIn: 0, totalOut: 0, busiest: [] };
  }

  countIn(topic: string, bytes: number): void {
    this.inMsgs++;
    this.inBytes += bytes;
    this.totalIn++;
    const t = this.perTopic.get(topic);
    if (t) {
      t.n++;
      t.bytes += bytes;
    } else this.perTopic.set(topic, { n: 1, bytes });
  }

  countOut(bytes: number): void {
    this.outMsgs++;
    this.outBytes += bytes;
    this.totalOut++;
  }

  /** Closes the current window of `elapsedMs` and returns the figures per second. */
  roll(elapsedMs: number, topics: number): ConnectionStats {
    const per = 1000 / Math.max(1, elapsedMs);
    const busiest: BusyTopic[] = [];
    // Partial selection of the top N: cheap even with many distinct topics in one second.
    for (const [topic, t] of this.perTopic) {
      if (busiest.length < BUSIEST || t.n > busiest[busiest.length - 1].rate / per) {
        busiest.push({ topic, rate: t.n * per, bytesRate: t.bytes * per });
        busiest.sort((a, b) => b.rate - a.rate);
        if (busiest.length > BUSIEST) busiest.pop();
      }
    }
    this.last = {
      connectionId: this.connectionId,
      msgsInPerSec: this.inMsgs * per,
      bytesInPerSec: this.inBytes * per,
      msgsOutPerSec: this.outMsgs * per,
      bytesOutPerSec: this.outBytes * per,
      totalIn: this.totalIn,
      totalOut: this.totalOut,
      busiest,
    };
    this.inMsgs = this.inBytes = this.outMsgs = this.outBytes = 0;
    this.perTopic = new Map();
    return { ...this.last, topics };
  }
}
