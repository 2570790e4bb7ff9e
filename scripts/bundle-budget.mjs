#!/usr/bin/env node
// Bundle budget for the built app (issues 8, 9): the JavaScript a tablet must download before it
// can show live data must stay at or under the budget, gzip-compressed. That is the page's part
// (index.html's entry script + its modulepreload chunks + their static imports) AND the engine
// Web Worker those chunks start (its script + its static imports): the app cannot connect before
// the worker runs. Charts, auth helpers and other heavy parts load lazily (import()).
// Also checks that the service worker precaches every JS/CSS chunk, because workbox silently
// leaves out files over `maximumFileSizeToCacheInBytes` and the app would then not open offline.
//
//   node scripts/bundle-budget.mjs [distDir] [--budget-kb 211]
//
// Sizes are in kB of 1000 bytes (as Vite prints them); gzip at zlib's default level.
// Exit code 1 when over budget or when a chunk is missing from the precache.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// 2026-12-05 (issue 17): 215 kB (page 135.6, worker 79.5) after the worker's features and the
// views off the first screen went lazy, with zh-CN (Lingui, 4 kB) and the tablet header/connection
// line merged; the floor is React DOM + mqtt.js (see ARCHITECTURE.md).
// 2026-12-05, later: 208.6 kB (page 129.2, worker 79.5): the first screen's modules in one chunk
// (one file compresses better than 26) and the update prompt loaded after start-up. By sourcemap,
// the page is React DOM + React + scheduler 63, TanStack Virtual 9.4, the first screen's own code
// ≈ 50 (Topics view, header, connection and publish panels, stores, config schema), Lingui, valibot,
// idb, zustand ≈ 7; the worker is mqtt.js and its stream/buffer dependencies ≈ 50, Sparkplug
// decoding 8.4 (cannot wait for a lazy load), engine + topics + adapter ≈ 16.
// Merged with the session's other work: 211.3 kB (page 130.7, worker 80.6). Page +1.5: engine
// messages sent as codes and said in the UI language, more first-screen strings translated. Worker
// +1.1: the WebSocket send batcher (+0.3; QoS 1 ingest 0.84 → 1.01 × bare), the compact topic
// records and the message codes. Budget 212.
export const DEFAULT_BUDGET_KB = 212;

/** `<script type="module" src>` and `<link rel="modulepreload" href>` in index.html, as dist-relative paths. */
export function entryScripts(html) {
  const out = new Set();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src && /\btype\s*=\s*["']module["']/i.test(tag)) out.add(normalize(src));
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href && /\brel\s*=\s*["']modulepreload["']/i.test(tag)) out.add(normalize(href));
  }
  return [...out];
}

function normalize(url) {
  return url.replace(/^\.?\//, '').split(/[?#]/)[0];
}

/** Static imports (`import … from "./x.js"`, `import "./x.js"`, `export … from`) of a chunk; not `import()`. */
export function staticImports(code) {
  const out = new Set();
  const re = /(?:^|[;\s})])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'`](\.{1,2}\/[^"'`]+?\.m?js)["'`]/g;
  for (let m = re.exec(code); m; m = re.exec(code)) out.add(m[1]);
  return [...out];
}

/** Script files a chunk starts as Web Workers (`new Worker(new URL("worker-x.js", import.meta.url))`). */
export function workerScripts(code) {
  const out = new Set();
  const re = /new\s+(?:Shared)?Worker\s*\(/g;
  for (let m = re.exec(code); m; m = re.exec(code)) {
    const near = code.slice(m.index, m.index + 300);
    const file = /["'`](?:\.{0,2}\/)?(?:[\w.-]+\/)*([\w.-]+\.m?js)["'`]/.exec(near)?.[1];
    if (file) out.add(file);
  }
  return [...out];
}

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full, base) : [path.relative(base, full).split(path.sep).join('/')];
  });
}

/** The precache list of a workbox-generated sw.js (urls as written, dist-relative). */
export function precachedUrls(swCode) {
  const out = new Set();
  for (const m of swCode.matchAll(/\burl\s*:\s*["']([^"']+)["']/g)) out.add(normalize(m[1]));
  return out;
}

