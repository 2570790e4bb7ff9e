/** Lingui's compiled message: text, `[name]`, `[name, type]` or `[name, type, cases]`, and `#`. */
type Token = string | [string] | [string, string] | [string, string, Record<string, Token[]>];
export type CompiledMessage = Token[];

/**
 * A small ICU MessageFormat compiler producing Lingui's compiled form, so English (whose source
 * text is the message id) needs no catalogue and start-up does not carry Lingui's full compiler
 * (@lingui/message-utils, 6.9 kB gzip). Supports what our messages use: `{name}`,
 * `{name, number}`, and `{name, plural|selectordinal|select, key {…} …}` with `#` in plurals.
 * compileIcu.test.ts checks that it matches Lingui's compileMessage on every catalogue message.
 */
export function compileIcu(message: string): CompiledMessage {
  if (!message.includes('{')) return [message];
  return parseParts(message, 0, false).parts;
}

type Part = Token;
type Parsed = { parts: Part[]; end: number };

function parseParts(src: string, start: number, inPlural: boolean): Parsed {
  const parts: Part[] = [];
  let text = '';
  let i = start;
  const flush = () => {
    if (text) parts.push(text);
    text = '';
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '}') break;
    if (c === '{') {
      flush();
      const arg = parseArgument(src, i + 1);
      parts.push(arg.part);
      i = arg.end;
      continue;
    }
    if (c === '#' && inPlural) {
      flush();
      parts.push('#');
      i += 1;
      continue;
    }
    text += c;
    i += 1;
  }
  flush();
  return { parts, end: i };
}

function parseArgument(src: string, start: number): { part: Part; end: number } {
  const close = src.indexOf('}', start);
  const comma = src.indexOf(',', start);
  if (comma === -1 || comma > close) {
    return { part: [src.slice(start, close).trim()], end: close + 1 };
  }
  const name = src.slice(start, comma).trim();
  const typeEnd = nextOf(src, comma + 1, [',', '}']);
  const type = src.slice(comma + 1, typeEnd).trim();
  if (src[typeEnd] === '}') return { part: [name, type], end: typeEnd + 1 };
  const cases: Record<string, Part[]> = {};
  let i = typeEnd + 1;
  const inPlural = type === 'plural' || type === 'selectordinal';
  while (i < src.length) {
    while (/\s/.test(src[i])) i += 1;
    if (src[i] === '}') return { part: [name, type, cases], end: i + 1 };
    const open = src.indexOf('{', i);
    const key = src.slice(i, open).trim();
    const body = parseParts(src, open + 1, inPlural);
    cases[key.startsWith('=') ? key.slice(1) : key] = body.parts;
    i = body.end + 1;
  }
  throw new Error(`Unclosed ICU argument in: ${src}`);
}

function nextOf(src: string, from: number, chars: readonly string[]): number {
  for (let i = from; i < src.length; i += 1) if (chars.includes(src[i])) return i;
  return src.length;
}
