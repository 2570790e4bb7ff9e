/**
 * Hostile-document checks run before the schema (issue 7): a config file is user-supplied input.
 * Refuses, with a specific message, documents that are huge, nested absurdly deep, or carry keys
 * that reconfigure JavaScript objects (`__proto__`, `constructor`, `prototype`) — a loose schema
 * would otherwise copy such a key onto its output.
 */
export const MAX_CONFIG_CHARS = 10 * 1024 * 1024;
export const MAX_CONFIG_DEPTH = 32;
export const MAX_CONFIG_VALUES = 1_000_000;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Checks the raw text before JSON.parse: size and bracket depth (cheap, no allocation). */
export function guardText(text: string): string | undefined {
  if (text.length > MAX_CONFIG_CHARS) {
    return `the file is too big (${(text.length / 1024 / 1024).toFixed(1)} MB; a configuration may have at most ${MAX_CONFIG_CHARS / 1024 / 1024} MB)`;
  }
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_CONFIG_DEPTH) return `the document is nested too deeply (more than ${MAX_CONFIG_DEPTH} levels)`;
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

/** Checks a parsed document (iteratively: no recursion for an attacker to exhaust). */
export function guardValue(doc: unknown): string | undefined {
  // Paths are built only for the message: a big import stays cheap (no string per value).
  type Entry = { value: unknown; parent: Entry | null; key: string | number; depth: number };
  const pathOf = (e: Entry): string => {
    const parts: string[] = [];
    for (let at: Entry | null = e; at && at.parent; at = at.parent) {
      parts.push(typeof at.key === 'number' ? `[${at.key}]` : at.parent.parent ? `.${at.key}` : at.key);
    }
    return parts.reverse().join('');
  };
  const tooMany = `the document has too many values (more than ${MAX_CONFIG_VALUES.toLocaleString('en')})`;
  const stack: Entry[] = [{ value: doc, parent: null, key: '', depth: 0 }];
  let count = 0;
  while (stack.length) {
    const entry = stack.pop()!;
    const { value, depth } = entry;
    if (++count > MAX_CONFIG_VALUES) return tooMany;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_CONFIG_DEPTH) return `${pathOf(entry) || '(document)'}: nested too deeply (more than ${MAX_CONFIG_DEPTH} levels)`;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const item: unknown = value[i];
        // Scalars need no visit of their own: count them here.
        if (typeof item !== 'object' || item === null) {
          if (++count > MAX_CONFIG_VALUES) return tooMany;
        } else stack.push({ value: item, parent: entry, key: i, depth: depth + 1 });
      }
      continue;
    }
    const keys = Object.keys(value);
    for (const key of keys) {
      if (FORBIDDEN.has(key)) return `${pathOf(entry) || '(document)'}: the key "${key}" is not allowed`;
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({ value: (value as Record<string, unknown>)[keys[i]], parent: entry, key: keys[i], depth: depth + 1 });
    }
  }
  return undefined;
}
