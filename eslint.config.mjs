import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * One door: the shells (cli/, electron/) reach the core at run time only through the contract (db/api), its
 * open/close (db/core in-process, db/core-host in threads of its own) and its error types (db/errors); types may
 * come from anywhere. The desktop main process imports db/core-host and db/errors alone, so it never loads SQLite. The CLI's `generate`, a
 * developer's tool for the bench and never an operation a window may call, loads db/generate with import().
 */
const SHELL_FENCE = {
  regex: '(^|/)db/(?!(api|core|core-host|errors)$)',
  allowTypeImports: true,
  message: 'A shell reaches the core only through db/api (the contract), db/core or db/core-host (open and close) and db/errors.',
};

export default tseslint.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'native/', '.electron-native/', 'test-results/', 'playwright-report/', 'migrations/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer talks to the data only through the contract: no runtime import of db/ or electron/.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/*', '**/electron/*', '@db/*', '@electron/*', 'better-sqlite3', 'drizzle-orm*', 'electron'],
              allowTypeImports: true,
              message: 'The renderer may import only types from db/ and electron/.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'db/ is plain Node: no Electron import.' }] }],
    },
  },
  {
    // What every side runs (core, shells, renderer): plain TypeScript that imports only its own folder, and zod for the
    // input rules the contract and the forms share (common/inputs/).
    files: ['common/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!\\./[^/]+$|zod$)', message: 'common/ is plain TypeScript for every side: it imports only from common/ (and zod).' }],
        },
      ],
    },
  },
  {
    // One folder down, `..` is still common/.
    files: ['common/inputs/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!\\.\\.?/[^/]+$|zod$)', message: 'common/ is plain TypeScript for every side: it imports only from common/ (and zod).' }],
        },
      ],
    },
  },
  {
    files: ['cli/**/*.ts', 'electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [SHELL_FENCE] }],
    },
  },
  {
    files: ['electron/security.ts', 'electron/bridge.ts', 'electron/reminders.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Pure policy: unit-tested in Node without Electron.' }], patterns: [SHELL_FENCE] },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
