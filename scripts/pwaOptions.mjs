/** Same value as `<meta name="theme-color">` in index.html (installability requires they match). */
export const THEME_COLOR = '#3a3f44';

/** Generous, so no lazily loaded chunk (ECharts) is ever silently left out of the precache. */
export const MAX_PRECACHE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * vite-plugin-pwa options (issue 8, iiot-standards §5).
 * - registerType 'prompt': a new build waits until the operator presses "Reload"; autoUpdate
 *   would reload every open screen and drop its MQTT session and any open command dialog.
 * - Everything relative ('./'), so the build works from any sub-path of any static server.
 * - No injected register script: the page's CSP forbids inline scripts, and app/pwa registers
 *   through `virtual:pwa-register/react` to drive the update prompt.
 * - config.json is network-first with the cached copy as fallback: an edit on the server wins,
 *   an unreachable server still starts with the last known site configuration.
 * - MQTT is never cached: WebSockets do not pass through a service worker.
 */
/** @type {Partial<import('vite-plugin-pwa').VitePWAOptions>} */
export const pwaOptions = {
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.ico', 'favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    id: './',
    name: 'Sightglass',
    short_name: 'Sightglass',
    description: 'Live MQTT topic tree, trends, alarms and commands for industrial IoT.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: THEME_COLOR,
    categories: ['productivity', 'utilities'],
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html}'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHE_FILE_BYTES,
    cleanupOutdatedCaches: true,
    navigateFallback: 'index.html',
    // Only the app itself falls back to index.html; a request for a file (config.json opened
    // in a tab, a missing asset) must reach the server and get its real answer.
    navigateFallbackDenylist: [/\/[^/?]+\.[^/?]+(\?.*)?$/],
    runtimeCaching: [
      {
        // config.json and `?config=other.json`: same-origin JSON documents beside index.html.
        urlPattern: (/** @type {{ url: URL, sameOrigin: boolean }} */ { url, sameOrigin }) => sameOrigin && url.pathname.endsWith('.json'),
        handler: 'NetworkFirst',
        options: {
          cacheName: 'sightglass-config',
          networkTimeoutSeconds: 5,
          expiration: { maxEntries: 16 },
          cacheableResponse: { statuses: [200] },
        },
      },
    ],
  },
};
