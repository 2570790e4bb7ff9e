// Dependency-free static server for the built SPA under a sub-path (the way it
// is deployed behind a plant's reverse proxy, e.g. /hmi/plant-a/), plus an
// optional generated config.json so the demo can point the app at its broker.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { listen } from './listen.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.wasm': 'application/wasm', '.txt': 'text/plain; charset=utf-8', '.woff2': 'font/woff2', '.jpg': 'image/jpeg', '.webp': 'image/webp',
};
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
  + "connect-src 'self' ws: wss:; worker-src 'self' blob:; manifest-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
// Files whose URL never changes but whose content does: always revalidate, or a
// tablet keeps running an old build / old broker URL after an update.
const NO_CACHE = new Set(['index.html', 'config.json', 'sw.js', 'manifest.webmanifest', 'manifest.json']);

/** @typedef {object | string | undefined | ((req: import('node:http').IncomingMessage) => object | string | undefined)} ConfigSource */

/**
 * @param {{ root: string, basePath?: string, port?: number, host?: string, config?: ConfigSource, configPath?: string }} opts
 *   config: object → served as JSON at <basePath><configPath>; string → served verbatim (lets tests serve
 *   broken JSON); function → called per request (e.g. to use the Host header); undefined → file or 404.
 */
export async function serveStatic({ root, basePath = '/', port = 0, host = '127.0.0.1', config, configPath = 'config.json' }) {
  const rootDir = resolve(root);
  const base = `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  let currentConfig = config;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => { if (!res.headersSent) send(res, 500, 'Internal error\n'); else res.destroy(); });
  });

  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    const pathname = (req.url ?? '/').split(/[?#]/)[0];
    if (`${pathname}/` === base) return send(res, 301, '', { Location: base }); // /hmi/plant-a → /hmi/plant-a/
    if (!pathname.startsWith(base)) return send(res, 404, 'Not found\n');
    let rel;
    try { rel = decodeURIComponent(pathname.slice(base.length)); } catch { return send(res, 400, 'Bad request\n'); }
    if (rel === '') rel = 'index.html';
    // Refuse instead of normalising: a request containing .. or a NUL is never legitimate here.
    if (rel.includes('\0') || rel.split(/[/\\]/).includes('..')) return send(res, 404, 'Not found\n');

    if (rel === configPath) {
      const cfg = typeof currentConfig === 'function' ? currentConfig(req) : currentConfig;
      if (cfg !== undefined) {
        const body = typeof cfg === 'string' ? cfg : `${JSON.stringify(cfg, null, 2)}\n`;
        return send(res, 200, body, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-cache' }, req.method === 'HEAD');
      }
    }
    const file = resolve(rootDir, rel);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(res, 404, 'Not found\n');
    const info = await stat(file).catch(() => undefined);
    if (!info?.isFile()) return send(res, 404, 'Not found\n');

    const type = TYPES[/** @type {keyof typeof TYPES} */ (extname(file).toLowerCase())] ?? 'application/octet-stream';
    /** @type {Record<string, string | number>} */
    const headers = { 'Content-Type': type, 'Content-Length': info.size, 'X-Content-Type-Options': 'nosniff' };
    const name = rel.split('/').at(-1) ?? '';
    // Vite puts content-hashed files in assets/: safe to cache forever.
    headers['Cache-Control'] = NO_CACHE.has(name) || !rel.startsWith('assets/') ? 'no-cache' : 'public, max-age=31536000, immutable';
    if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    // One byte range (`bytes=a-b`, `a-`, `-n`): a map's .pmtiles basemap next to index.html is read
    // by range requests, as any static host (nginx, S3, GitHub Pages) serves them.
    headers['Accept-Ranges'] = 'bytes';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range && (range[1] || range[2])) {
      const start = range[1] ? Number(range[1]) : Math.max(0, info.size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), info.size - 1) : info.size - 1;
      if (start >= info.size || start > end) return send(res, 416, '', { 'Content-Range': `bytes */${info.size}` });
      res.writeHead(206, { ...headers, 'Content-Length': end - start + 1, 'Content-Range': `bytes ${start}-${end}/${info.size}` });
      if (req.method === 'HEAD') return void res.end();
      return void createReadStream(file, { start, end }).on('error', () => res.destroy()).pipe(res);
    }
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  const bound = await listen(server, { port, host, what: 'dashboard HTTP server', flag: '--port' });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${bound}${base}`,
    port: bound,
    /** @param {ConfigSource} next */
    setConfig(next) { currentConfig = next; },
    /** @returns {Promise<void>} */
    close() {
      return new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections(); // keep-alive sockets from browsers would hold close() open
      });
    },
  };
}

/**
 * @param {import('node:http').ServerResponse} res @param {number} status @param {string} body
 * @param {Record<string, string>} [headers] @param {boolean} [headOnly]
 */
function send(res, status, body, headers = {}, headOnly = false) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(headOnly ? undefined : body);
}
