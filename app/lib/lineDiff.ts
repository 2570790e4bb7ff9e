import { diffArrays } from 'diff';

export type DiffLine = { op: ' ' | '+' | '-'; text: string };

/** Past these bounds the diff is not worth a frozen UI: the result is a plain replace. */
const DIFF_LIMITS = { maxLines: 2000, maxEdits: 1000, timeoutMs: 100 } as const;

/**
 * Line diff of two payload renderings (jsdiff's Myers diff, bounded: it gives up after
 * `maxEdits` differing lines or `timeoutMs`, so it cannot freeze the main thread the way a full
 * LCS table did); too large or too different inputs show as all removed, then all added.
 */
export function lineDiff(before: string, after: string, maxLines: number = DIFF_LIMITS.maxLines): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const changes =
    a.length > maxLines || b.length > maxLines ? undefined : diffArrays(a, b, { maxEditLength: DIFF_LIMITS.maxEdits, timeout: DIFF_LIMITS.timeoutMs });
  if (!changes) return [...a.map((text) => ({ op: '-' as const, text })), ...b.map((text) => ({ op: '+' as const, text }))];
  const out: DiffLine[] = [];
  for (const c of changes) {
    const op = c.added ? '+' : c.removed ? '-' : ' ';
    for (const text of c.value) out.push({ op, text });
  }
  return out;
}