export function analyze(distDir) {
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const files = walk(distDir);
  const size = (rel) => {
    const buf = readFileSync(path.join(distDir, rel));
    return { raw: buf.length, gzip: gzipSync(buf).length, code: buf.toString('utf8') };
  };

  // A chunk plus everything it imports statically, transitively (not import(): that is lazy).
  const closure = (starts, into, skip = new Set()) => {
    const queue = [...starts];
    while (queue.length) {
      const rel = queue.shift();
      if (into.has(rel) || skip.has(rel) || !existsSync(path.join(distDir, rel))) continue;
      into.add(rel);
      const { code } = size(rel);
      for (const imp of staticImports(code)) queue.push(path.posix.normalize(path.posix.join(path.posix.dirname(rel), imp)));
    }
    return into;
  };
  // Initial = the page's entry scripts and their static imports.
  const initial = closure(entryScripts(html), new Set());
  // Worker = the worker scripts the initial chunks start, and their static imports.
  const workerEntries = [];
  for (const rel of initial) {
    for (const name of workerScripts(size(rel).code)) {
      const hit = files.find((f) => f.endsWith(`/${name}`) || f === name);
      if (hit) workerEntries.push(hit);
    }
  }
  const workers = closure(workerEntries, new Set(), initial);

  const chunks = files
    .filter((f) => /\.m?js$/.test(f) && f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f))
    .map((f) => {
      const { raw, gzip } = size(f);
      const kind = initial.has(f) ? 'initial' : workers.has(f) ? 'worker' : 'lazy';
      return { file: f, kind, raw, gzip };
    })
    .sort((a, b) => ['initial', 'worker', 'lazy'].indexOf(a.kind) - ['initial', 'worker', 'lazy'].indexOf(b.kind) || b.gzip - a.gzip);

  let precache = null;
  if (existsSync(path.join(distDir, 'sw.js'))) {
    const urls = precachedUrls(readFileSync(path.join(distDir, 'sw.js'), 'utf8'));
    const needed = files.filter((f) => /\.(m?js|css|html)$/.test(f) && f !== 'sw.js' && !/^workbox-[\w-]+\.js$/.test(f));
    precache = { count: urls.size, missing: needed.filter((f) => !urls.has(f)) };
  }
  return { chunks, precache };
}

const kb = (n) => (n / 1000).toFixed(2).padStart(9);

/** Raw and gzip sums per part; the budget applies to `startup` = page + worker. */
export function totals(chunks) {
  const sum = (kinds) => chunks.filter((c) => kinds.includes(c.kind)).reduce((t, c) => ({ raw: t.raw + c.raw, gzip: t.gzip + c.gzip }), { raw: 0, gzip: 0 });
  return { page: sum(['initial']), worker: sum(['worker']), lazy: sum(['lazy']), startup: sum(['initial', 'worker']) };
}

function main(argv) {
  let dist = 'dist';
  let budgetKb = DEFAULT_BUDGET_KB;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--budget-kb') budgetKb = Number(argv[++i]);
    else if (argv[i] === '-h' || argv[i] === '--help') {
      console.log('Usage: node scripts/bundle-budget.mjs [distDir] [--budget-kb 211]');
      return 0;
    } else dist = argv[i];
  }
  const distDir = path.resolve(ROOT, dist);
  if (!existsSync(path.join(distDir, 'index.html'))) {
    console.error(`bundle-budget: ${distDir}/index.html not found: build first (npx vite build)`);
    return 1;
  }
  if (!Number.isFinite(budgetKb) || budgetKb <= 0) {
    console.error('bundle-budget: --budget-kb needs a positive number');
    return 1;
  }
  const { chunks, precache } = analyze(distDir);
  console.log(`Bundle sizes in ${path.relative(ROOT, distDir) || '.'} (kB = 1000 bytes)`);
  console.log(`${'kind'.padEnd(8)} ${'raw kB'.padStart(9)} ${'gzip kB'.padStart(9)}  file`);
  for (const c of chunks) console.log(`${c.kind.padEnd(8)} ${kb(c.raw)} ${kb(c.gzip)}  ${c.file}`);
  const { page, worker, lazy, startup } = totals(chunks);
  const line = (label, t) => console.log(`${label.padEnd(52)} ${kb(t.raw).trim().padStart(7)} kB raw, ${kb(t.gzip).trim().padStart(7)} kB gzip`);
  console.log('');
  line('page: entry + modulepreload + static imports', page);
  line('engine worker: worker script(s) + static imports', worker);
  line(`start-up total (budget ${budgetKb} kB gzip)`, startup);
  line('lazy chunks (loaded on demand)', lazy);

  let failed = false;
  if (startup.gzip > budgetKb * 1000) {
    console.error(`bundle-budget: FAIL start-up JavaScript (page + engine worker) is ${kb(startup.gzip).trim()} kB gzip, over the ${budgetKb} kB budget. Load what start-up does not need with import() (in the page or in the worker).`);
    failed = true;
  }
  if (!precache) {
    console.log('precache: no sw.js in the build (PWA plugin off?), not checked');
  } else if (precache.missing.length) {
    console.error(`bundle-budget: FAIL ${precache.missing.length} file(s) not in the service worker precache (too big for maximumFileSizeToCacheInBytes?): ${precache.missing.join(', ')}`);
    failed = true;
  } else {
    console.log(`precache: all ${chunks.length} JS chunks and the CSS/HTML are precached (${precache.count} entries)`);
  }
  if (!failed) console.log('bundle-budget: OK');
  return failed ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
