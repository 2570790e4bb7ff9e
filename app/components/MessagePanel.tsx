import { lazy, Suspense, useMemo, useState } from 'react';
import type { MessageView } from '../../src/engine/protocol';
import { renderPayload, toHex, type PayloadView } from '../../src/payload';
import { useTopicDetail } from '../hooks/useEngine';
import { formatBytes, formatTime } from '../lib/format';
import { BigText, BIG_TEXT_CHARS, FullPayload } from './FullPayload';
import { JsonTree } from './JsonTree';
import { useT } from '../i18n/useT';
import { msg } from '../i18n/i18n';

const PayloadDiff = lazy(() => import('./PayloadDiff'));
// "Plot" brings the dashboard editing code: loaded when a message is first shown (start-up JavaScript, issue 17).
const PlotFields = lazy(() => import('../dashboards/PlotFields').then((m) => ({ default: m.PlotFields })));

/** 'decoded': the worker's decoded form of a non-text payload (Sparkplug B: metric names and values). */
type ShownView = PayloadView | 'decoded';

const DECODED = { id: 'decoded', label: msg('Decoded') } as const;
const HEX = { id: 'hex', label: msg('Hex') } as const;
const BASE64 = { id: 'base64', label: msg('Base64') } as const;
const TEXT_VIEWS: readonly { id: ShownView; label: string }[] = [{ id: 'json', label: 'JSON' }, { id: 'text', label: msg('Text') }, HEX, BASE64];

/** Protobuf bytes are never shown as text (issue 13): decoded, with raw hex / base64 one click away. */
function viewsFor(m: MessageView | null): readonly { id: ShownView; label: string }[] {
  const decoded = m?.decodedText !== undefined ? [DECODED] : [];
  return m?.kind === 'sparkplug' ? [...decoded, HEX, BASE64] : [...decoded, ...TEXT_VIEWS];
}

function defaultView(m: MessageView | null): ShownView {
  if (m?.decodedText !== undefined) return 'decoded';
  return m?.kind === 'json' ? 'json' : m?.kind === 'binary' || m?.kind === 'sparkplug' ? 'hex' : 'text';
}

/** The chosen view if this message has it (a Sparkplug message has no "Text"), else its default. */
const viewOf = (m: MessageView | null, chosen: ShownView | null): ShownView => (chosen && viewsFor(m).some((v) => v.id === chosen) ? chosen : defaultView(m));

/** A message as text in a view (what Diff compares and History previews). */
function messageText(m: MessageView, view: ShownView): string {
  return view === 'decoded' ? (m.decodedText ?? '') : renderPayload(m.payload, view);
}

/** Region "Message": the selected topic's last message, its MQTT 5 properties and its history. */
export function MessagePanel() {
  const t = useT();
  const detail = useTopicDetail();
  const [chosenView, setChosenView] = useState<ShownView | null>(null);
  const [historyIndex, setHistoryIndex] = useState<number | null>(null);
  const [showDiff, setShowDiff] = useState(false);
  const [copied, setCopied] = useState(false);

  const history = detail?.history ?? [];
  const shownIndex = historyIndex !== null && historyIndex < history.length ? historyIndex : history.length - 1;
  const message = historyIndex !== null ? (history[shownIndex] ?? detail?.last ?? null) : (detail?.last ?? null);
  const previous = shownIndex > 0 ? history[shownIndex - 1] : null;
  const view = viewOf(message, chosenView);

  return (
    <section role="region" aria-label={t('Message')} className="flex min-h-0 flex-col overflow-hidden rounded border border-hmi-border bg-hmi-panel">
      <h2 className="border-b border-hmi-border px-3 py-1.5 text-xs font-semibold uppercase tracking-wide text-hmi-muted">{t('Message')}</h2>
      {!detail ? (
        <p className="p-3 text-hmi-muted">{t('Select a topic in the tree to see its last message.')}</p>
      ) : (
        <div className="min-h-0 flex-1 overflow-auto p-3">
          <div className="mb-2 flex items-start gap-2">
            <code className="break-all font-mono text-[13px] font-semibold" aria-label={t('Topic name')}>{detail.topic}</code>
            <button
              type="button"
              className="shrink-0 rounded border border-hmi-border bg-hmi-raised px-2 text-xs"
              onClick={() => void navigator.clipboard?.writeText(detail.topic).then(() => setCopied(true), () => setCopied(false))}
            >
              {copied ? t('Copied') : t('Copy topic')}
            </button>
          </div>
          {detail.stale && <p className="mb-2 rounded bg-hmi-bg px-2 py-1 text-stale">{t('Stale: no update since the connection was re-established.')}</p>}
          {message ? (
            <>
              <MessageMeta message={message} count={detail.count} rate={detail.rate} />
              <Properties message={message} />
              <div role="radiogroup" aria-label={t('Payload view')} className="my-2 flex gap-1">
                {viewsFor(message).map((v) => (
                  <button
                    key={v.id}
                    type="button"
                    role="radio"
                    aria-checked={view === v.id}
                    onClick={() => setChosenView(v.id)}
                    className={`rounded border px-2 py-0.5 text-xs ${view === v.id ? 'border-hmi-text bg-hmi-select' : 'border-hmi-border bg-hmi-raised'}`}
                  >
                    {t(v.label)}
                  </button>
                ))}
                {previous && (
                  <label className="ml-auto flex items-center gap-1 text-xs">
                    <input type="checkbox" checked={showDiff} onChange={(e) => setShowDiff(e.target.checked)} /> {' '}{t('Diff with previous')}
                  </label>
                )}
              </div>
              {showDiff && previous ? <Diff before={previous} after={message} view={view} /> : <Payload message={message} view={view} />}
              {message === detail.last && message.size > message.payload.length && <FullPayload key={message.receivedAt} nodeId={detail.id} topic={detail.topic} message={message} />}
              <Suspense fallback={null}>
                <PlotFields connectionId={detail.connectionId} topic={detail.topic} message={message} />
              </Suspense>
            </>
          ) : (
            <p className="text-hmi-muted">{t('No message on exactly this level: it only groups topics below it.')}</p>
          )}
          {history.length > 1 && (
            <History history={history} shownIndex={shownIndex} onShow={(i) => setHistoryIndex(i === history.length - 1 ? null : i)} />
          )}
        </div>
      )}
    </section>
  );
}

