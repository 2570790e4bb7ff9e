// A heap snapshot over CDP, added up by object kind: [count, bytes] per kind (bench/heap-diff.mjs,
// bench/topic-memory-chromium.mjs).

/** Objects and closures by constructor name, everything else by node type. @param {string} type @param {string} name */
const byConstructor = (type, name) => (type === 'object' || type === 'closure' ? `${type}:${name}` : type);

/**
 * @param {import('./cdp.mjs').Session} session
 * @param {(type: string, name: string) => string} [kindOf] the kind a heap node is counted under
 * @returns {Promise<Map<string, number[]>>}
 */
export async function heapByKind(session, kindOf = byConstructor) {
  /** @type {string[]} */
  const chunks = [];
  const off = session.cdp.on('HeapProfiler.addHeapSnapshotChunk', (p, sid) => { if (sid === session.id) chunks.push(p.chunk); });
  await session.send('HeapProfiler.enable');
  await session.send('HeapProfiler.collectGarbage');
  await session.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  off();
  const snap = JSON.parse(chunks.join(''));
  const f = snap.snapshot.meta.node_fields; const types = snap.snapshot.meta.node_types[0];
  const nf = f.length; const iType = f.indexOf('type'), iName = f.indexOf('name'), iSize = f.indexOf('self_size');
  const agg = new Map();
  for (let i = 0; i < snap.nodes.length; i += nf) {
    const kind = kindOf(types[snap.nodes[i + iType]], String(snap.strings[snap.nodes[i + iName]]));
    const a = agg.get(kind) ?? [0, 0]; a[0]++; a[1] += snap.nodes[i + iSize]; agg.set(kind, a);
  }
  return agg;
}
