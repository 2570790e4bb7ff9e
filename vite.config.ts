/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { pwaOptions } from './scripts/pwaOptions.mjs';

// index.html carries a strict CSP meta tag (no inline script); the dev server's React Refresh
// preamble is an inline script, so `vite` (dev only) serves the page without it.
const devWithoutCsp = {
  name: 'sightglass-dev-without-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) => html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// base './' keeps every asset URL relative, so dist/ works from any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), VitePWA(pwaOptions), devWithoutCsp],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 800 },
  server: { port: 5173 },
  test: {
    include: ['src/**/*.test.ts', 'app/**/*.test.ts', 'app/**/*.test.tsx', 'demo/**/*.test.ts', 'demo/**/*.test.mjs', 'scripts/**/*.test.mjs'],
    environment: 'node',
  },
});
