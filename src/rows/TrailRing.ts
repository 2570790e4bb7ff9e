/** The last `capacity` (lat, lon) pairs of a row, in a fixed buffer (no allocation per message). */
export class TrailRing {
  private readonly buf: Float64Array;
  private start = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.buf = new Float64Array(capacity * 2);
  }

  push(a: number, b: number): void {
    const at = ((this.start + this.count) % this.capacity) * 2;
    this.buf[at] = a;
    this.buf[at + 1] = b;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  /** Interleaved `[a0, b0, a1, b1, …]`, oldest first, as a fresh array (it is posted to the UI). */
  toArray(): Float64Array {
    const out = new Float64Array(this.count * 2);
    for (let i = 0; i < this.count; i++) {
      const at = ((this.start + i) % this.capacity) * 2;
      out[i * 2] = this.buf[at];
      out[i * 2 + 1] = this.buf[at + 1];
    }
    return out;
  }
}
