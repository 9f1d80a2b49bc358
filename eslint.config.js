// Lint rules, including the layer boundaries from DESIGN.md: a file's folder
// says what it may import.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'crypto', 'child_process', 'url'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly' },
    },
  },
  {
    // src-shared is pure: no Node, no DOM libraries, nothing from the other layers.
    files: ['src-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/**', '**/src-renderer/**'],
              message: 'src-shared imports nothing from the other layers.',
            },
            { group: nodeBuiltins, message: 'src-shared is pure: no Node modules.' },
            {
              group: ['react', 'react-dom', 'typeorm', 'better-sqlite3', 'electron'],
              message: 'src-shared is pure.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks only tRPC; it may import src-shared and the router's type.
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: 'src-main/(?!local/router$)',
              message: 'The renderer may import only the local router type from src-main.',
            },
            { group: nodeBuiltins, message: 'The renderer never touches Node.' },
            { group: ['typeorm', 'better-sqlite3', 'electron'], message: 'The renderer talks only tRPC.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/**/*.d.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src-main/local/router'],
              allowTypeImports: true,
              message: 'Import only the router type (import type).',
            },
          ],
        },
      ],
    },
  },
);
