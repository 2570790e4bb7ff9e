/** A long text as display rows, produced on demand (for virtualized views). */
export interface Rows {
  readonly count: number;
  row(i: number): string;
}

/** Characters per row of a long line: a 16 MiB one-line payload becomes ~84 000 rows. */
export const WRAP = 200;

/** Row bounds of `text`: one per line, long lines cut every `wrap` characters. One pass, O(length). */
function rowBounds(text: string, wrap: number, starts: number[], ends: number[]): void {
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
}

export function textRows(text: string, wrap = WRAP): Rows {
  const starts: number[] = [];
  const ends: number[] = [];
  rowBounds(text, wrap, starts, ends);
  return { count: starts.length, row: (i) => text.slice(starts[i], ends[i]) };
}

/** Bytes decoded per step of `textRowsChunked`: each step is a few milliseconds of main-thread work. */
export const CHUNK_BYTES = 1 << 20;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Rows of a big UTF-8 payload, decoded 1 MiB at a time with a yield between steps, so a 16 MiB
 * payload never blocks a frame for long. Chunks are cut after a line break (or, in one long
 * line, at a character boundary), so each chunk decodes on its own and no row spans two chunks.
 */
export async function textRowsChunked(bytes: Uint8Array, wrap = WRAP, chunkBytes = CHUNK_BYTES, pause: () => Promise<void> = nextTask): Promise<Rows> {
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  const rowChunk: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  do {
    let end = Math.min(bytes.length, pos + chunkBytes);
    if (end < bytes.length) {
      const nl = bytes.lastIndexOf(0x0a, end - 1);
      if (nl >= pos) end = nl + 1;
      else while (end > pos + 1 && (bytes[end] & 0xc0) === 0x80) end--;
    }
    const text = decoder.decode(bytes.subarray(pos, end));
    const last = end >= bytes.length;
    const before = starts.length;
    rowBounds(text, wrap, starts, ends);
    // A chunk cut after "\n" ends with an empty row that is really the start of the next chunk.
    if (!last && text.endsWith('\n')) {
      starts.pop();
      ends.pop();
    }
    for (let i = before; i < starts.length; i++) rowChunk.push(chunks.length);
    chunks.push(text);
    pos = end;
    if (!last) await pause();
  } while (pos < bytes.length);
  return { count: starts.length, row: (i) => chunks[rowChunk[i]].slice(starts[i], ends[i]) };
}
