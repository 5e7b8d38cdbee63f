#!/usr/bin/env node
// The CLI is built by `npm run build` (run by `npm install`) into out/cli/keydesk.cjs.
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// Checked before the bundle (and its native modules) loads: on an older Node they can crash the
// process with no message at all.
const required = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
).engines.node.replace(/^>=\s*/, '');
const newer = (found, needed) => {
  const [a = 0, b = 0, c = 0] = found.split('.').map(Number);
  const [x = 0, y = 0, z = 0] = needed.split('.').map(Number);
  return a !== x ? a > x : b !== y ? b > y : c >= z;
};
if (!newer(process.versions.node, required)) {
  console.error(
    `keydesk: Node.js ${process.versions.node} is too old; Keydesk needs Node.js ${required} or newer. Install a current Node.js LTS and run it again.`,
  );
  process.exit(1);
}

const bundle = fileURLToPath(new URL('../out/cli/keydesk.cjs', import.meta.url));
let source;
try {
  source = readFileSync(bundle, 'utf8');
} catch {
  console.error('keydesk: the CLI is not built yet; run "npm run build" in the Keydesk folder.');
  process.exit(1);
}

/**
 * V8's code cache, made after a run rather than after compiling: it then holds the functions the
 * command actually ran (zod's, above all), which Node's own compile cache leaves to be compiled
 * again on every start. One cache per command, in a folder of this user's only; V8 refuses a
 * cache made for other source or another V8, and then a new one is written. Measured with
 * `npm run bench -- cli` (see the closing note of issue 14).
 */
function codeCacheFile() {
  if (process.env.KEYDESK_CODE_CACHE === 'off') return undefined;
  const folder =
    process.env.KEYDESK_CODE_CACHE_DIR ||
    join(tmpdir(), `keydesk-code-cache-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const stat = statSync(folder);
    // Another user's folder (or one anybody may write to) is never read: the cache is code.
    if (process.getuid && (stat.uid !== process.getuid() || (stat.mode & 0o077) !== 0))
      return undefined;
  } catch {
    return undefined;
  }
  // Commands come first (`keydesk jwt APP`); anything else shares one cache.
  const first = process.argv[2] ?? '';
  const command = /^[a-z][a-z-]{0,23}$/.test(first) ? first : 'other';
  // The build's size and time name it: hashing the 0.8 MB bundle cost every start ~2 ms.
  const { size, mtimeMs } = statSync(bundle);
  const version = `${process.version}-${process.arch}-${size}-${Math.floor(mtimeMs)}`;
  return { folder, version, file: join(folder, `${version}-${command}.bin`) };
}

const cache = codeCacheFile();
let cachedData;
try {
  if (cache) cachedData = readFileSync(cache.file);
} catch {
  // No cache yet: this run makes it.
}
const script = new vm.Script(Module.wrap(source), {
  filename: bundle,
  cachedData,
  importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (cache && (!cachedData || script.cachedDataRejected)) {
  process.once('exit', () => {
    try {
      // Caches of earlier builds go; a mistyped command each makes one, so they are capped.
      const names = readdirSync(cache.folder);
      for (const name of names) {
        if (!name.startsWith(`${cache.version}-`))
          rmSync(join(cache.folder, name), { force: true });
      }
      if (names.filter((name) => name.startsWith(`${cache.version}-`)).length >= 40) return;
      const temporary = `${cache.file}.${process.pid}`;
      writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
      renameSync(temporary, cache.file);
    } catch {
      // A cache is an optimisation only.
    }
  });
}
const cliModule = { exports: {} };
script.runInThisContext()(
  cliModule.exports,
  Module.createRequire(bundle),
  cliModule,
  bundle,
  dirname(bundle),
);
