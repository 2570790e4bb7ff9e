// `bl` for mqtt-packet in the engine worker: its parser calls `bl()` only for a BufferList
// (append, length, readUInt8/16BE/32BE, slice, consume, toString), never as a stream. bl's main
// module wraps BufferList in a readable-stream Duplex; this hands out bl's own BufferList alone.
// CommonJS because mqtt-packet does `require('bl')`. vite.config.ts resolves it.
/* global module, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module standing in for one */
'use strict';

module.exports = require('bl/BufferList.js');
