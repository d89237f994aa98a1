// Lint: type-aware rules for async server code, and the purity of the clinical core (no clock,
// no randomness, no process, console or fetch, no Node built-ins) enforced by rule, not by hope.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'tmp/**', 'bench/out/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: ['src/core/**/*.test.ts', 'src/core/testing/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'Date', message: 'The clinical core has no clock: take asOf from the case.' },
        { name: 'process', message: 'The clinical core does no I/O.' },
        { name: 'fetch', message: 'The clinical core does no I/O.' },
        { name: 'console', message: 'The clinical core does no I/O; return findings instead.' },
        { name: 'performance', message: 'The clinical core has no clock.' },
        { name: 'setTimeout', message: 'The clinical core has no timers.' },
        { name: 'crypto', message: 'The clinical core has no randomness.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'The clinical core is deterministic.' },
        { object: 'Temporal', property: 'Now', message: 'The clinical core has no clock: take asOf from the case.' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net'], message: 'The clinical core does no I/O.' },
            { group: ['../../*', '../store/*', '../api/*', '../web/*', '../services/*', '../fhir/*', '../cli/*', '../schema/*', '../config*', '../main*'], message: 'The core imports nothing of ours outside src/core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts', '**/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
