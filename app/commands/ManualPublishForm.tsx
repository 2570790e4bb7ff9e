import { useState } from 'react';
import { encodePayload, isValidUtf8, type PayloadEncoding } from '../../src/commands';
import type { ConnectionConfig } from '../../src/config';
import type { QoS } from '../../src/mqtt';
import { isValidTopicName } from '../../src/topics';
import { useTopicDetail } from '../hooks/useEngine';
import { newCorrelationData, sendCommand, showCommandCancelled, showCommandError } from './commandActions';
import type { CommandInput } from './commandActions';
import { PayloadEditor } from './PayloadEditor';
import { PropertiesFields } from './PropertiesFields';
import { buildProperties, EMPTY_PROPERTIES, type PropertiesDraft } from './propertiesDraft';
import { RecentMessages } from './RecentMessages';
import { rememberSent } from './recentMessages';
import { commandDetails, confirmOffline, DEFAULT_REPLY_TIMEOUT_MS, type Ask } from './confirmCommandActions';
import { caption, field, mainButton, smallButton, fieldBase } from './styles';
import { useT } from '../i18n/useT';

/** Topic, payload (with its editor modes), QoS, retain, MQTT 5 properties; Publish and Clear retained. */
export function ManualPublishForm({ slot, connection, ask }: { slot: string; connection: ConnectionConfig | null; ask: Ask }) {
  const t = useT();
  const detail = useTopicDetail();
  const [topic, setTopic] = useState('');
  const [payload, setPayload] = useState('');
  const [encoding, setEncoding] = useState<PayloadEncoding>('text');
  const [qos, setQos] = useState<QoS>(0);
  const [retain, setRetain] = useState(false);
  const [props, setProps] = useState<PropertiesDraft>(EMPTY_PROPERTIES);
  const isV5 = (connection?.protocolVersion ?? 5) === 5;

  // The Publish topic stays the user's own choice: selecting a topic in the tree used to fill it
  // in, and a sensor's topic was one click away from a mistaken publish (issue 16 #12). Using the
  // selected topic is a deliberate button, and a topic that messages arrive on gets a warning.
  const selectedTopic = detail?.topic ?? null;
  const telemetry = !!detail && detail.topic === topic && detail.count > 0 ? detail.count : 0;

  const checkTopic = (): boolean => {
    if (!connection) {
      showCommandError(slot, 'no connection selected');
      return false;
    }
    if (!isValidTopicName(topic)) {
      showCommandError(slot, 'topic must not be empty or contain + or #');
      return false;
    }
    return true;
  };

  const send = async (input: CommandInput) => {
    const ready = await confirmOffline(input, ask);
    if (ready) sendCommand(slot, ready);
    else showCommandCancelled(slot);
    return !!ready;
  };

  const publish = async () => {
    if (!checkTopic() || !connection) return;
    const bytes = encodePayload(payload, encoding);
    if (!bytes.ok) return showCommandError(slot, `payload ${bytes.error}`);
    let properties: CommandInput['properties'];
    let replyTimeoutMs: number | undefined;
    if (isV5) {
      const built = buildProperties(props, DEFAULT_REPLY_TIMEOUT_MS);
      if (!built.ok) return showCommandError(slot, built.error);
      properties = built.properties;
      replyTimeoutMs = built.replyTimeoutMs;
      if (properties?.payloadFormatIndicator && !isValidUtf8(bytes.value)) {
        return showCommandError(slot, 'the payload format indicator says UTF-8 text, but the payload is not valid UTF-8');
      }
      // Request/response: the reply is matched by correlation data, so a request always carries some.
      if (properties?.responseTopic && !properties.correlationData) properties = { ...properties, correlationData: newCorrelationData() };
    }
    const sent = await send({ connectionId: connection.id, topic, payload: bytes.value, qos, retain, properties, replyTimeoutMs, source: 'Publish' });
    if (sent) rememberSent({ topic, payload, encoding, qos, retain, properties: isV5 ? props : undefined, at: Date.now() });
  };

  const clearRetained = async () => {
    if (!checkTopic() || !connection) return;
    const input: CommandInput = { connectionId: connection.id, topic, payload: new Uint8Array(0), qos, retain: true, source: 'Clear retained' };
    const ok = await ask({
      title: t('Clear retained message'),
      message: t('Clear the retained message on {topic}?', { topic }),
      details: [
        ...commandDetails(input, false),
        [t('Effect'), t('An empty retained message deletes the stored value: new subscribers will no longer get it.')],
      ],
      confirmLabel: t('Clear retained'),
    });
    if (ok) await send(input);
    else showCommandCancelled(slot);
  };

  return (
    <form
      aria-label={t('Publish a message')}
      className="grid gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        void publish();
      }}
    >
      <label className="grid gap-0.5">
        <span className={caption}>{t('Topic')}</span>
        <span className="flex gap-1">
          <input aria-label={t('Topic')} className={`${field} font-mono`} value={topic} onChange={(e) => setTopic(e.target.value)} />
          <button
            type="button"
            aria-label={t('Use selected topic')}
            title={selectedTopic ? t('Use {selectedTopic}', { selectedTopic }) : t('Select a topic in the tree first')}
            className={`${smallButton} shrink-0`}
            disabled={!selectedTopic || selectedTopic === topic}
            onClick={() => selectedTopic && setTopic(selectedTopic)}
          >
            {t('Use selected')}
          </button>
        </span>
      </label>
      {telemetry > 0 && (
        <p role="note" className="rounded border border-alarm-medium px-2 py-1 text-sm">
          {t('{telemetry} messages have arrived on this topic: it carries telemetry from other clients. Publishing here may overwrite a device\'s value.', { telemetry })}
        </p>
      )}
      <RecentMessages
        onPick={(m) => {
          setTopic(m.topic);
          setPayload(m.payload);
          setEncoding(m.encoding);
          setQos(m.qos);
          setRetain(m.retain);
          if (m.properties) setProps(m.properties);
        }}
      />
      <PayloadEditor
        value={payload}
        encoding={encoding}
        onChange={(v, e) => {
          setPayload(v);
          setEncoding(e);
        }}
      />
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-1">
          <span className={caption}>QoS</span>
          <select aria-label="QoS" className={`${fieldBase} w-auto`} value={qos} onChange={(e) => setQos(Number(e.target.value) as QoS)}>
            <option value={0}>0</option>
            <option value={1}>1</option>
            <option value={2}>2</option>
          </select>
        </label>
        <label className="flex items-center gap-1">
          <input type="checkbox" aria-label={t('Retain')} checked={retain} onChange={(e) => setRetain(e.target.checked)} />
          <span>{t('Retain')}</span>
        </label>
        <button type="button" className={smallButton} disabled={!connection} onClick={() => void clearRetained()}>
          {t('Clear retained')}
        </button>
        <button type="submit" className={`${mainButton} ml-auto`} disabled={!connection}>
          {t('Publish')}
        </button>
      </div>
      {isV5 ? (
        <PropertiesFields value={props} onChange={(patch) => setProps((d) => ({ ...d, ...patch }))} />
      ) : (
        <p className={caption}>{t('MQTT 5 properties (user properties, content type, expiry, response topic, correlation data) are hidden: this connection uses MQTT 3.1.1, which has none.')}</p>
      )}
    </form>
  );
}
