import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Every module protocol.ts reaches, with what makes it not type-only (if anything). */
function closure(start: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const todo = [start];
  while (todo.length) {
    const file = todo.pop()!;
    if (out.has(file)) continue;
    const text = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const problems: string[] = [];
    for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)([^;]*?)\s+from\s+'([^']+)'/gm)) problems.push(`value ${m[1]} from ${m[3]}`);
    for (const m of text.matchAll(/^\s*export\s+(const|let|var|function|class|enum|default)\b/gm)) problems.push(`runtime export (${m[1]})`);
    out.set(file, problems);
    for (const m of text.matchAll(/from\s+'(\.[^']+)'/g)) todo.push(relative(root, resolve(root, dirname(file), m[1])) + '.ts');
  }
  return out;
}

it('protocol.ts reaches only type-only modules (no feature code in the worker⇄UI contract)', () => {
  const found = closure('src/engine/protocol.ts');
  expect([...found.keys()].sort()).toEqual(expect.arrayContaining(['src/engine/protocol.ts', 'src/mqtt/types.ts', 'src/series/types.ts', 'src/alarms/types.ts']));
  const bad = [...found].filter(([, problems]) => problems.length);
  expect(bad).toEqual([]);
});
