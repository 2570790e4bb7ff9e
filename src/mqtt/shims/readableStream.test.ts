import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loaded the way mqtt.js and bl load it: require('readable-stream').
const require = createRequire(import.meta.url);
const stream = require('./readableStream.cjs');
const real = require('readable-stream');

describe('readable-stream shim', () => {
  it('hands out readable-stream’s own classes, the ones mqtt.js and bl use', () => {
    for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'Stream']) expect(stream[name]).toBe(real[name]);
    expect(stream).toBe(stream.Readable);
    expect(stream.default).toBe(stream);
  });

  it('pipes bytes through a Transform into a Writable, as mqtt.js does with its WebSocket stream', async () => {
    const chunks: string[] = [];
    const upper = new stream.Transform({ transform: (chunk: Buffer, _enc: string, done: (e: null, out: Buffer) => void) => done(null, Buffer.from(chunk.toString().toUpperCase())) });
    const sink = new stream.Writable({ write: (chunk: Buffer, _enc: string, done: () => void) => (chunks.push(chunk.toString()), done()) });
    const finished = new Promise((resolve) => sink.on('finish', resolve));
    upper.pipe(sink);
    upper.write('connack');
    upper.end('publish');
    await finished;
    expect(chunks.join('')).toBe('CONNACKPUBLISH');
  });

  it('says so when something calls Duplex.from, which the worker does not carry', () => {
    expect(() => require('./duplexify.cjs')({})).toThrow('Duplex.from is not available');
  });
});
