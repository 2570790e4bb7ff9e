import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { MessageView } from '../../src/engine/protocol';
import { toHex } from '../../src/payload';
import { fetchFullPayload } from '../actions/treeActions';
import { downloadBlob, safeFileName } from '../lib/download';
import { formatBytes } from '../lib/format';
import { textRows, textRowsChunked, type Rows } from '../lib/textRows';
import { useT } from '../i18n/useT';

const ROW_PX = 18;

/**
 * "Show all" and "Download" for a payload the engine cut for display (> 256 KiB). The worker
 * keeps the whole last payload of such topics (64 MiB budget); the full text is shown in a
 * virtualized view so even 16 MiB never becomes one huge DOM node. Text only, never HTML.
 */
export function FullPayload({ nodeId, topic, message }: { nodeId: number; topic: string; message: MessageView }) {
  const t = useT();
  const [full, setFull] = useState<{ bytes: Uint8Array; receivedAt: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchFull = async () => {
    setBusy(true);
    const r = await fetchFullPayload(nodeId);
    setBusy(false);
    if (!r.payload) {
      setError(r.error ?? 'The full payload is not available.');
      return null;
    }
    setError(null);
    return { bytes: r.payload, receivedAt: r.receivedAt ?? message.receivedAt };
  };

  const download = async () => {
    const got = full ?? (await fetchFull());
    if (!got) return;
    const ext = message.kind === 'json' ? 'json' : message.kind === 'binary' ? 'bin' : 'txt';
    downloadBlob(`${safeFileName(topic, 'payload')}.${ext}`, new Blob([got.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  };

  return (
    <div className="mt-2">
      <div className="flex flex-wrap items-center gap-2 text-xs">
        <span className="text-hmi-muted">{t('Showing the first {length} of {size}.', { length: formatBytes(message.payload.length), size: formatBytes(message.size) })}</span>
        {!full && (
          <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" disabled={busy} onClick={() => void fetchFull().then(setFull)}>
            {t('Show all')}
          </button>
        )}
        {full && (
          <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" onClick={() => setFull(null)}>
            {t('Show less')}
          </button>
        )}
        <button type="button" className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5" disabled={busy} onClick={() => void download()}>
          {t('Download')}
        </button>
      </div>
      {error && <p role="status" className="mt-1 text-xs font-semibold">{error}</p>}
      {full && <VirtualPayload bytes={full.bytes} binary={message.kind === 'binary'} />}
    </div>
  );
}

function hexRows(bytes: Uint8Array): Rows {
  return {
    count: Math.ceil(bytes.length / 16),
    row: (i) => `${(i * 16).toString(16).padStart(8, '0')}  ${toHex(bytes.subarray(i * 16, i * 16 + 16))}`,
  };
}

function VirtualPayload({ bytes, binary }: { bytes: Uint8Array; binary: boolean }) {
  const t = useT();
  const [rows, setRows] = useState<Rows | null>(() => (binary ? hexRows(bytes) : null));
  useEffect(() => {
    if (binary) return;
    let cancelled = false;
    // Decoded a megabyte at a time between frames: 16 MiB never blocks the page for long.
    void textRowsChunked(bytes).then((r) => !cancelled && setRows(r));
    return () => {
      cancelled = true;
    };
  }, [bytes, binary]);
  if (!rows) return <p className="mt-1 text-xs text-hmi-muted">{t('Preparing {length}…', { length: formatBytes(bytes.length) })}</p>;
  return <VirtualRows rows={rows} label={t('Full payload')} className="mt-1 h-[50vh]" />;
}

/** A virtualized, text-only view of many rows (only the visible ones are in the DOM). */
export function VirtualRows({ rows, label, className = '' }: { rows: Rows; label?: string; className?: string }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_PX, overscan: 20 });
  return (
    <div ref={scrollRef} role={label ? 'region' : undefined} aria-label={label} tabIndex={0} className={`overflow-auto rounded border border-hmi-border bg-hmi-raised p-2 font-mono text-[13px] ${className}`}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => (
          <div key={v.index} className="absolute left-0 right-0 whitespace-pre" style={{ top: 0, height: ROW_PX, transform: `translateY(${v.start}px)` }}>
            {rows.row(v.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

/** Above this many characters the Message region's text views are virtualized (256 KiB of wrapped text costs a long layout). */
export const BIG_TEXT_CHARS = 20_000;

export function BigText({ text }: { text: string }) {
  const rows = useMemo(() => textRows(text), [text]);
  return <VirtualRows rows={rows} className="h-[45vh] border-0 p-0" />;
}
