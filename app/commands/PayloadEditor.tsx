import { useId, useMemo, useState } from 'react';
import { checkJson, convertPayloadText, encodePayload, formatJson, PAYLOAD_ENCODINGS, type PayloadEncoding } from '../../src/commands';
import { field, fieldBase } from './styles';
import { msg } from '../i18n/i18n';
import { useT } from '../i18n/useT';

const LABELS: Record<PayloadEncoding, string> = { text: msg('Text'), json: 'JSON', hex: 'Hex', base64: 'Base64' };

/**
 * The payload textbox with its mode: JSON (checked as you type, "Format JSON"), text, hex or base64.
 * Switching mode re-expresses the same bytes, so nothing is lost between modes.
 */
export function PayloadEditor({
  value,
  encoding,
  onChange,
}: {
  value: string;
  encoding: PayloadEncoding;
  onChange: (value: string, encoding: PayloadEncoding) => void;
}) {
  const t = useT();
  const problemId = useId();
  const [switchError, setSwitchError] = useState<string | null>(null);
  const problem = useMemo(() => {
    if (encoding === 'json') {
      const r = checkJson(value);
      return r.ok ? null : `Invalid JSON: ${r.error}`;
    }
    const r = encodePayload(value, encoding);
    return r.ok ? null : `Payload ${r.error}`;
  }, [value, encoding]);
  const bytes = useMemo(() => {
    const r = encodePayload(value, encoding === 'json' ? 'text' : encoding);
    return r.ok ? r.value.length : null;
  }, [value, encoding]);

  const switchTo = (to: PayloadEncoding) => {
    const r = convertPayloadText(value, encoding, to);
    if (!r.ok) {
      setSwitchError(t('Cannot show as {encoding}: {error}', { encoding: t(LABELS[to]), error: r.error }));
      return;
    }
    setSwitchError(null);
    onChange(r.value, to);
  };

  const message = switchError ?? problem;
  return (
    <div className="grid gap-1">
      <div className="flex flex-wrap items-end gap-2">
        <span className="flex-1 text-xs text-hmi-muted">{t('Payload')}</span>
        <label className="flex items-center gap-1">
          <span className="text-xs text-hmi-muted">{t('as')}</span>
          <select aria-label={t('Payload encoding')} className={`${fieldBase} w-auto py-0.5`} value={encoding} onChange={(e) => switchTo(e.target.value as PayloadEncoding)}>
            {PAYLOAD_ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {t(LABELS[e])}
              </option>
            ))}
          </select>
        </label>
        {encoding === 'json' && (
          <button
            type="button"
            className="rounded border border-hmi-border bg-hmi-raised px-2 py-0.5 text-xs"
            onClick={() => {
              const r = formatJson(value);
              if (r.ok) onChange(r.value, encoding);
            }}
            disabled={!!problem}
          >
            {t('Format JSON')}
          </button>
        )}
      </div>
      <textarea
        aria-label={t('Payload')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={message ? problemId : undefined}
        rows={encoding === 'json' ? 5 : 3}
        spellCheck={false}
        className={`${field} font-mono`}
        value={value}
        onChange={(e) => {
          setSwitchError(null);
          onChange(e.target.value, encoding);
        }}
      />
      <p id={problemId} className={`min-h-4 text-xs ${message ? 'font-semibold text-alarm-high' : 'text-hmi-muted'}`}>
        {message ?? (bytes !== null ? t('{bytes, plural, one {# byte} other {# bytes}}', { bytes }) : '')}
      </p>
    </div>
  );
}
