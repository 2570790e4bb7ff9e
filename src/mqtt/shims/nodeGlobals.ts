import { Buffer } from 'buffer';
import processPolyfill from 'process/browser.js';

// mqtt.js's CommonJS build and its dependencies use two Node globals a Web Worker lacks:
// `process` (mqtt.js lib/shared.js: `typeof process?.nextTick` throws a ReferenceError without
// it) and `Buffer` (rfdc, which clones every QoS 1/2 publish for the outgoing store). Its
// browser bundle injected polyfills for both; here the globals get the same `buffer` and
// `process` polyfills readable-stream already brings along (no extra bytes). The other free
// globals in the worker bundle (window, document) sit behind typeof checks or browser-page-only
// branches. No-op under Node (Vitest), which has both.
const scope = globalThis as { process?: unknown; Buffer?: unknown };
scope.process ??= processPolyfill;
scope.Buffer ??= Buffer;
