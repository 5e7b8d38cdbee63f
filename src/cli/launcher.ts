import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { ensurePrivateFolder, readOwnFile, userCacheDir } from './private-folder';

/**
 * Runs the bundled CLI (out/cli/commands/<command>.cjs, or out/cli/keydesk.cjs for the whole
 * CLI) with a V8 code cache made after a run rather than
 * after compiling: it then holds the functions the command actually ran (zod's, above all), which
 * Node's own compile cache leaves to be compiled again on every start. Measured with
 * `npm run bench -- cli` (closing notes of issues 14 and 20).
 *
 * V8 checks a cache only against the source's length, so each cache is named by the build's id
 * (out/cli/build-id, a SHA-256 over every bundle, written by the build: hashing here would cost
 * every start), so that the caches of one build are kept together and earlier builds' go.
 * The caches live in the user's own cache folder, checked with lstat; only files named as caches
 * are ever removed from it.
 */

/** One cache per build, Node version, architecture and command; `.<pid>` while being written. */
const cacheName = /^[0-9a-f]{64}-v\d+\.\d+\.\d+-[a-z0-9]+-[a-z][a-z-]{0,23}\.bin(\.\d+)?$/;
/** A mistyped command each makes a cache, so a build keeps at most this many. */
const maxCaches = 40;

interface CodeCache {
  folder: string;
  /** The start of this build's names: `<build id>-<node>-<arch>-`. */
  prefix: string;
  file: string;
}

function buildId(cliFolder: string): string | undefined {
  try {
    const id = readFileSync(join(cliFolder, 'build-id'), 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function codeCache(
  cliFolder: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
): CodeCache | undefined {
  if (env.KEYDESK_CODE_CACHE === 'off') return undefined;
  const hash = buildId(cliFolder);
  if (!hash) return undefined;
  const folder =
    env.KEYDESK_CODE_CACHE_DIR || join(userCacheDir(env, process.platform, homedir()), 'code');
  if (!ensurePrivateFolder(folder).ok) return undefined;
  // Commands come first (`keydesk jwt APP`), each with its own bundle; anything else (--help, a
  // mistyped command: the whole CLI) shares one cache.
  const first = argv[2] ?? '';
  const command = /^[a-z][a-z-]{0,23}$/.test(first) ? first : 'other';
  const prefix = `${hash}-${process.version}-${process.arch}-`;
  return { folder, prefix, file: join(folder, `${prefix}${command}.bin`) };
}

function readCache(file: string): Buffer | undefined {
  const own = readOwnFile(file);
  return own && 'bytes' in own ? own.bytes : undefined;
}

/** Earlier builds' caches go (and nothing else in the folder); then this run's is written. */
function writeCache(cache: CodeCache, script: vm.Script): void {
  const ours = readdirSync(cache.folder).filter((name) => cacheName.test(name));
  for (const name of ours) {
    if (!name.startsWith(cache.prefix)) rmSync(join(cache.folder, name), { force: true });
  }
  if (ours.filter((name) => name.startsWith(cache.prefix)).length >= maxCaches) return;
  const temporary = `${cache.file}.${process.pid}`;
  // 'wx': never through a file (or link) already there.
  writeFileSync(temporary, script.createCachedData(), { mode: 0o600, flag: 'wx' });
  renameSync(temporary, cache.file);
}

/** A command's own bundle (src/cli/command-groups.ts) when it has one, else the whole CLI's. */
export function bundleFor(
  cliFolder: string,
  argv: readonly string[],
  exists: (path: string) => boolean = existsSync,
): string {
  const command = argv[2] ?? '';
  if (/^[a-z][a-z-]{0,23}$/.test(command)) {
    const own = join(cliFolder, 'commands', `${command}.cjs`);
    if (exists(own)) return own;
  }
  return join(cliFolder, 'keydesk.cjs');
}

/** Runs the CLI built into `cliFolder` (out/cli) for this process's command line. */
export function launch(cliFolder: string, argv = process.argv, env = process.env): void {
  const bundle = bundleFor(cliFolder, argv);
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    console.error('keydesk: the CLI is not built yet; run "npm run build" in the Keydesk folder.');
    process.exit(1);
  }
  const cache = codeCache(cliFolder, argv, env);
  const cachedData = cache ? readCache(cache.file) : undefined;
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  if (cache && (!cachedData || script.cachedDataRejected)) {
    process.once('exit', () => {
      try {
        writeCache(cache, script);
      } catch {
        // A cache is an optimisation only.
      }
    });
  }
  const cliModule = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(
    cliModule.exports,
    Module.createRequire(bundle),
    cliModule,
    bundle,
    dirname(bundle),
  );
}
