import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

/**
 * Which layer may import which (docs/architecture.md): components -> controllers, services, context
 * -> storage, WASM facades, workers -> domain. Each entry names what a folder must not import.
 */
const folder = (name) => [`**/${name}/*`, `**/${name}/**`];
const LIT = ['lit', 'lit/*', '@lit/*', '@lit-labs/*'];
const LAYERS = [
  {
    files: ['src/domain/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'context', 'storage', 'wasm', 'workers', 'events', 'server'],
    lit: true,
    why: 'domain/ is plain TypeScript: it imports only domain/',
  },
  {
    files: ['src/events/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'context', 'storage', 'wasm', 'workers', 'server'],
    lit: true,
    why: 'events/ carry domain values only',
  },
  {
    files: ['src/storage/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'context', 'wasm', 'workers', 'server'],
    lit: true,
    why: 'storage/ knows IndexedDB and domain/, nothing above it',
  },
  {
    files: ['src/wasm/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'context', 'storage', 'workers', 'events', 'server'],
    lit: true,
    why: 'a WASM facade knows its module and domain/, never the DOM or storage',
  },
  {
    files: ['src/workers/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'context', 'storage', 'server'],
    lit: true,
    why: 'workers/ run WASM facades off the main thread',
  },
  {
    files: ['src/services/**/*.ts'],
    forbid: ['components', 'controllers', 'context', 'server'],
    lit: true,
    why: 'services/ sit below components and controllers',
  },
  {
    files: ['src/controllers/**/*.ts', 'src/context/**/*.ts'],
    forbid: ['components', 'server'],
    why: 'controllers and contexts serve components, they never import one',
  },
  {
    files: ['src/components/**/*.ts'],
    forbid: ['storage', 'workers', 'server'],
    extra: ['**/wasm/loader*', '**/wasm/*-layout*'],
    why: 'components reach storage, workers and WASM memory only through services, controllers and facades',
  },
  {
    files: ['src/server/**/*.ts', 'src/cli/**/*.ts'],
    forbid: ['components', 'controllers', 'services', 'storage', 'workers'],
    why: 'the server and the CLI run in Node, without the storefront',
  },
];

const layerRules = LAYERS.map(({ files, forbid, lit = false, extra = [], why }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: [...forbid.flatMap(folder), ...extra], message: `${why} (docs/architecture.md).` },
          ...(lit ? [{ group: LIT, message: `${why}: no Lit here (docs/architecture.md).` }] : []),
        ],
      },
    ],
  },
}));

export default tseslint.config(
  {
    ignores: ['dist/', 'dist-node/', 'build/', 'public/data/', 'node_modules/', 'coverage/', 'assembly/', 'dev-dist/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/components/**/*.ts'],
    ...litConfigs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...wcConfigs['flat/recommended'],
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400 }] },
  },
  ...layerRules,
);
