import { createHash, randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveDataDir } from '../core/data-dir';
import { CliError } from './cli-error';
import { ensurePrivateFolder, readOwnFile } from './private-folder';
import { io, homeFolder } from './cli-io';

/**
 * Trust on first use for `.keydesk` files, as direnv's `allow` and mise's `trust`: a file chooses
 * whose credentials a command gets, so only one this user wrote with `keydesk use` or read and
 * accepted with `keydesk trust` is followed. Trust is by path and content: a changed file (a `git
 * pull` that rewrote it) is untrusted again. Kept in the data folder, readable by the user alone.
 */
const storeName = 'trusted-defaults.json';

type Store = Record<string, string>;

const storePath = (env: NodeJS.ProcessEnv) =>
  join(resolveDataDir(env, process.platform, homeFolder()), storeName);

export const contentHash = (text: string) => createHash('sha256').update(text).digest('hex');

function readStore(path: string): Store {
  const read = readOwnFile(path);
  if (!read || 'why' in read) return {};
  try {
    const parsed = JSON.parse(read.bytes.toString('utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Store) : {};
  } catch {
    return {};
  }
}

/** Whether `path` with exactly `text` was trusted by this user. */
export function isTrusted(path: string, text: string, env = io().env): boolean {
  return readStore(storePath(env))[path] === contentHash(text);
}

/** Records (or, with `text` undefined, forgets) the trust in `path` as it reads now. */
export function recordTrust(path: string, text: string | undefined, env = io().env): void {
  const store = storePath(env);
  const folder = join(store, '..');
  const checked = ensurePrivateFolder(folder);
  if (!checked.ok) throw new CliError(`Cannot record trust in ${folder}: ${checked.why}.`);
  const entries = readStore(store);
  if (text === undefined) Reflect.deleteProperty(entries, path);
  else entries[path] = contentHash(text);
  const temporary = `${store}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(entries, null, 2), { mode: 0o600, flag: 'wx' });
    renameSync(temporary, store);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`Cannot record trust in ${store}: ${(error as Error).message}`);
  }
}
