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
  const all = sources('app').map((file) => ({ file, ...scanSource(file, readFileSync(path.join(ROOT, file), 'utf8')) }));
  writeFileSync('/tmp/i18n-findings.txt', all.flatMap((s) => s.untranslated.map((f) => `${f.file}:${f.line}\t${f.text}`)).join('\n'));
  const ids = [...new Set(all.flatMap((s) => s.ids))];
  writeFileSync('/tmp/i18n-ids.json', JSON.stringify(ids, null, 1));
});
