import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import globals from 'globals';

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
);
