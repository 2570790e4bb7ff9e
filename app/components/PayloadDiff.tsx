import { useMemo } from 'react';
import { lineDiff } from '../lib/lineDiff';
import { useT } from '../i18n/useT';

/** "Diff with previous": its own chunk, so jsdiff loads only when someone asks for a diff. */
export default function PayloadDiff({ before, after }: { before: string; after: string }) {
  const t = useT();
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  return (
    <pre aria-label={t('Diff with previous')} className="max-h-[50vh] overflow-auto rounded border border-hmi-border bg-hmi-raised p-2 font-mono text-[13px]">
      {lines.map((l, i) => (
        <div key={i} className={l.op === '+' ? 'bg-[#dfe8df]' : l.op === '-' ? 'bg-[#eadcdc]' : ''}>
          {l.op} {l.text}
        </div>
      ))}
    </pre>
  );
}