function MessageMeta({ message, count, rate }: { message: MessageView; count: number; rate: number }) {
  const t = useT();
  const truncated = message.size > message.payload.length;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 text-[13px]">
      <dt className="text-hmi-muted">QoS</dt>
      <dd>{message.qos}</dd>
      <dt className="text-hmi-muted">{t('Retain')}</dt>
      <dd>{message.retain ? t('yes (retained)') : t('no')}</dd>
      <dt className="text-hmi-muted">{t('Received')}</dt>
      <dd>{formatTime(message.receivedAt)}</dd>
      <dt className="text-hmi-muted">{t('Size')}</dt>
      <dd>
        {formatBytes(message.size)}
        {truncated && t(' (showing the first {length})', { length: formatBytes(message.payload.length) })}
      </dd>
      <dt className="text-hmi-muted">{t('Messages')}</dt>
      <dd>
        {count} · {rate.toFixed(1)} msgs/s
      </dd>
    </dl>
  );
}

function Properties({ message }: { message: MessageView }) {
  const t = useT();
  const p = message.properties;
  if (!p) return null;
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(p.userProperties ?? {})) rows.push([`User property ${k}`, Array.isArray(v) ? v.join(', ') : v]);
  if (p.contentType) rows.push(['Content type', p.contentType]);
  if (p.payloadFormatIndicator !== undefined) rows.push(['Payload format', p.payloadFormatIndicator ? 'UTF-8 text' : 'bytes']);
  if (p.messageExpiryInterval !== undefined) rows.push(['Message expiry', `${p.messageExpiryInterval} s`]);
  if (p.responseTopic) rows.push(['Response topic', p.responseTopic]);
  if (p.correlationData) rows.push(['Correlation data', `${new TextDecoder().decode(p.correlationData)} (${toHex(p.correlationData)})`]);
  if (p.subscriptionIdentifier !== undefined) rows.push(['Subscription id', String(p.subscriptionIdentifier)]);
  if (!rows.length) return null;
  return (
    <div className="mt-2">
      <h3 className="text-xs font-semibold text-hmi-muted">{t('MQTT 5 properties')}</h3>
      <table className="text-[13px]">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row" className="pr-3 text-left font-normal text-hmi-muted">{k}</th>
              <td className="font-mono break-all">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Payload({ message, view }: { message: MessageView; view: ShownView }) {
  const t = useT();
  const parsed = useMemo(() => {
    if (view !== 'json' || message.kind !== 'json') return undefined;
    try {
      return { value: JSON.parse(new TextDecoder().decode(message.payload)) as unknown };
    } catch {
      return undefined;
    }
  }, [message, view]);
  const text = useMemo(() => (parsed ? '' : messageText(message, view)), [message, view, parsed]);
  if (message.size === 0) return <p className="text-hmi-muted">{t('(empty payload)')}</p>;
  return (
    <div aria-label={t('Payload')} className="max-h-[50vh] overflow-auto rounded border border-hmi-border bg-hmi-raised p-2">
      {parsed ? <JsonTree value={parsed.value} /> : text.length > BIG_TEXT_CHARS ? <BigText text={text} /> : <pre className="whitespace-pre-wrap break-all font-mono text-[13px]">{text}</pre>}
    </div>
  );
}

function Diff({ before, after, view }: { before: MessageView; after: MessageView; view: ShownView }) {
  const t = useT();
  return (
    <Suspense fallback={<p className="text-hmi-muted">{t('Comparing…')}</p>}>
      <PayloadDiff before={messageText(before, view)} after={messageText(after, view)} />
    </Suspense>
  );
}

function History({ history, shownIndex, onShow }: { history: readonly MessageView[]; shownIndex: number; onShow(i: number): void }) {
  const t = useT();
  return (
    <div className="mt-3">
      <h3 className="text-xs font-semibold text-hmi-muted">{t('History ({length})', { length: history.length })}</h3>
      <ol aria-label={t('History')} className="max-h-48 overflow-auto font-mono text-[12px]">
        {history
          .map((m, i) => ({ m, i }))
          .reverse()
          .map(({ m, i }) => (
            <li key={`${m.receivedAt}-${i}`}>
              <button type="button" className={`w-full truncate px-1 text-left ${i === shownIndex ? 'bg-hmi-select' : ''}`} aria-current={i === shownIndex} onClick={() => onShow(i)}>
                {formatTime(m.receivedAt)} · {formatBytes(m.size)} · {historyPreview(m)}
              </button>
            </li>
          ))}
      </ol>
    </div>
  );
}

/** One line per history entry: the start of the payload as text, or of its decoded form (never protobuf bytes as text). */
function historyPreview(m: MessageView): string {
  if (m.decodedText !== undefined) return m.decodedText.slice(0, 600).replace(/"timestamp": \d+,\s*/g, '').replace(/\s+/g, ' ').slice(0, 160);
  if (m.kind === 'sparkplug' || m.kind === 'binary') return toHex(m.payload.subarray(0, 40));
  return renderPayload(m.payload.subarray(0, 120), 'text').replace(/\s+/g, ' ');
}
