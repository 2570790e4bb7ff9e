/**
 * Where a value sits in a payload (ui-contract.md `path`): `""` is the whole payload, `v`, `a.b`,
 * `a.b[0].c` walk JSON objects and arrays. Charts, widgets and alarm rules all read values this
 * way; rules compile their path once, so the hot path only walks an array.
 */
export type PathSegment = string | number;

export type CompiledPath = readonly PathSegment[];

/** `a.b[0].c` → ['a', 'b', 0, 'c'], or what is wrong with it (unclosed bracket, empty key). */
export function compilePath(path: string): CompiledPath | { error: string } {
  const segments: PathSegment[] = [];
  const text = path.trim();
  let i = 0;
  while (i < text.length) {
    if (text[i] === '[') {
      const close = text.indexOf(']', i);
      if (close < 0) return { error: `unclosed "[" at ${i + 1}` };
      const inner = text.slice(i + 1, close).trim();
      if (!/^\d+$/.test(inner)) return { error: `"[${inner}]" must be a list index like [0]` };
      segments.push(Number(inner));
      i = close + 1;
      if (i < text.length && text[i] === '.') {
        i++;
        if (i >= text.length) return { error: 'ends with "."' };
      }
      continue;
    }
    let end = i;
    while (end < text.length && text[end] !== '.' && text[end] !== '[') end++;
    const key = text.slice(i, end);
    if (!key) return { error: `empty key at ${i + 1}` };
    segments.push(key);
    i = end;
    if (text[i] === '.') {
      i++;
      if (i >= text.length) return { error: 'ends with "."' };
    }
  }
  return segments;
}

/** The value at `path`, or undefined when the payload has no such place (own keys only). */
export function resolvePath(root: unknown, path: CompiledPath): unknown {
  let cur = root;
  for (let i = 0; i < path.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const seg = path[i];
    if (typeof seg === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[seg];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, seg)) return undefined;
      cur = (cur as Record<string, unknown>)[seg];
    }
  }
  return cur;
}
