import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import sightglass from './scripts/eslintBoundaries.mjs';

// The boundaries of issue 14 (ARCHITECTURE.md § Boundaries). Import arrows are checked by
// `sightglass/boundaries` (scripts/eslintBoundaries.mjs, proven by scripts/lint-boundaries.test.mjs);
// the DOM and raw timers in src/ by the core rules below.
const workerGlobals = new Set(Object.keys(globals.worker));
const DOM_ONLY_GLOBALS = Object.keys(globals.browser).filter((name) => !workerGlobals.has(name));
const CLOCK = 'Use the injected Clock (src/engine/clock.ts) so time is testable.';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', '.tmp', 'test-results*', 'node_modules', 'test-results', 'playwright-report', 'bench/results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'app/**/*.{ts,tsx}'],
    plugins: { sightglass },
    rules: { 'sightglass/boundaries': 'error' },
  },
  {
    // Small modules with one job: a file that must stay longer starts with
    // `/* eslint-disable max-lines -- <the reason> */`.
    files: ['src/**/*.ts', 'app/**/*.{ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error',
        ...DOM_ONLY_GLOBALS.map((name) => ({
          name,
          message: `src/ runs in a Web Worker and has no DOM ('${name}'): do DOM work in app/ and send the engine what it needs through src/engine/protocol.ts.`,
        })),
        { name: 'setTimeout', message: CLOCK },
        { name: 'setInterval', message: CLOCK },
        { name: 'clearTimeout', message: CLOCK },
        { name: 'clearInterval', message: CLOCK },
      ],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: CLOCK }],
    },
  },
  {
    files: ['src/engine/clock.ts', 'src/**/*.test.ts'],
    rules: { 'no-restricted-globals': 'off', 'no-restricted-properties': 'off' },
  },
  {
    files: ['src/**/*.test.ts'],
    rules: {
      // Tests may use the DOM-free timers, but never the DOM itself.
      'no-restricted-globals': ['error', ...DOM_ONLY_GLOBALS.map((name) => ({ name, message: `src/ tests run without a DOM ('${name}').` }))],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/set-state-in-effect': 'off', 'react-hooks/refs': 'off', 'react-hooks/incompatible-library': 'off' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      'no-eval': 'error', 'no-implied-eval': 'error', 'no-new-func': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
