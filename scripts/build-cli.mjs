// Builds the CLI as CommonJS files, out/cli/keydesk.cjs and one per command in out/cli/commands/, and the launcher bin/keydesk.cjs loads
// first (out/cli/launcher.cjs), which runs the bundle with a V8 code cache made after a run (see
// src/cli/launcher.ts). esbuild keeps each dynamically imported module behind its own
// initialiser, so what a command does not use is still never evaluated.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { writeBuildId } from './build-id.mjs';

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

const cli = {
  ...common,
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
  // createRequire(import.meta.url) finds the native modules, and exec its supervisor, from
  // out/cli/keydesk.cjs: a command's bundle in out/cli/commands/ says it is there too.
  define: { 'import.meta.url': '__keydeskBundleUrl' },
};
const bundleUrl = (path) => ({
  js: `const __keydeskBundleUrl = require('node:url').pathToFileURL(${path}).href;`,
});

// The whole CLI (--help, help, a mistyped command), then a bundle per command group
// (src/cli/command-groups.ts) holding only that group: what a command does not use is neither
// read nor compiled on its start.
await build({
  ...cli,
  entryPoints: ['src/cli/index.ts'],
  outfile: 'out/cli/keydesk.cjs',
  banner: bundleUrl('__filename'),
});

const groups = JSON.parse(readFileSync('src/cli/command-groups.json', 'utf8'));
rmSync('out/cli/commands', { recursive: true, force: true });
mkdirSync('out/cli/commands', { recursive: true });
await Promise.all(
  groups.map(async ({ module, register, commands }) => {
    const [first, ...others] = commands.map((command) => `out/cli/commands/${command}.cjs`);
    await build({
      ...cli,
      stdin: {
        contents: [
          "import { runProcess } from './run-cli';",
          `import { ${register} } from './commands/${module}';`,
          `runProcess([${register}]);`,
        ].join('\n'),
        resolveDir: 'src/cli',
        sourcefile: `src/cli/commands/${module}.entry.ts`,
        loader: 'ts',
      },
      outfile: first,
      banner: bundleUrl("require('node:path').join(__dirname, '..', 'keydesk.cjs')"),
    });
    for (const other of others) copyFileSync(first, other);
  }),
);

await build({ ...common, entryPoints: ['src/cli/launcher.ts'], outfile: 'out/cli/launcher.cjs' });
// What `exec` becomes when it was started with the vault's passphrase (src/cli/exec-supervisor.ts).
await build({
  ...common,
  entryPoints: ['src/cli/exec-supervisor.ts'],
  outfile: 'out/cli/exec-supervisor.cjs',
});
writeBuildId('out/cli');
