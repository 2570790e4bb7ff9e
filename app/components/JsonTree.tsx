import { useState } from 'react';
import { useT } from '../i18n/useT';

/** Most child entries rendered per object before "… N more" (a 100 000-key payload must not freeze). */
const MAX_ENTRIES = 200;

/** Collapsible JSON view. Values are rendered as text nodes only, never as HTML. */
export function JsonTree({ value }: { value: unknown }) {
  return (
    <div className="font-mono text-[13px] leading-5">
      <JsonNode name={null} value={value} depth={0} />
    </div>
  );
}

function JsonNode({ name, value, depth }: { name: string | null; value: unknown; depth: number }) {
  const t = useT();
  const [open, setOpen] = useState(depth < 2);
  const label = name === null ? null : <span className="text-hmi-muted">{JSON.stringify(name)}: </span>;
  if (value === null || typeof value !== 'object') {
    return (
      <div style={{ paddingLeft: depth * 14 }}>
        {label}
        <span>{JSON.stringify(value)}</span>
      </div>
    );
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? (value as unknown[]).map((v, i) => [String(i), v] as const) : Object.entries(value as object);
  const [openBracket, closeBracket] = isArray ? ['[', ']'] : ['{', '}'];
  return (
    <div>
      <div style={{ paddingLeft: depth * 14 }}>
        <button type="button" className="mr-1 w-4 text-hmi-muted" aria-expanded={open} aria-label={open ? t('Collapse') : t('Expand')} onClick={() => setOpen(!open)}>
          {open ? '▾' : '▸'}
        </button>
        {label}
        {openBracket}
        {!open && <span className="text-hmi-muted"> {isArray ? t('{count, plural, one {# item} other {# items}}', { count: entries.length }) : t('{count, plural, one {# key} other {# keys}}', { count: entries.length })} {closeBracket}</span>}
      </div>
      {open && (
        <>
          {entries.slice(0, MAX_ENTRIES).map(([k, v]) => (
            <JsonNode key={k} name={isArray ? null : k} value={v} depth={depth + 1} />
          ))}
          {entries.length > MAX_ENTRIES && <div style={{ paddingLeft: (depth + 1) * 14 }} className="text-hmi-muted">… {t('{count} more', { count: entries.length - MAX_ENTRIES })}</div>}
          <div style={{ paddingLeft: depth * 14 }}>{closeBracket}</div>
        </>
      )}
    </div>
  );
}
