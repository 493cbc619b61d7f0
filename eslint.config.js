import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Vendure runs only in the tests (test/fixtures/vendure/): the product speaks to it over HTTP
// (server/oms/vendure/), and the built app must hold none of it (docs/oms.md).
const VENDURE = {
  group: ['@vendure/*'],
  message: '@vendure/* is a test dependency: the product reaches Vendure over its HTTP API only.',
};

// Which folders a folder may import from (docs/architecture.md, "Dependencies point one way").
// A file's last matching block wins, so each one carries the Vendure rule too.
const forbid = (message, ...groups) => ({
  'no-restricted-imports': [
    'error',
    { patterns: [...groups.map((group) => ({ group, message })), VENDURE] },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'bench-results/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    ignores: ['test/**'],
    rules: forbid(''),
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/component/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['shared/**/*.ts'],
    rules: forbid(
      'shared/ holds pure logic: no I/O, no React, Dexie, Electron or Node APIs, and nothing of ours outside shared/.',
      [
        '**/renderer/**',
        '**/electron/**',
        '**/server/**',
        'react',
        'react-dom',
        'dexie',
        'electron',
        'node:*',
        'fastify',
      ],
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: forbid(
      'renderer/ reaches the shell only through window.fillwave (shared/ipc), and the server only over HTTP.',
      ['**/electron/**', '**/server/**', 'electron', 'node:*'],
    ),
  },
  {
    files: ['server/**/*.ts'],
    rules: forbid('server/ depends on shared/ only.', [
      '**/renderer/**',
      '**/electron/**',
      'electron',
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    rules: forbid('electron/ depends on shared/ and server/ only.', ['**/renderer/**']),
  },
);
