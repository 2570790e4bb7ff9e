/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { pwaOptions } from './scripts/pwaOptions.mjs';

// index.html carries a strict CSP meta tag (no inline script); the dev server's React Refresh
// preamble is an inline script, so `vite` (dev only) serves the page without it.
const devWithoutCsp = {
  name: 'sightglass-dev-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// The engine worker builds mqtt.js from its CommonJS build (src/mqtt/connectWs.ts); some of its
// dependencies are swapped for small shims there (why: see each file in src/mqtt/shims/).
const WORKER_SHIMS: Record<string, string> = {
  'lru-cache': 'src/mqtt/shims/lruCache.ts',
  debug: 'src/mqtt/shims/debug.cjs',
  'worker-timers': 'src/mqtt/shims/workerTimers.ts',
  'readable-stream': 'src/mqtt/shims/readableStream.cjs',
  bl: 'src/mqtt/shims/bufferList.cjs',
  'string_decoder/': 'src/mqtt/shims/stringDecoder.cjs',
};
const shim = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const workerShims = {
  name: 'sightglass-worker-shims',
  enforce: 'pre' as const,
  resolveId: (id: string, importer?: string) => {
    if (WORKER_SHIMS[id]) return shim(WORKER_SHIMS[id]);
    // Duplex.from, required by readable-stream's duplex.js (see the shim).
    if (id === './duplexify' && importer?.includes('/readable-stream/lib/internal/streams/')) return shim('src/mqtt/shims/duplexify.cjs');
    return null;
  },
};

// base './' keeps every asset URL relative, so dist/ works from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), VitePWA(pwaOptions), devWithoutCsp],
  worker: { format: 'es', plugins: () => [workerShims] },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      // Everything the first screen imports statically in one chunk: left alone, the bundler splits
      // out each module a lazy view shares (26 files), and each request costs the page's main
      // thread a task of its own while it starts (issue 17 "Start-up" trace).
      output: { codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] } },
    },
  },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx', 'demo/**/*.test.ts', 'demo/**/*.test.mjs', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});
