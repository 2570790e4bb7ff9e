import type { DecodedPayload } from './decodePayload';

/**
 * Where a number lives in a payload (ui-contract.md "path"): `""` is the whole payload,
 * `v`, `a.b`, `a.b[0].c` walk JSON objects and arrays. Parsed paths are cached: the same few
 * paths are looked up on every message.
 */
export type PathSegment = string | number;

const PATH_CACHE_LIMIT = 4096;
const pathCache = new Map<string, readonly PathSegment[] | null>();

/** `a.b[0].c` → ['a', 'b', 0, 'c']; null when the path is malformed (e.g. `a[x]`, `a..b`). */
export function parsePath(path: string): readonly PathSegment[] | null {
  const cached = pathCache.get(path);
  if (cached !== undefined) return cached;
  const parsed = parseUncached(path);
  if (pathCache.size >= PATH_CACHE_LIMIT) pathCache.clear();
  pathCache.set(path, parsed);
  return parsed;
}

function parseUncached(path: string): readonly PathSegment[] | null {
  if (path === '') return [];
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    if (path[i] === '[') {
      const end = path.indexOf(']', i);
      const digits = end < 0 ? '' : path.slice(i + 1, end);
      if (!/^\d+$/.test(digits)) return null;
      out.push(Number(digits));
      i = end + 1;
      if (path[i] === '.') i++;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    if (end === i) return null;
    out.push(path.slice(i, end));
    i = end;
    if (path[i] === '.') {
      i++;
      if (i >= path.length) return null;
    }
  }
  return out;
}

/** The value at `path`: a JSON leaf or subtree, or for `""` on a non-JSON payload its text. */
export function extractValue(decoded: DecodedPayload, path: string): unknown {
  const segments = parsePath(path);
  if (!segments) return undefined;
  if (decoded.kind !== 'json') return segments.length === 0 ? decoded.text : undefined;
  let node: unknown = decoded.json;
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    if (typeof seg === 'number') {
      if (!Array.isArray(node)) return undefined;
      node = node[seg];
    } else {
      if (Array.isArray(node)) return undefined;
      node = Object.prototype.hasOwnProperty.call(node, seg) ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return node;
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number, a boolean (1/0) or a numeric string as a number; NaN for anything else. */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.length <= 64 && NUMERIC_TEXT.test(value)) return Number(value);
  return NaN;
}

/** The number at `path`, or NaN when there is none (missing, non-numeric, malformed path). */
export function extractNumber(decoded: DecodedPayload, path: string): number {
  return toNumber(extractValue(decoded, path));
}

/** A leaf as short display text (lamps show states like "RUNNING"); undefined for objects. */
export function leafText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.length > 200 ? value.slice(0, 200) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

const MAX_DEPTH = 6;

/**
 * The paths of numeric leaves (numbers, booleans, numeric strings), depth-first, at most
 * `limit`. Arrays contribute their first `arrayItems` elements, so `a[0].c` is found without
 * listing a 10 000-element array.
 */
export function numericPaths(decoded: DecodedPayload, limit = 64, arrayItems = 4): string[] {
  return leafPaths(decoded, (leaf) => !Number.isNaN(toNumber(leaf)), limit, arrayItems);
}

/** Like numericPaths, but for text leaves that are not numbers (states such as "RUNNING"). */
export function textPaths(decoded: DecodedPayload, limit = 16, arrayItems = 4): string[] {
  return leafPaths(decoded, (leaf) => typeof leaf === 'string' && Number.isNaN(toNumber(leaf)) && leaf.length <= 64, limit, arrayItems);
}

function leafPaths(decoded: DecodedPayload, keep: (leaf: unknown) => boolean, limit: number, arrayItems: number): string[] {
  const out: string[] = [];
  if (decoded.kind !== 'json') {
    if (decoded.text !== undefined && keep(decoded.text)) out.push('');
    return out;
  }
  const walk = (node: unknown, path: string, depth: number): void => {
    if (out.length >= limit) return;
    if (node === null || node === undefined) return;
    if (typeof node !== 'object') {
      if (keep(node)) out.push(path);
      return;
    }
    if (depth >= MAX_DEPTH) return;
    if (Array.isArray(node)) {
      const n = Math.min(node.length, arrayItems);
      for (let i = 0; i < n; i++) walk(node[i], `${path}[${i}]`, depth + 1);
      return;
    }
    for (const key in node as Record<string, unknown>) {
      if (out.length >= limit) return;
      // Keys with '.', '[' or ']' cannot be written as a contract path: skip them.
      if (key === '' || /[.[\]]/.test(key)) continue;
      walk((node as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1);
    }
  };
  walk(decoded.json, '', 0);
  return out;
}
