import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import zhCN from './locales/zh-CN.json';
import { placeholders, scanSource } from './scanSource';

const ROOT = path.resolve(__dirname, '../..');


/** .ts files whose `label:` / `help:` texts the UI shows (widget settings and names): checked like .tsx. */
const LABEL_TABLES = /^app\/widgets\/[^/]+\/(settings|index)\.ts$/;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [rel] : [];
  });
}

const scans = sources('app').map((file) => ({ file, ...scanSource(file, readFileSync(path.join(ROOT, file), 'utf8')) }));
const usedIds = new Set(scans.flatMap((s) => s.ids));
const catalogue = zhCN as Record<string, string>;

describe('UI strings and the zh-CN catalogue', () => {
  it('finds untranslated text (fixture: <p>Hello</p>, a title prop, a ternary child)', () => {
    const fixture = `export const A = () => <div title="Close"><p>Hello</p>{on ? 'Live' : t('Paused')}<i>{t('Ok {n}', { n: 1 })}</i> 42 %</div>;`;
    const scan = scanSource('fixture.tsx', fixture);
    expect(scan.untranslated.map((f) => f.text)).toEqual(['Close', 'Hello', 'Live']);
    expect(scan.ids).toEqual(['Paused', 'Ok {n}']);
  });

  it('every user-visible string in app/**/*.tsx and the widget label tables goes through the translator', () => {
    const missing = scans.filter((s) => s.file.endsWith('.tsx') || LABEL_TABLES.test(s.file)).flatMap((s) => s.untranslated);
    expect(missing.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('every message id has a zh-CN translation with the same placeholders', () => {
    const untranslated = [...usedIds].filter((id) => !catalogue[id]);
    // Paste these into app/i18n/locales/zh-CN.json and translate them (app/i18n/README.md).
    expect(Object.fromEntries(untranslated.map((id) => [id, '']))).toEqual({});
    const mismatched = [...usedIds].filter((id) => catalogue[id] && placeholders(catalogue[id]).join() !== placeholders(id).join());
    expect(mismatched).toEqual([]);
  });

  it('the zh-CN catalogue has no stale ids', () => {
    expect(Object.keys(catalogue).filter((id) => !usedIds.has(id))).toEqual([]);
  });
});
