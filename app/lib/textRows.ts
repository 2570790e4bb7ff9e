/** A long text as display rows, produced on demand (for virtualized views). */
export interface Rows {
  readonly count: number;
  row(i: number): string;
}

/** Characters per row of a long line: a 16 MiB one-line payload becomes ~84 000 rows. */
export const WRAP = 200;

/** Rows of `text`: one per line, long lines cut every `wrap` characters. One pass, O(length). */
export function textRows(text: string, wrap = WRAP): Rows {
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (;;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 ? text.length : nl;
    if (end === at) {
      starts.push(at);
      ends.push(at);
    }
    for (let s = at; s < end; s += wrap) {
      starts.push(s);
      ends.push(Math.min(end, s + wrap));
    }
    if (nl < 0) break;
    at = nl + 1;
  }
  return { count: starts.length, row: (i) => text.slice(starts[i], ends[i]) };
}
