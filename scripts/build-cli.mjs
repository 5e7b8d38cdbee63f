// Builds the CLI as one CommonJS file, out/cli/keydesk.cjs, and the launcher bin/keydesk.js loads
// first (out/cli/launcher.cjs), which runs the bundle with a V8 code cache made after a run (see
// src/cli/launcher.ts). esbuild keeps each dynamically imported module behind its own
// initialiser, so what a command does not use is still never evaluated.
import { build } from 'esbuild';
import { writeBundleHash } from './bundle-hash.mjs';

/**
 * commander requires child_process when it loads, for subcommands run as separate executables,
 * which Keydesk has none of; loading it (with net and dgram) cost every start about 7 ms. The
 * bundle gets it on first use instead.
 */
const childProcessOnFirstUse = {
  name: 'child-process-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, ({ importer }) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(importer)
        ? { path: 'child_process', namespace: 'on-first-use' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'on-first-use' }, () => ({
      contents:
        "let loaded; module.exports = new Proxy({}, { get: (_, name) => (loaded ??= require('node:child_process'))[name] });",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  minify: true,
  // Names stay readable in the stack of an unexpected error.
  keepNames: true,
  logLevel: 'warning',
  plugins: [childProcessOnFirstUse],
};

await build({
  ...common,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/keydesk.cjs',
  // Native modules load from node_modules; the CLI never imports Electron (lint-enforced).
  // undici (for a proxy only) is required from node_modules when first used, not bundled: the
  // bundle, parsed on every start, stays its size.
  external: [
    'better-sqlite3',
    '@napi-rs/keyring',
    'electron',
    'undici',
    'age-encryption',
    'proper-lockfile',
  ],
  // createRequire(import.meta.url) finds the native modules from the bundle's own place.
  define: { 'import.meta.url': '__keydeskBundleUrl' },
  banner: { js: "const __keydeskBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
writeBundleHash('out/cli/keydesk.cjs');

await build({ ...common, entryPoints: ['src/cli/launcher.ts'], outfile: 'out/cli/launcher.cjs' });
// What `exec` becomes when it was started with the vault's passphrase (src/cli/exec-supervisor.ts).
await build({
  ...common,
  entryPoints: ['src/cli/exec-supervisor.ts'],
  outfile: 'out/cli/exec-supervisor.cjs',
});
