import { decodePayload, numericPaths } from '../payload';
import { topicOf, type StoredMessage, type TopicNode, type TopicTrie } from '../topics';
import type { MessageView, TopicDetail } from './protocol';

/** Plot buttons are offered for at most this many numeric fields per message. */
const MAX_PLOT_FIELDS = 32;

/**
 * Numeric fields per stored message, found once (messages never change) and only for messages
 * someone looks at: the UI's "Plot" buttons need them, and the UI must not decode again (issue 14).
 */
const pathsOf = new WeakMap<StoredMessage, readonly string[]>();

function numericPathsOf(m: StoredMessage): readonly string[] {
  let paths = pathsOf.get(m);
  if (!paths) {
    paths = m.kind === 'json' || m.kind === 'text' ? numericPaths(decodePayload(m.payload), MAX_PLOT_FIELDS) : m.kind === 'sparkplug' ? sparkplugPaths(m) : [];
    pathsOf.set(m, paths);
  }
  return paths;
}

/** Sparkplug B payloads decoded for display, once per message someone looks at. */
const textOf = new WeakMap<StoredMessage, string>();

function decodedTextOf(m: StoredMessage): string | undefined {
  let text = textOf.get(m);
  if (text === undefined) {
    text = m.decodedText;
    if (text !== undefined) textOf.set(m, text);
  }
  return text;
}

/** A Sparkplug message's numeric metric names (plot buttons: `path` = metric name). */
function sparkplugPaths(m: StoredMessage): readonly string[] {
  const text = decodedTextOf(m);
  if (text === undefined) return [];
  try {
    const { metrics } = JSON.parse(text) as { metrics?: { name?: string; value?: unknown }[] };
    const out: string[] = [];
    for (const x of metrics ?? []) if (x.name && out.length < MAX_PLOT_FIELDS && (typeof x.value === 'number' || typeof x.value === 'boolean' || (typeof x.value === 'string' && /^-?\d+$/.test(x.value)))) out.push(x.name);
    return out;
  } catch {
    return [];
  }
}

function viewOf(m: StoredMessage): MessageView {
  const view: MessageView = { payload: m.payload, size: m.size, kind: m.kind, qos: m.qos, retain: m.retain, receivedAt: m.receivedAt, properties: m.properties, numericPaths: numericPathsOf(m) };
  const decodedText = m.kind === 'sparkplug' ? decodedTextOf(m) : undefined;
  return decodedText === undefined ? view : { ...view, decodedText };
}

/** The selected topic as the Message region shows it. */
export function topicDetail(node: TopicNode, owner: { readonly connectionId: string; readonly trie: TopicTrie } | undefined, now: number): TopicDetail {
  return {
    id: node.id,
    connectionId: owner?.connectionId ?? '',
    topic: topicOf(node),
    count: node.count,
    rate: owner ? owner.trie.rateOf(node, now) : 0,
    firstAt: node.firstAt,
    stale: node.stale,
    last: node.last ? viewOf(node.last) : null,
    // No history while load shedding keeps none for this topic: the last message is all there is.
    history: (node.history ?? (node.last ? [node.last] : [])).map(viewOf),
  };
}
