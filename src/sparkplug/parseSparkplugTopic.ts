/** Sparkplug B message types (topic level 3). */
export type SparkplugMessageType = 'NBIRTH' | 'NDEATH' | 'DBIRTH' | 'DDEATH' | 'NDATA' | 'DDATA' | 'NCMD' | 'DCMD';

export type SparkplugTopic =
  | { readonly kind: 'node'; readonly type: SparkplugMessageType; readonly group: string; readonly node: string; readonly device: string | undefined }
  /** `spBv1.0/STATE/<hostId>`: a host application's state, JSON (not a node topic). */
  | { readonly kind: 'state'; readonly hostId: string };

export const NAMESPACE = 'spBv1.0/';

const TYPES = new Set<string>(['NBIRTH', 'NDEATH', 'DBIRTH', 'DDEATH', 'NDATA', 'DDATA', 'NCMD', 'DCMD']);
const DEVICE_TYPES = new Set<string>(['DBIRTH', 'DDEATH', 'DDATA', 'DCMD']);

// A plant has a bounded set of topics: each is split once, not on every message.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, SparkplugTopic | null>();

/** `spBv1.0/<group>/<type>/<node>[/<device>]` or `spBv1.0/STATE/<id>`; null for anything else. */
export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  const hit = cache.get(topic);
  if (hit !== undefined) return hit;
  const parsed = parse(topic);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(topic, parsed);
  return parsed;
}

function parse(topic: string): SparkplugTopic | null {
  if (!topic.startsWith(NAMESPACE)) return null;
  const parts = topic.split('/');
  if (parts.length === 3 && parts[1] === 'STATE' && parts[2]) return { kind: 'state', hostId: parts[2] };
  const [, group, type, node, device] = parts;
  if (!group || !node || !TYPES.has(type)) return null;
  const needsDevice = DEVICE_TYPES.has(type);
  if (needsDevice ? parts.length !== 5 || !device : parts.length !== 4) return null;
  return { kind: 'node', type: type as SparkplugMessageType, group, node, device: needsDevice ? device : undefined };
}

/** The topic of a message type for a node (device absent) or device. */
export function sparkplugTopic(type: SparkplugMessageType, group: string, node: string, device?: string): string {
  return device === undefined ? `${NAMESPACE}${group}/${type}/${node}` : `${NAMESPACE}${group}/${type}/${node}/${device}`;
}
