/** Main-thread persistence adapters (IndexedDB through src/storage's schema). The app imports storage only from here. */
export { readKv, writeKv } from './kv';
export { readSecret, writeSecret } from './secrets';
export { lastValues, type StoredValue } from './lastValues';
