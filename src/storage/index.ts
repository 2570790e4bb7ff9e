export { getDb } from './db';
export { readKv, writeKv } from './kv';
