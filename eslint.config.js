// Lint rules, including the layer boundaries from DESIGN.md: a file's folder
// says what it may import. The boundaries inside src-main and between the
// renderer's features are checked on resolved paths (import-x's
// no-restricted-paths), so `../calls`, `../calls/index` and a type-only
// import are all caught; tests/unit/eslint.config.test.ts plants a violation
// of each rule and expects it to fire.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const foldersOf = (dir) =>
  readdirSync(new URL(dir, import.meta.url), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

/** src-main's infrastructure, top (entry points) to bottom (plumbing). Every other folder is a domain. */
const ENTRY = ['electron', 'host', 'demo'];
const WIRING = ['desk', 'central', 'sync'];
const PLUMBING = ['local', 'mutations', 'store', 'trpc'];
const DOMAINS = foldersOf('./src-main/').filter((f) => ![...ENTRY, ...WIRING, ...PLUMBING].includes(f));
const main = (folders) => folders.map((f) => `./src-main/${f}`);

const FEATURES = foldersOf('./src-renderer/features/');

const srcMainZones = [
  {
    target: main(DOMAINS),
    from: main(['central', 'desk', 'sync', 'host', 'electron']),
    message: 'Domain code never imports central/, desk/, sync/, host/ or electron/ (src-main/README.md).',
  },
  {
    target: main(['central']),
    from: main(['desk', 'sync']),
    message: 'The central store never imports the desk (desk/, sync/).',
  },
  {
    target: main(['sync']),
    from: main(['desk']),
    message:
      'The sync engine sits below the desk that runs it (it sees the sessions through local/context.ts).',
  },
  {
    target: main(['desk']),
    from: main(['central']),
    message: 'The desk never imports the central store: its host starts one and hands it over.',
  },
  {
    target: main(PLUMBING),
    from: [...main([...DOMAINS, ...WIRING, ...ENTRY]), './src-main/domains.ts'],
    message: 'Plumbing (local/, mutations/, store/, trpc/) sits below the domains and imports none of them.',
  },
];

// A feature reaches another only through that feature's index.ts.
const featureZones = FEATURES.flatMap((feature) =>
  FEATURES.filter((other) => other !== feature).map((other) => ({
    target: `./src-renderer/features/${feature}`,
    from: `./src-renderer/features/${other}`,
    except: ['./index.ts'],
    message: `Import from features/${other} only through its index.ts.`,
  })),
);

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
    files: ['src-main/**/*.ts', 'src-renderer/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: [...srcMainZones, ...featureZones] }],
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
              regex: 'src-main/(?!desk/router$)',
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
              group: ['**/src-main/desk/router'],
              allowTypeImports: true,
              message: 'Import only the router type (import type).',
            },
          ],
        },
      ],
    },
  },
);
