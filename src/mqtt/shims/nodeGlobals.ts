import { Buffer } from 'buffer';
import processPolyfill from 'process/browser.js';
import { microtaskNextTick } from './microtaskNextTick';

// mqtt.js's CommonJS build and its dependencies use two Node globals a Web Worker lacks:
// `process` (mqtt.js lib/shared.js: `typeof process?.nextTick` throws a ReferenceError without
// it) and `Buffer` (rfdc, which clones every QoS 1/2 publish for the outgoing store). Its
// browser bundle injected polyfills for both; here the globals get the same `buffer` and
// `process` polyfills readable-stream already brings along (no extra bytes). The other free
// globals in the worker bundle (window, document) sit behind typeof checks or browser-page-only
// branches. No-op under Node (Vitest), which has both.
const scope = globalThis as { process?: unknown; Buffer?: unknown };
scope.process ??= processPolyfill;
// Node runs process.nextTick callbacks before the current turn ends; the polyfill runs them from
// a setTimeout(0), a task of its own. mqtt.js handles each packet after the first of a socket
// read on the next tick, and mqtt-packet writes a PUBACK on the next tick too (it corks the
// stream): with the polyfill, acks waited behind every other task of the worker (issue 17).
// A microtask keeps Node's order (each tick after the code that queued it, all before the next
// task). The same object is the `process` module readable-stream imports, so streams get it too.
if (scope.process === processPolyfill) processPolyfill.nextTick = microtaskNextTick;
scope.Buffer ??= Buffer;
