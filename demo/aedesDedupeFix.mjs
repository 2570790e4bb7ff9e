// Work-around for a message-loss bug in aedes (seen in 2.0.0-beta.1; upstream
// moscajs/aedes#955 and #994, both open): aedes "dedupes" deliveries per client by
// remembering only the HIGHEST broker counter it has sent, and drops anything
// numbered lower. But messages do not always leave in counter order — a retained
// publish waits for the persistence write before it is emitted, so telemetry
// published just after it overtakes it — and the retained message is then
// silently dropped for every live subscriber that also got that telemetry.
// In this demo that lost retained setpoints, metadata and oven3's last will.
//
// The only legitimate duplicates are from overlapping subscriptions (`a/#` and
// `a/b`): the same packet (same counter) delivered twice in a row. So we dedupe
// on the exact counter over a short window, and make aedes' own check pass.

const WINDOW = 2048; // recent packets remembered per client; overlap duplicates arrive back to back

/**
 * Wrap a freshly created aedes Client (the value aedes.handle returns) before it
 * processes any SUBSCRIBE: subscriptions capture deliver0/deliverQoS at that time.
 * @param {any} client aedes Client (its delivery hooks are not in the public types)
 */
export function fixDedupe(client) {
  /** @type {Set<string>} */
  const recent = new Set();
  /** @returns {boolean} true when this exact packet was already delivered to this client */
  const repeat = (/** @type {any} */ packet) => {
    if (!packet.brokerId) return false; // retained-on-subscribe: aedes never dedupes these
    const key = `${packet.brokerId}:${packet.brokerCounter}`;
    if (recent.has(key)) return true;
    recent.add(key);
    if (recent.size > WINDOW) recent.delete(/** @type {string} */ (recent.values().next().value));
    // Let aedes' highest-counter check through: we already decided this is new.
    client.duplicates[packet.brokerId] = packet.brokerCounter - 1;
    return false;
  };
  const deliver0 = client.deliver0;
  const deliverQoS = client.deliverQoS;
  client.deliver0 = function deliver0Deduped(/** @type {any} */ packet, /** @type {() => void} */ cb) {
    if (repeat(packet)) return setImmediate(cb);
    return deliver0.call(this, packet, cb);
  };
  client.deliverQoS = function deliverQoSDeduped(/** @type {any} */ packet, /** @type {() => void} */ cb) {
    // QoS 0 packets are handed on to client.deliver0 (the wrapper above) by aedes itself.
    if (packet.qos !== 0 && repeat(packet)) return setImmediate(cb);
    return deliverQoS.call(this, packet, cb);
  };
  return client;
}
