import { toBase64, toHex } from './hexBase64';

/** The ways a user can look at a payload in the Message region. */
export type PayloadView = 'json' | 'text' | 'hex' | 'base64';

const lenientUtf8 = new TextDecoder('utf-8');

/** Hex dump with offsets, 16 bytes a line. */
export function hexDump(bytes: Uint8Array): string {
  const lines: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    lines.push(i.toString(16).padStart(8, '0') + '  ' + toHex(bytes.subarray(i, i + 16)));
  }
  return lines.join('\n');
}

/** Renders payload bytes as text for a view. JSON that does not parse falls back to the raw text. */
export function renderPayload(bytes: Uint8Array, view: PayloadView): string {
  switch (view) {
    case 'hex':
      return hexDump(bytes);
    case 'base64':
      return toBase64(bytes);
    case 'text':
      return lenientUtf8.decode(bytes);
    case 'json': {
      const text = lenientUtf8.decode(bytes);
      // Pretty-printing JSON nested 10 000 deep would write ~100 M indent characters: show it as it came.
      if (nestingExceeds(text, MAX_PRETTY_DEPTH)) return text;
      try {
        return JSON.stringify(JSON.parse(text), null, 2);
      } catch {
        return text;
      }
    }
  }
}

/** Deeper JSON is shown as sent, not re-indented (indentation grows with depth squared). */
export const MAX_PRETTY_DEPTH = 64;

/** True when brackets nest deeper than `max` (outside strings). One pass, no parsing. */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
