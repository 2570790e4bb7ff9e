import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { scanSource } from './scanSource';
const ROOT = path.resolve(__dirname, '../..');
function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}
it('dump', () => {
  const out = sources('app').flatMap((file) => scanSource(file, readFileSync(path.join(ROOT, file), 'utf8')).untranslated.map((f) => `${f.file}:${f.line}\t${f.text}`));
  writeFileSync('/tmp/i18n-findings.txt', out.join('\n'));
});
