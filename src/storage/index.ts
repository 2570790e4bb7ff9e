export { getDb } from './db';
export { readKv, writeKv, readSecret, writeSecret } from './kv';
