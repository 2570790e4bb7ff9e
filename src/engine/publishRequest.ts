import type { Clock } from './clock';
import type { Conn } from './Connections';
import type { FromEngine, PublishOutcome, PublishRequest } from './protocol';

/**
 * Sends one operator publish and reports its fate as `publishResult` messages: queued (offline),
 * sent (QoS 0), delivered (QoS 1/2 acknowledged), failed (with the reason), and with a response
 * topic (MQTT 5 request/response) the matched reply or a timeout, through the connection's ReplyTracker.
 */
export function publishRequest(conn: Conn | undefined, req: PublishRequest, clock: Clock, post: (msg: FromEngine) => void, random: () => number = Math.random): void {
  const result = (outcome: Exclude<PublishOutcome, 'reply'>, reason?: string) => post({ type: 'publishResult', reqId: req.reqId, outcome, reason, at: clock.now() });
  if (!conn) return result('failed', 'No such connection');
  const { state } = conn.session.status;
  const online = conn.session.connected;
  // Only a session that is (re)connecting will send later; after Disconnect or a refused login nothing would.
  if (!online && state !== 'connecting' && state !== 'reconnecting') {
    return result('failed', `Not connected (${state === 'error' ? 'connection error' : 'disconnected'}): connect first`);
  }
  if (!online && req.qos === 0 && !req.queueWhileOffline) return result('failed', 'Not connected to the broker (QoS 0 is not queued)');
  // MQTT 3.1.1 has no properties: none are sent, and no reply can be matched.
  const properties = conn.settings.protocolVersion === 5 && req.properties ? { ...req.properties } : undefined;
  const responseTopic = properties?.responseTopic;
  if (properties && responseTopic) {
    conn.session.subscribeExtra(responseTopic, 1);
    properties.correlationData ??= new TextEncoder().encode(`sg-${req.reqId}-${clock.now().toString(36)}-${random().toString(36).slice(2, 10)}`);
    const timeoutMs = req.responseTimeoutMs ?? 10_000;
    // Queued while offline: the reply clock starts when the request really goes out.
    conn.replies.expect(req.reqId, responseTopic, properties.correlationData, timeoutMs, () =>
      result('failed', `no reply on ${responseTopic} within ${timeoutMs / 1000} s (timed out)`), online);
  }
  if (!online) result('queued');
  conn.stats.countOut(req.payload.length + req.topic.length);
  const opts = { qos: req.qos, retain: req.retain, properties, queueWhileOffline: req.queueWhileOffline };
  conn.session.publish(req.topic, req.payload, opts, (error, note) => {
    if (error) {
      conn.replies.cancel(req.reqId);
      return result('failed', error);
    }
    if (!online) conn.replies.arm(req.reqId);
    // `reason` on a success is a note: "broker used QoS 1" when QoS 2 was answered with PUBACK.
    result(req.qos === 0 ? 'sent' : 'delivered', note);
  });
}
