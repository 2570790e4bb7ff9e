import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/**
 * The one IndexedDB database. Every store is declared here so versions never race between
 * features; add a store by bumping DB_VERSION and adding it in `upgrade`.
 */
export const DB_NAME = 'sightglass';
export const DB_VERSION = 1;

export interface SightglassDB extends DBSchema {
  /** Key/value documents: the site configuration, UI preferences. */
  kv: { key: string; value: unknown };
  /** Remembered passwords by connection id (only when the user opted in). */
  secrets: { key: string; value: { connectionId: string; password: string } };
  /** Alarm instance states that must survive a reload (unacknowledged, shelved). */
  alarmState: { key: string; value: unknown };
  /** Alarm journal, append-only, bounded. */
  journal: { key: number; value: { id?: number; at: number } & Record<string, unknown>; indexes: { at: number } };
  /** Audit of commands sent, append-only, bounded. */
  audit: { key: number; value: { id?: number; at: number } & Record<string, unknown>; indexes: { at: number } };
  /** Recent series points per series key, so charts survive a reload. */
  series: { key: string; value: unknown };
}

let dbPromise: Promise<IDBPDatabase<SightglassDB>> | null = null;

export function getDb(name = DB_NAME): Promise<IDBPDatabase<SightglassDB>> {
  if (name !== DB_NAME) return open(name);
  return (dbPromise ??= open(name));
}

function open(name: string): Promise<IDBPDatabase<SightglassDB>> {
  return openDB<SightglassDB>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('kv');
      db.createObjectStore('secrets');
      db.createObjectStore('alarmState');
      db.createObjectStore('journal', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
      db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
      db.createObjectStore('series');
    },
  });
}
