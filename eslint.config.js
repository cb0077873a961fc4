// @ts-check
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import nounsanitized from 'eslint-plugin-no-unsanitized';

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'coverage/**', 'stats/**', 'artifacts/**', '.tmp-*/**'] },
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Super-linear backtracking is a denial of service on a page that runs on every site.
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    // Page-derived text must never reach an HTML sink.
    files: ['lib/**/*.{ts,tsx}', 'entrypoints/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'cli/**/*.ts'],
    plugins: { 'no-unsanitized': nounsanitized },
    rules: { 'no-unsanitized/method': 'error', 'no-unsanitized/property': 'error' },
  },
  {
    // The engine is pure: text in, spans out. No DOM, no extension APIs.
    files: ['lib/nlp/**/*.ts', 'lib/kb/**/*.ts', 'lib/xref/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'window', 'browser', 'chrome', 'navigator', 'location'],
      'no-restricted-imports': ['error', { patterns: ['**/page/**', '**/entrypoints/**', '**/components/**', 'wxt/*', '#imports'] }],
    },
  },
  {
    files: ['components/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/lib/messaging/**', '**/lib/storage/**'] }] },
  },
);
