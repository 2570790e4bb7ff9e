import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loaded the way mqtt.js and bl load it: require('readable-stream'). readable-stream's own entry
// is never loaded here: it would patch the shared Stream and hide what the shim forgot.
const require = createRequire(import.meta.url);
const stream = require('./readableStream.cjs');
const internal = (name: string) => require(`readable-stream/lib/internal/streams/${name}.js`);

describe('readable-stream shim', () => {
  it('hands out readable-stream’s own classes, the ones mqtt.js and bl use', () => {
    for (const name of ['Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough']) expect(stream[name]).toBe(internal(name.toLowerCase()));
    expect(stream).toBe(stream.Readable);
    expect(stream.default).toBe(stream);
  });

  it('pipes Uint8Arrays and text through a Transform into a Writable, as mqtt.js does with its WebSocket stream', async () => {
    const chunks: string[] = [];
    const upper = new stream.Transform({ transform: (chunk: Buffer, _enc: string, done: (e: null, out: Uint8Array) => void) => done(null, new TextEncoder().encode(chunk.toString().toUpperCase())) });
    const sink = new stream.Writable({ write: (chunk: Buffer, _enc: string, done: () => void) => (chunks.push(Buffer.from(chunk).toString()), done()) });
    const finished = new Promise((resolve) => sink.on('finish', resolve));
    upper.pipe(sink);
    upper.write(new TextEncoder().encode('connack'));
    upper.end('publish');
    await finished;
    expect(chunks.join('')).toBe('CONNACKPUBLISH');
  });

  it('says so when something calls Duplex.from, which the worker does not carry', () => {
    expect(() => require('./duplexify.cjs')({})).toThrow('Duplex.from is not available');
  });
});
