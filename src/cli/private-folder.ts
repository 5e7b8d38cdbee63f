import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  type Stats,
} from 'node:fs';
import { isAbsolute, join } from 'node:path';

/**
 * Folders the CLI keeps files in for itself (its code cache, `exec`'s key files). They are the
 * user's own, never a shared temporary folder: another user could plant a symlink there and
 * have Keydesk read code from, or delete files in, a folder of their choosing.
 */

/** The user's cache folder for Keydesk on each OS. */
export function userCacheDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homeDir: string,
): string {
  switch (platform) {
    case 'darwin':
      return join(homeDir, 'Library', 'Caches', 'Keydesk');
    case 'win32':
      return join(env.LOCALAPPDATA || join(homeDir, 'AppData', 'Local'), 'Keydesk', 'Cache');
    default: {
      // The XDG spec says a relative value is to be ignored.
      const xdg = env.XDG_CACHE_HOME?.trim();
      return join(xdg && isAbsolute(xdg) ? xdg : join(homeDir, '.cache'), 'keydesk');
    }
  }
}

/**
 * Where the CLI keeps what must not outlive the session: the user's runtime folder (XDG_RUNTIME_DIR:
 * memory only, the user's alone, emptied at logout) as `keydesk/`, else `inCache` in the user's
 * cache folder.
 */
export function keydeskRuntimeDir(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  homeDir: string,
  inCache: string,
): string {
  const runtime = env.XDG_RUNTIME_DIR?.trim();
  return runtime && isAbsolute(runtime)
    ? join(runtime, 'keydesk')
    : join(userCacheDir(env, platform, homeDir), inCache);
}

/**
 * Why a folder or file is not this user's to trust; undefined when it is. `closed` is what nobody
 * else may do to it: `write` (a settings file others may read), or `all` (a cache of code).
 */
export function untrustedBecause(
  stat: Pick<Stats, 'uid' | 'mode'> & {
    isSymbolicLink(): boolean;
    isDirectory(): boolean;
    isFile(): boolean;
  },
  kind: 'folder' | 'file',
  closed: 'write' | 'all' = 'all',
  uid = process.getuid?.(),
): string | undefined {
  if (stat.isSymbolicLink()) return 'it is a symbolic link';
  if (kind === 'folder' ? !stat.isDirectory() : !stat.isFile()) return `it is not a ${kind}`;
  if (uid !== undefined && stat.uid !== uid) return 'another user owns it';
  // Windows has no POSIX modes: its folders under LOCALAPPDATA are the user's by their ACL.
  if (process.platform === 'win32') return undefined;
  if ((stat.mode & (closed === 'all' ? 0o077 : 0o022)) !== 0) {
    return closed === 'all' ? 'other users may read or write it' : 'other users may write to it';
  }
  return undefined;
}

/**
 * Makes the folder (0700) if it is missing and says whether it may be used: a real folder, not a
 * link to one, owned by this user and closed to everyone else. `lstat`, so a symlink planted in
 * its place is refused rather than followed.
 */
export function ensurePrivateFolder(path: string): { ok: true } | { ok: false; why: string } {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
    const why = untrustedBecause(lstatSync(path), 'folder');
    return why ? { ok: false, why } : { ok: true };
  } catch (error) {
    return { ok: false, why: (error as Error).message };
  }
}

/**
 * A file's bytes when it is a regular file of this user's that nobody else may change (`closed`
 * as untrustedBecause takes it), checked on what was actually opened (fstat), so nothing can be
 * swapped in between. A symlink in its place is refused (O_NOFOLLOW) unless `followLinks`.
 * Undefined when there is no such file (or a folder by that name); `why` when it is not to be
 * trusted.
 */
export function readOwnFile(
  path: string,
  { closed = 'all', followLinks = false }: { closed?: 'write' | 'all'; followLinks?: boolean } = {},
): { bytes: Buffer } | { why: string } | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (followLinks ? 0 : (constants.O_NOFOLLOW ?? 0)));
  } catch {
    return undefined;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return undefined;
    const why = untrustedBecause(stat, 'file', closed);
    return why === undefined ? { bytes: readFileSync(fd) } : { why };
  } finally {
    closeSync(fd);
  }
}
