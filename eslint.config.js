// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundaries } from './scripts/lint/boundaries.mjs';

/** Import boundaries from the design guide: shared is pure, renderer and electron never meet. */
const sharedForbidden = {
  patterns: [
    { group: ['electron', 'electron/*'], message: 'shared/ is pure: no Electron.' },
    { group: ['react', 'react/*', 'react-dom', 'react-dom/*', 'react-router', 'react-i18next'], message: 'shared/ is pure: no React.' },
    { group: ['dexie', 'dexie/*', 'dexie-react-hooks'], message: 'shared/ is pure: no Dexie.' },
    { group: ['**/renderer/**', '**/electron/**', '../renderer', '../electron'], message: 'shared/ imports nothing from renderer/ or electron/.' },
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'shared/ does no I/O.' },
  ],
};

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', '.test-output/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', sharedForbidden],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'process', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, clearday: boundaries },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'clearday/layers': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*', '**/electron/**', '../electron'], message: 'renderer/ never imports electron/: use the platform module.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/renderer/**', '../renderer', 'react', 'react-dom', 'dexie'], message: 'electron/ never imports renderer/, React or Dexie.' },
          ],
        },
      ],
    },
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{js,ts}', 'vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
