import { describe, expect, it } from 'vitest';
import { RingBuffer } from './RingBuffer';

const contents = (r: RingBuffer) => {
  const { t, v } = r.slice();
  return Array.from(t, (time, i) => [time, v[i]]);
};

describe('RingBuffer', () => {
  it('wraps around, keeping the newest `capacity` points in order', () => {
    const r = new RingBuffer(4);
    for (let i = 1; i <= 6; i++) r.push(i, i * 10);
    expect(r.size).toBe(4);
    expect(contents(r)).toEqual([[3, 30], [4, 40], [5, 50], [6, 60]]);
    expect(r.firstTime).toBe(3);
    expect(r.lastTime).toBe(6);
    expect(r.lastValue).toBe(60);
  });

  it('reports an overwrite once full', () => {
    const r = new RingBuffer(2);
    expect(r.push(1, 1)).toBe(false);
    expect(r.push(2, 2)).toBe(false);
    expect(r.push(3, 3)).toBe(true);
  });

  it('grows its storage lazily', () => {
    const r = new RingBuffer(36_000);
    r.push(1, 1);
    expect(r.bytes).toBe(256 * 16);
    for (let i = 0; i < 1000; i++) r.push(i + 2, i);
    expect(r.bytes).toBe(1024 * 16);
    expect(r.size).toBe(1001);
  });

  it('binary-searches across the wrap point', () => {
    const r = new RingBuffer(5);
    for (let i = 0; i < 8; i++) r.push(i * 10, i);
    // Holds times 30..70.
    expect(r.lowerBound(0)).toBe(0);
    expect(r.lowerBound(45)).toBe(2);
    expect(r.lowerBound(50)).toBe(2);
    expect(r.upperBound(50)).toBe(3);
    expect(r.upperBound(99)).toBe(5);
  });

  it('shrinks keeping the newest points and counts what it dropped', () => {
    const r = new RingBuffer(10);
    for (let i = 0; i < 10; i++) r.push(i, i);
    expect(r.setCapacity(3)).toBe(7);
    expect(contents(r)).toEqual([[7, 7], [8, 8], [9, 9]]);
    r.push(10, 10);
    expect(contents(r)).toEqual([[8, 8], [9, 9], [10, 10]]);
  });

  it('prepends restored history that is older than what it holds, up to capacity', () => {
    const r = new RingBuffer(5);
    r.push(10, 1);
    r.push(11, 2);
    expect(r.prepend([5, 6, 7, 8, 10, 12], [50, 60, 70, 80, 100, 120])).toBe(3);
    expect(contents(r)).toEqual([[6, 60], [7, 70], [8, 80], [10, 1], [11, 2]]);
  });

  it('matches a naive model under random pushes and capacity changes', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const r = new RingBuffer(50);
    let model: [number, number][] = [];
    let cap = 50;
    let time = 0;
    for (let step = 0; step < 5000; step++) {
      const roll = rnd();
      if (roll < 0.01) {
        cap = 2 + Math.floor(rnd() * 600);
        r.setCapacity(cap);
        model = model.slice(Math.max(0, model.length - cap));
      } else {
        time += Math.floor(rnd() * 3);
        const value = Math.round(rnd() * 100);
        r.push(time, value);
        model.push([time, value]);
        if (model.length > cap) model.shift();
      }
      if (step % 97 === 0) {
        expect(contents(r)).toEqual(model);
        const probe = Math.floor(rnd() * (time + 2));
        expect(r.lowerBound(probe)).toBe(model.findIndex(([t]) => t >= probe) === -1 ? model.length : model.findIndex(([t]) => t >= probe));
      }
    }
  });
});
