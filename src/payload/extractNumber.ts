import type { DecodedPayload } from './decodePayload';

import { compilePath, resolvePath, type PathSegment } from './path';

export type { PathSegment };

// The same few paths are looked up on every message: parse each once.
const PATH_CACHE_LIMIT = 4096;
const pathCache = new Map<string, readonly PathSegment[] | null>();

/** `a.b[0].c` → ['a', 'b', 0, 'c']; null when the path is malformed (e.g. `a[x]`, `a..b`). */
export function parsePath(path: string): readonly PathSegment[] | null {
  const cached = pathCache.get(path);
  if (cached !== undefined) return cached;
  const compiled = compilePath(path);
  const parsed = Array.isArray(compiled) ? compiled : null;
  if (pathCache.size >= PATH_CACHE_LIMIT) pathCache.clear();
  pathCache.set(path, parsed);
  return parsed;
}

/** The value at `path`: a JSON leaf or subtree, or for `""` on a non-JSON payload its text. */
export function extractValue(decoded: DecodedPayload, path: string): unknown {
  // A Sparkplug metric name is looked up whole: names like "Motor/Speed [rpm]" or "a.b" are not JSON paths.
  if (decoded.kind === 'sparkplug') return decoded.metrics?.get(path)?.value ?? undefined;
  const segments = parsePath(path);
  if (!segments) return undefined;
  if (decoded.kind !== 'json') return segments.length === 0 ? decoded.text : undefined;
  return resolvePath(decoded.json, segments);
}

const NUMERIC_TEXT = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A number, a boolean (1/0) or a numeric string as a number; NaN for anything else (see numberOrUndefined). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : NaN;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string' && value.length <= 64 && NUMERIC_TEXT.test(value)) return Number(value);
  return NaN;
}

/** toNumber, with undefined instead of NaN for "no usable number". */
export function numberOrUndefined(value: unknown): number | undefined {
  const n = toNumber(value);
  return Number.isNaN(n) ? undefined : n;
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
  if (decoded.kind === 'sparkplug') {
    // Suggestions are the metric names (a series or alarm `path` is the name itself).
    for (const [name, m] of decoded.metrics ?? []) {
      if (out.length >= limit) break;
      if (m.value !== null && keep(m.value)) out.push(name);
    }
    return out;
  }
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
