// Builds the CLI as one CommonJS file, out/cli/keydesk.cjs, which bin/keydesk.js runs with a V8
// code cache made after a run (see there). esbuild keeps each dynamically imported module behind
// its own initialiser, so what a command does not use is still never evaluated.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/keydesk.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  // Native modules load from node_modules; the CLI never imports Electron (lint-enforced).
  external: ['better-sqlite3', '@napi-rs/keyring', 'electron'],
  // createRequire(import.meta.url) finds the native modules from the bundle's own place.
  define: { 'import.meta.url': '__keydeskBundleUrl' },
  banner: { js: "const __keydeskBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  minify: true,
  // Names stay readable in the stack of an unexpected error.
  keepNames: true,
  logLevel: 'warning',
});
