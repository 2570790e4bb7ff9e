import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { analyze, entryScripts, precachedUrls, staticImports, totals, workerScripts } from './bundle-budget.mjs';

describe('entryScripts', () => {
  it('finds the module entry and modulepreload links, relative or absolute', () => {
    const html = `<script type="module" crossorigin src="./assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/vendor-B.js">
      <link rel="stylesheet" href="./assets/index.css"><script src="./legacy.js"></script>
      <link rel="manifest" href="./manifest.webmanifest">`;
    expect(entryScripts(html)).toEqual(['assets/index-A.js', 'assets/vendor-B.js']);
  });
});

describe('staticImports', () => {
  it.each([
    ['import{a as b}from"./chunk-A.js";', ['./chunk-A.js']],
    ['import"./side.js";', ['./side.js']],
    ['import * as x from "./ns.js"', ['./ns.js']],
    ['export{a}from"./re.js";', ['./re.js']],
    ['const m=import("./lazy.js");', []],
    ['x=()=>import(`./lazy2.js`)', []],
    ['import{a}from"react"', []],
  ])('%s', (code, expected) => {
    expect(staticImports(code)).toEqual(expected);
  });
});

describe('workerScripts', () => {
  it('finds the worker started with new Worker(new URL(…))', () => {
    const code = 'let e=new Worker(new URL(new URL(`worker-BUIuRvAO.js`,import.meta.url).href,``+import.meta.url),{type:`module`})';
    expect(workerScripts(code)).toEqual(['worker-BUIuRvAO.js']);
  });
});

describe('precachedUrls', () => {
  it('reads the workbox precache list', () => {
    const sw = 'e.precacheAndRoute([{url:"index.html",revision:"3f"},{url:"assets/worker-B.js",revision:null}],{})';
    expect([...precachedUrls(sw)]).toEqual(['index.html', 'assets/worker-B.js']);
  });
});

describe('analyze', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function dist(files) {
    dir = mkdtempSync(path.join(tmpdir(), 'budget-'));
    for (const [name, body] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), body);
    }
    return dir;
  }

  it('splits initial, worker and lazy chunks and checks the precache', () => {
    const d = dist({
      'index.html': '<script type="module" src="./assets/index.js"></script>',
      'assets/index.js': 'import{a}from"./shared.js";new Worker(new URL(`worker.js`,import.meta.url));import("./charts.js")',
      'assets/shared.js': 'export const a=1',
      'assets/worker.js': 'self.onmessage=()=>{}',
      'assets/charts.js': 'export const c=2',
      'sw.js': 'precacheAndRoute([{url:"index.html"},{url:"assets/index.js"},{url:"assets/shared.js"},{url:"assets/worker.js"}])',
    });
    const { chunks, precache } = analyze(d);
    expect(Object.fromEntries(chunks.map((c) => [c.file, c.kind]))).toEqual({
      'assets/index.js': 'initial',
      'assets/shared.js': 'initial',
      'assets/worker.js': 'worker',
      'assets/charts.js': 'lazy',
    });
    expect(precache?.missing).toEqual(['assets/charts.js']);
  });

  it("counts the worker's static imports with the worker, its import() chunks as lazy", () => {
    const d = dist({
      'index.html': '<script type="module" src="./assets/index.js"></script>',
      'assets/index.js': 'new Worker(new URL(`worker.js`,import.meta.url),{type:`module`})',
      'assets/worker.js': 'import{m}from"./mqtt.js";self.onmessage=()=>import("./auth.js")',
      'assets/mqtt.js': 'export const m=1',
      'assets/auth.js': 'export const a=1',
    });
    const { chunks } = analyze(d);
    expect(Object.fromEntries(chunks.map((c) => [c.file, c.kind]))).toEqual({
      'assets/index.js': 'initial',
      'assets/worker.js': 'worker',
      'assets/mqtt.js': 'worker',
      'assets/auth.js': 'lazy',
    });
  });
});

describe('totals', () => {
  it('budgets page + worker together; lazy chunks apart', () => {
    const t = totals([
      { file: 'a.js', kind: 'initial', raw: 300, gzip: 100 },
      { file: 'w.js', kind: 'worker', raw: 200, gzip: 70 },
      { file: 'l.js', kind: 'lazy', raw: 900, gzip: 300 },
    ]);
    expect(t).toEqual({ page: { raw: 300, gzip: 100 }, worker: { raw: 200, gzip: 70 }, lazy: { raw: 900, gzip: 300 }, startup: { raw: 500, gzip: 170 } });
  });
});
