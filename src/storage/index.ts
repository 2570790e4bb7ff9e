export { getDb, DB_NAME, DB_VERSION } from './db';
export type { SightglassDB } from './db';
export { readKv, writeKv, readSecret, writeSecret } from './kv';
