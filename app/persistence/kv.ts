/**
 * Main-thread key/value documents (theme, recent messages, the stored site configuration) in the
 * `kv` store of the one Sightglass database: the same access the worker uses (src/storage), so
 * nothing users stored before moves. The worker's own stores (journal, series, alarm states,
 * audit) are not read from here.
 */
export { readKv, writeKv } from '../../src/storage';
