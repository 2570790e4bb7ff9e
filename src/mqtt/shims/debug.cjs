// `debug` for mqtt.js and mqtt-packet in the engine worker: every logger is off. The real
// package reads its switch from localStorage.debug or process.env.DEBUG, neither of which a
// Web Worker has, so it was never on here; this saves its 7 kB (3 kB gzip). CommonJS because
// mqtt-packet calls `require('debug')(namespace)` directly. vite.config.ts resolves it.
/* global module */
'use strict';

function createDebug(namespace) {
  const log = function () {};
  log.namespace = namespace;
  log.enabled = false;
  log.extend = (sub, delimiter = ':') => createDebug(`${namespace}${delimiter}${sub}`);
  log.destroy = () => true;
  return log;
}
createDebug.enable = () => {};
createDebug.disable = () => '';
createDebug.enabled = () => false;
createDebug.debug = createDebug;
createDebug.default = createDebug;

module.exports = createDebug;
