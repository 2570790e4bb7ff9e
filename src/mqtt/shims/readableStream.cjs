// `readable-stream` for mqtt.js and bl in the engine worker: only the stream classes they use
// (mqtt.js: Writable in client.js, Transform in connect/ws.js, Readable in store.js, Duplex in
// BufferedDuplex.js; bl: Duplex), taken from readable-stream's own internal modules. Its entry
// (lib/stream.js) also brings the iterator operators, pipeline, compose and stream/promises,
// which nothing here calls: 15 kB (4 kB gzip). `Duplex.from` (duplexify) is stubbed by
// vite.config.ts for the same reason. CommonJS because its users `require('readable-stream')`.
/* global module, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module standing in for one */
'use strict';

const Readable = require('readable-stream/lib/internal/streams/readable.js');
const Writable = require('readable-stream/lib/internal/streams/writable.js');
const Duplex = require('readable-stream/lib/internal/streams/duplex.js');
const Transform = require('readable-stream/lib/internal/streams/transform.js');
const PassThrough = require('readable-stream/lib/internal/streams/passthrough.js');
const { Stream } = require('readable-stream/lib/internal/streams/legacy.js');
const { Buffer } = require('buffer');

// What readable-stream's entry adds to the shared Stream and its internals call on every
// Uint8Array write (mqtt.js's BufferedDuplex writes Uint8Arrays): copied from lib/stream.js.
Stream._isUint8Array = function isUint8Array(value) {
  return value instanceof Uint8Array;
};
Stream._uint8ArrayToBuffer = function _uint8ArrayToBuffer(chunk) {
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
};

module.exports = Readable;
module.exports.Readable = Readable;
module.exports.Writable = Writable;
module.exports.Duplex = Duplex;
module.exports.Transform = Transform;
module.exports.PassThrough = PassThrough;
module.exports.Stream = Stream;
module.exports.default = module.exports;
