import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = ['pools', 'upload', 'assignments', 'dashboard'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'test-results', 'playwright-report', '.emulator'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    extends: [...pluginQuery.configs['flat/recommended']],
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The console does not use the React Compiler; this rule only reports that
      // the compiler would skip components using TanStack Virtual.
      'react-hooks/incompatible-library': 'off',
      // Architecture boundaries: pages → hooks → src/graph (only HTTP) → src/auth (only MSAL).
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // features never import each other; the app composes them
            ...features.map((f) => ({
              target: `./src/features/${f}`,
              from: './src/features',
              except: [`./${f}`],
              message: 'Features must not import each other; compose them in src/app.',
            })),
            { target: './src/features', from: './src/app', message: 'Nothing imports upward into src/app.' },
            { target: './src/entities', from: ['./src/features', './src/app', './src/components'], message: 'src/entities (one model per Graph resource) sits below the features.' },
            { target: './src/components', from: ['./src/features', './src/app'], message: 'Shared UI must not depend on features or the app.' },
            { target: './src/lib', from: ['./src/features', './src/app'], message: 'src/lib must not depend on features or the app.' },
            { target: './src/graph', from: ['./src/features', './src/app', './src/components', './src/auth'], message: 'src/graph is below features and auth.' },
            { target: './src/auth', from: ['./src/features', './src/app', './src/components'], message: 'src/auth is below features.' },
            { target: './src', from: ['./e2e', './bench', './scripts'], message: 'Product code must not know about the emulator, tests or scripts.' },
            { target: ['./src/*.{ts,tsx}', './src/!(testing)/**/*'], from: './emulator', message: 'Product code must not know about the emulator, tests or scripts.' },
            // The unit tests' fake Graph is the emulator's engine, in-process (src/testing/fake-graph.ts), with its fault rules and throttling; never its server.
            { target: './src/testing', from: './emulator', except: ['./graph', './constants.ts', './types.ts', './faults.ts', './throttle.ts'], message: 'src/testing may use the emulator’s Graph engine, fault rules and throttling only (no sockets, no Node).' },
            // Test helpers are for tests: product code never imports them.
            { target: './src/!(testing)/**/!(*.test|*.table).{ts,tsx}', from: './src/testing', message: 'src/testing holds test helpers; product code must not import them.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Only src/graph talks HTTP.' },
        { name: 'localStorage', message: 'Never persist secrets in localStorage; see README (security).' },
        { name: 'indexedDB', message: 'Never persist secrets in IndexedDB; see README (security).' },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@azure/msal-browser', '@azure/msal-browser/*', '@azure/msal-react'], message: 'Only src/auth (and src/app providers) touch MSAL.' },
          ],
        },
      ],
    },
  },
  {
    // Graph paths and query keys are declared once, in src/entities (one model per Graph resource).
    files: ['src/features/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@azure/msal-browser', '@azure/msal-browser/*', '@azure/msal-react'], message: 'Only src/auth (and src/app providers) touch MSAL.' },
            { regex: '/graph/types(\\.ts)?$', importNames: ['POOLS_PATH'], message: 'Features declare no Graph paths: use the path builders in src/entities (poolPaths, groupPaths).' },
            { regex: '/graph/odata(\\.ts)?$', importNames: ['graphPath'], message: 'Features declare no Graph paths: use the path builders in src/entities (poolPaths, groupPaths).' },
            { regex: '/lib/query-keys(\\.ts)?$', message: 'Features build no query keys: use the key factories in src/entities (poolKeys, groupKeys).' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/graph/**/*.{ts,tsx}'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/auth/**/*.{ts,tsx}', 'src/app/providers.tsx', 'src/main.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['src/**/*.test.{ts,tsx}', 'src/testing/**'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    files: ['emulator/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'e2e/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
