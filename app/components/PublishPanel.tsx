import { useEffect, useRef, useState } from 'react';
import type { PublishResult } from '../../src/engine/protocol';
import type { MessageProperties, QoS } from '../../src/mqtt/types';
import { isValidTopicName } from '../../src/topics';
import { engine } from '../engine/engineClient';
import { useConnectionStatus, useTopicDetail } from '../hooks/useEngine';
import { useSelectedConnection } from '../hooks/useSite';
import { parseUserProperties } from '../lib/userProperties';

type Status = { text: string; failed: boolean };

const field = 'w-full rounded border border-hmi-border bg-hmi-raised px-2 py-1';

/** Region "Publish": topic, payload, QoS, retain; MQTT 5 properties on a 5.0 connection. */
export function PublishPanel() {
  const connection = useSelectedConnection();
  const status = useConnectionStatus(connection?.id ?? null);
  const detail = useTopicDetail();
  const [topic, setTopic] = useState('');
  const [payload, setPayload] = useState('');
  const [qos, setQos] = useState<QoS>(0);
  const [retain, setRetain] = useState(false);
  const [userProps, setUserProps] = useState('');
  const [contentType, setContentType] = useState('');
  const [expiry, setExpiry] = useState('');
  const [responseTopic, setResponseTopic] = useState('');
  const [correlation, setCorrelation] = useState('');
  const [result, setResult] = useState<Status | null>(null);
  const [reply, setReply] = useState<string | null>(null);
  const unsubscribe = useRef<(() => void) | null>(null);
  const isV5 = (connection?.protocolVersion ?? 5) === 5;

  useEffect(() => () => unsubscribe.current?.(), []);

  // Picking a topic in the tree prefills the topic, as peers do; the user can still type another.
  const lastDetailTopic = useRef<string | null>(null);
  useEffect(() => {
    if (detail && detail.topic !== lastDetailTopic.current) {
      lastDetailTopic.current = detail.topic;
      setTopic(detail.topic);
    }
  }, [detail]);

  const publish = () => {
    if (!connection) return setResult({ text: 'Failed: no connection selected', failed: true });
    if (!isValidTopicName(topic)) return setResult({ text: 'Failed: topic must not be empty or contain + or #', failed: true });
    let properties: MessageProperties | undefined;
    if (isV5) {
      const parsed = parseUserProperties(userProps);
      if (!parsed.ok) return setResult({ text: `Failed: user properties ${parsed.error}`, failed: true });
      properties = {};
      if (Object.keys(parsed.value).length) properties.userProperties = parsed.value;
      if (contentType) properties.contentType = contentType;
      if (expiry) {
        const seconds = Number(expiry);
        if (!Number.isInteger(seconds) || seconds < 0) return setResult({ text: 'Failed: message expiry must be whole seconds', failed: true });
        properties.messageExpiryInterval = seconds;
      }
      if (responseTopic) properties.responseTopic = responseTopic;
      if (correlation) properties.correlationData = new TextEncoder().encode(correlation);
    }
    const reqId = engine.newRequestId();
    unsubscribe.current?.();
    setReply(null);
    setResult({ text: 'Sending', failed: false });
    unsubscribe.current = engine.onResult(reqId, (r: PublishResult) => {
      if (r.outcome === 'reply' && r.reply) {
        setReply(`Reply on ${r.reply.topic} after ${r.reply.rttMs} ms: ${new TextDecoder().decode(r.reply.payload)}`);
        return;
      }
      setResult(describeOutcome(r));
    });
    engine.send({
      type: 'publish',
      request: { reqId, connectionId: connection.id, topic, payload: new TextEncoder().encode(payload), qos, retain, properties },
    });
  };

  return (
    <section role="region" aria-label="Publish" className="rounded border border-hmi-border bg-hmi-panel">
      <h2 className="border-b border-hmi-border px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-hmi-muted">
        Publish{connection ? ` to ${connection.name || connection.id}` : ''}
      </h2>
      <form
        className="grid gap-2 p-3"
        onSubmit={(e) => {
          e.preventDefault();
          publish();
        }}
      >
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">Topic</span>
          <input aria-label="Topic" className={`${field} font-mono`} value={topic} onChange={(e) => setTopic(e.target.value)} />
        </label>
        <label className="grid gap-0.5">
          <span className="text-xs text-hmi-muted">Payload</span>
          <textarea aria-label="Payload" rows={3} className={`${field} font-mono`} value={payload} onChange={(e) => setPayload(e.target.value)} />
        </label>
        <div className="flex flex-wrap items-center gap-3">
          <label className="flex items-center gap-1">
            <span className="text-xs text-hmi-muted">QoS</span>
            <select aria-label="QoS" className={`${field} w-auto`} value={qos} onChange={(e) => setQos(Number(e.target.value) as QoS)}>
              <option value={0}>0</option>
              <option value={1}>1</option>
              <option value={2}>2</option>
            </select>
          </label>
          <label className="flex items-center gap-1">
            <input type="checkbox" aria-label="Retain" checked={retain} onChange={(e) => setRetain(e.target.checked)} />
            <span>Retain</span>
          </label>
          <button type="submit" className="ml-auto rounded border border-hmi-text bg-hmi-raised px-4 py-1 font-semibold" disabled={!connection}>
            Publish
          </button>
        </div>
        {isV5 ? (
          <details>
            <summary className="cursor-pointer text-xs text-hmi-muted">MQTT 5 properties</summary>
            <div className="mt-2 grid gap-2">
              <label className="grid gap-0.5">
                <span className="text-xs text-hmi-muted">User properties (one name=value per line)</span>
                <textarea aria-label="User properties" rows={2} className={`${field} font-mono`} value={userProps} onChange={(e) => setUserProps(e.target.value)} />
              </label>
              <div className="grid grid-cols-2 gap-2">
                <label className="grid gap-0.5">
                  <span className="text-xs text-hmi-muted">Content type</span>
                  <input aria-label="Content type" className={field} value={contentType} onChange={(e) => setContentType(e.target.value)} />
                </label>
                <label className="grid gap-0.5">
                  <span className="text-xs text-hmi-muted">Message expiry (s)</span>
                  <input aria-label="Message expiry (s)" inputMode="numeric" className={field} value={expiry} onChange={(e) => setExpiry(e.target.value)} />
                </label>
                <label className="grid gap-0.5">
                  <span className="text-xs text-hmi-muted">Response topic</span>
                  <input aria-label="Response topic" className={`${field} font-mono`} value={responseTopic} onChange={(e) => setResponseTopic(e.target.value)} />
                </label>
                <label className="grid gap-0.5">
                  <span className="text-xs text-hmi-muted">Correlation data</span>
                  <input aria-label="Correlation data" className={`${field} font-mono`} placeholder="generated when empty" value={correlation} onChange={(e) => setCorrelation(e.target.value)} />
                </label>
              </div>
            </div>
          </details>
        ) : (
          <p className="text-xs text-hmi-muted">MQTT 5 properties are not available on an MQTT 3.1.1 connection.</p>
        )}
        <div role="status" aria-label="Publish status" className={`min-h-5 ${result?.failed ? 'font-semibold text-alarm-high' : ''}`}>
          {result?.text ?? (status && status.state !== 'connected' ? 'Not connected: QoS 1 and 2 messages will be queued' : '')}
        </div>
        {reply && <pre className="whitespace-pre-wrap break-all rounded border border-hmi-border bg-hmi-raised p-2 font-mono text-[13px]">{reply}</pre>}
      </form>
    </section>
  );
}

function describeOutcome(r: PublishResult): Status {
  switch (r.outcome) {
    case 'sent':
      return { text: 'Sent', failed: false };
    case 'delivered':
      return { text: 'Delivered', failed: false };
    case 'queued':
      return { text: 'Queued: will be sent when the connection is back', failed: false };
    case 'failed':
      return { text: `Failed: ${r.reason ?? 'unknown reason'}`, failed: true };
    case 'reply':
      return { text: 'Reply received', failed: false };
  }
}
