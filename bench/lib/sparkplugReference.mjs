// Builds the bare Sparkplug reference worker (bench/reference/sparkplugWorker.js) into
// .tmp/bench-reference/sparkplug-worker.js: it imports the app's TypeScript decoder, which a
// browser cannot load as it is. One ES module with mqtt.js's browser build and the decoder,
// minified like the app's own worker, so both pages decode with the same code.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'vite';

/** Newest modification time of the worker and every decoder source, 0 for a missing file. @param {string[]} files */
async function newest(files) {
  const times = await Promise.all(files.map((f) => stat(f).then((s) => s.mtimeMs, () => 0)));
  return Math.max(0, ...times);
}

/**
 * Builds unless the bundle is newer than its sources (a smoke run stays quick).
 * @param {string} repoRoot @returns {Promise<{ file: string, built: boolean }>}
 */
export async function buildSparkplugReference(repoRoot) {
  const outDir = path.join(repoRoot, '.tmp', 'bench-reference');
  const file = path.join(outDir, 'sparkplug-worker.js');
  const srcDir = path.join(repoRoot, 'src', 'sparkplug');
  const sources = [path.join(repoRoot, 'bench', 'reference', 'sparkplugWorker.js'),
    ...(await readdir(srcDir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(srcDir, f))];
  if ((await newest([file])) > (await newest(sources))) return { file, built: false };
  await build({
    configFile: false,
    root: repoRoot,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: path.join(repoRoot, 'bench', 'reference', 'sparkplugWorker.js'), formats: ['es'], fileName: () => 'sparkplug-worker.js' },
    },
  });
  return { file, built: true };
}
