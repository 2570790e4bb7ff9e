// `string_decoder` for readable-stream in the engine worker: only `readable.setEncoding()` and an
// `encoding` option use it, and neither mqtt.js nor mqtt-packet sets one (they read Buffers).
// vite.config.ts resolves readable-stream's `require('string_decoder/')` here (1 kB gzip less).
/* global module */
'use strict';

class StringDecoder {
  constructor() {
    throw new Error('Stream text decoding is not available in the Sightglass engine worker');
  }
}
module.exports = { StringDecoder };
