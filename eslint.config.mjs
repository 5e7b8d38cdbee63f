import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

/**
 * One rule per boundary, each message saying where the code belongs. The core runs in plain Node
 * (the CLI, the tests) where the Electron binary is not available; the renderer reaches the rest
 * only through window.api; the CLI shares the core, never the Electron shell.
 */
const restrict = (...groups) => [
  'error',
  {
    patterns: groups.map(([group, message, importNames]) => ({
      ...(typeof group === 'string' ? { regex: group } : { group }),
      message,
      ...(importNames ? { importNames } : {}),
    })),
  },
];
// Package names as regular expressions: a gitignore-style group would also match a path such as
// ../main/electron/x.
const electron = [
  '^electron(/.*)?$',
  'Only the Electron shell (src/main, src/preload) may import electron.',
];
const react = ['^react(-dom)?(/.*)?$', 'React belongs in src/renderer.'];
const shell = [
  ['**/main/**', '**/main'],
  'src/main is the Electron shell; shared code belongs in src/core.',
];
const cli = [['**/cli/**'], 'src/cli is the command line; shared code belongs in src/core.'];
const renderer = [
  ['**/renderer/**'],
  'The renderer is reached only through window.api (src/shared/api.ts).',
];
const core = [
  ['**/core/**'],
  'The renderer runs in a sandboxed page: it talks to the core only through window.api (src/shared).',
];
const handlers = [
  ['**/handlers/**', '**/handlers'],
  "src/core/handlers is the contract's entry point and sits on top of the core: what two places need belongs beside what it works on (history/, jwt/, vault/), not in handlers/.",
];
const node = [
  ['node:*'],
  'The renderer has no Node: ask main through a channel in src/shared/contract.ts.',
];
const directCall = [
  '(^|/)api$',
  'Read through useChannel and act through send (src/renderer/src/data/channel-data.ts): they keep answers per input and invalidate what a write changed.',
  ['call'],
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: { '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }] },
  },
  {
    files: ['src/core/**'],
    ignores: ['src/core/handlers/**'],
    rules: { 'no-restricted-imports': restrict(electron, react, shell, cli, renderer, handlers) },
  },
  {
    files: ['src/core/handlers/**'],
    rules: { 'no-restricted-imports': restrict(electron, react, shell, cli, renderer) },
  },
  {
    files: ['src/cli/**'],
    rules: { 'no-restricted-imports': restrict(electron, react, shell, renderer) },
  },
  { files: ['src/main/**'], rules: { 'no-restricted-imports': restrict(react, cli, renderer) } },
  {
    files: ['src/preload/**'],
    rules: { 'no-restricted-imports': restrict(react, cli, renderer, core, shell) },
  },
  {
    files: ['src/shared/**'],
    rules: { 'no-restricted-imports': restrict(electron, react, shell, cli, renderer, core, node) },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': restrict(electron, shell, cli, core, node, directCall) },
  },
  {
    files: ['src/renderer/src/data/channel-data.ts'],
    rules: { 'no-restricted-imports': restrict(electron, shell, cli, core, node) },
  },
  {
    files: ['src/renderer/**/*.tsx', 'src/renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  // Every screen usable from the keyboard and a screen reader.
  { files: ['src/renderer/**/*.tsx'], ...jsxA11y.flatConfigs.recommended },
  // zod's named `z` is an object holding all of zod (40 locales, JSON Schema), which a bundle then
  // carries whole; the namespace import lets esbuild and Rollup keep only what is used (the CLI
  // bundle went from 872 KB to 505 KB).
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "ImportDeclaration[source.value='zod'] > ImportSpecifier[imported.name='z']",
          message: "Write import * as z from 'zod': the named z brings all of zod into a bundle.",
        },
      ],
    },
  },
  // A promise nobody awaits loses its error: handle it, or say why with `void`.
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  {
    files: ['bin/**/*.js', 'scripts/**/*.mjs', 'test/**/*.mjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
      },
    },
  },
  {
    files: ['bin/**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
