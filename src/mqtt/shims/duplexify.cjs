// readable-stream's `Duplex.from` (internal/streams/duplexify.js) for the engine worker: mqtt.js
// and bl never call it, and the real one brings web-stream and async-iterator adapters (1 kB gzip).
// vite.config.ts resolves readable-stream's `require('./duplexify')` here.
/* global module */
'use strict';

module.exports = function duplexify() {
  throw new Error('Duplex.from is not available in the Sightglass engine worker');
};
