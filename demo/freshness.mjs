// Decides whether `npm start` may skip `vite build`: dist/index.html must be
// newer than every input of the build. Skipping saves ~10 s per start; a stale
// dist would silently demo yesterday's code, so any doubt means "rebuild".
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const INPUTS = ['src', 'app', 'public', 'index.html', 'vite.config.ts'];

/**
 * Newest mtime (ms) under a file or directory; 0 if it does not exist.
 * @param {string} path @returns {Promise<number>}
 */
async function newestMtime(path) {
  const info = await stat(path).catch(() => undefined);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { withFileTypes: true });
  const times = await Promise.all(entries.map((e) => newestMtime(join(path, e.name))));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * @param {string} repoRoot
 * @returns {Promise<{ fresh: boolean, reason: string }>}
 */
export async function checkBuildFresh(repoRoot) {
  const built = await stat(join(repoRoot, 'dist', 'index.html')).catch(() => undefined);
  if (!built) return { fresh: false, reason: 'dist/index.html does not exist' };
  for (const input of INPUTS) {
    if ((await newestMtime(join(repoRoot, input))) > built.mtimeMs) {
      return { fresh: false, reason: `${input} changed after the last build` };
    }
  }
  return { fresh: true, reason: 'dist/ is newer than its sources' };
}
