import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// Loaded the way mqtt-packet's parser loads `bl`: require('bl'), then called without `new`.
const require = createRequire(import.meta.url);
const bl = require('./bufferList.cjs');
const { StringDecoder } = require('./stringDecoder.cjs');

describe('bl shim', () => {
  it('gives the BufferList calls mqtt-packet’s parser makes across chunk boundaries', () => {
    const list = bl();
    list.append(Buffer.from([0x30, 0x05, 0x00]));
    list.append(Buffer.from([0x01, 0x61, 0x68, 0x69]));
    expect(list.length).toBe(7);
    expect([list.readUInt8(0), list.readUInt8(1), list.readUInt16BE(2)]).toEqual([0x30, 5, 1]);
    expect(list.toString('utf8', 4, 7)).toBe('ahi');
    list.consume(4);
    expect(list.slice().toString()).toBe('ahi');
  });
});

describe('string_decoder stub', () => {
  it('refuses stream text decoding, which mqtt.js never asks for', () => {
    expect(() => new StringDecoder('utf8')).toThrow('not available');
  });
});
