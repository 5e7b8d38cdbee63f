import { closeSync, constants, fstatSync, ftruncateSync, openSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni, safe } from 'ini';
import { parseDuration } from '../shared/durations';
import { CliError } from './cli-error';
import { note } from './output';
import { readOwnFile } from './private-folder';
import { isTrusted, recordTrust } from './trusted-defaults';
import { io, homeFolder } from './cli-io';

export const defaultsFileName = '.keydesk';

/** What a project folder says it works with; every key optional. */
export interface FolderDefaults {
  account?: string;
  application?: string;
  ttlSeconds?: number;
  sub?: string;
  aclPreset?: string;
  /** Where they came from, for messages: a file path or an environment variable. */
  source: string;
}

const knownKeys = new Set(['account', 'application', 'ttl', 'sub', 'acl-preset']);

/**
 * The nearest `.keydesk` in this folder or a parent, up to the home folder (a parent of home is
 * shared with others), parsed; undefined when there is none. A file someone else could have
 * written (another user's, or one group or others may write) is passed over with a warning: it
 * would choose whose credentials a script gets.
 */
export function findDefaultsFile(from = io().cwd, home = homeFolder()): FolderDefaults | undefined {
  const found = nearestDefaultsFile(from, home);
  if (!found) return undefined;
  if (!isTrusted(found.path, found.text)) {
    note(
      `keydesk: ignoring ${found.path}: Keydesk did not write it, or it changed since it was trusted. Read it, then run "keydesk trust" to use it.`,
    );
    return undefined;
  }
  return readDefaultsFile(found.path, found.text);
}

/** The nearest `.keydesk` this user owns and nobody else may write, with its text. */
export function nearestDefaultsFile(
  from = io().cwd,
  home = homeFolder(),
): { path: string; text: string } | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    const path = join(folder, defaultsFileName);
    const text = readOwnedFile(path);
    if (text !== undefined) return { path, text };
    if (folder === resolve(home) || dirname(folder) === folder) return undefined;
  }
}

/** The file's text when it is a file of this user's that nobody else may write; else undefined. */
function readOwnedFile(path: string): string | undefined {
  const own = readOwnFile(path, { closed: 'write', followLinks: true });
  if (own === undefined) return undefined;
  if ('why' in own) {
    const fix = own.why.startsWith('other') ? ` (chmod go-w ${path} if it is yours)` : '';
    note(`keydesk: ignoring ${path}: ${own.why}${fix}.`);
    return undefined;
  }
  return own.bytes.toString('utf8');
}

/** Checks the file parses before it is trusted: a broken file is told now, not at first use. */
export const parseDefaultsFile = (path: string, text: string) => readDefaultsFile(path, text);

function readDefaultsFile(path: string, text: string): FolderDefaults {
  const values = parseIni(text) as Record<string, unknown>;
  const fail = (why: string) => new CliError(`${path}: ${why}`, 2);
  for (const key of Object.keys(values)) {
    if (!knownKeys.has(key))
      throw fail(`"${key}" is not a setting here; use ${[...knownKeys].join(', ')}.`);
  }
  const stringValue = (key: string) => {
    const value = values[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.trim() === '')
      throw fail(`${key} should be a name, such as ${key} = Voice bot.`);
    return value.trim();
  };
  const ttlText = stringValue('ttl');
  const ttlSeconds = ttlText === undefined ? undefined : parseDuration(ttlText);
  if (ttlText !== undefined && ttlSeconds === undefined)
    throw fail(`ttl "${ttlText}" is not a duration; use 30s, 15m, 1h.`);
  const defaults: FolderDefaults = { source: path };
  const account = stringValue('account');
  const application = stringValue('application');
  const sub = stringValue('sub');
  const aclPreset = stringValue('acl-preset');
  if (account !== undefined) defaults.account = account;
  if (application !== undefined) defaults.application = application;
  if (ttlSeconds !== undefined) defaults.ttlSeconds = ttlSeconds;
  if (sub !== undefined) defaults.sub = sub;
  if (aclPreset !== undefined) defaults.aclPreset = aclPreset;
  return defaults;
}

/**
 * The defaults in force: KEYDESK_APP / KEYDESK_ACCOUNT from the environment over the folder's
 * `.keydesk` (the token options come from the file only).
 */
export function folderDefaults(env: NodeJS.ProcessEnv = io().env): FolderDefaults | undefined {
  const file = findDefaultsFile();
  const app = env.KEYDESK_APP?.trim();
  const account = env.KEYDESK_ACCOUNT?.trim();
  if (!app && !account) return file;
  return {
    ...file,
    ...(account ? { account } : {}),
    ...(app ? { application: app } : {}),
    source: app ? 'KEYDESK_APP' : 'KEYDESK_ACCOUNT',
  };
}

/**
 * Says which default a command used, on stderr always: a script's log then shows which customer's
 * credentials a folder's file chose.
 */
export function sayDefaultUsed(what: string, name: string, source: string): void {
  note(`keydesk: using ${what} "${name}" from ${source}`);
}

/**
 * `keydesk use`: this folder's `.keydesk`, written so a person can read and edit it. Never through
 * a symlink (O_NOFOLLOW): one planted in a shared folder would have Keydesk overwrite its target.
 */
export function writeDefaultsFile(folder: string, account: string, application?: string): string {
  const path = join(folder, defaultsFileName);
  const lines = [
    '; Keydesk defaults for this folder: keydesk jwt, exec and env use them when no name is given.',
    '; Optional: ttl = 15m, sub = alice, acl-preset = client-sdk',
    `account = ${safe(account)}`,
    ...(application ? [`application = ${safe(application)}`] : []),
    '',
  ];
  let fd: number;
  try {
    fd = openSync(
      path,
      constants.O_WRONLY | constants.O_CREAT | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ELOOP' || code === 'EMLINK'
        ? `${path} is a symbolic link; Keydesk does not write through one. Remove it and run keydesk use again.`
        : `Cannot write ${path}: ${(error as Error).message}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || (process.getuid && stat.uid !== process.getuid())) {
      throw new CliError(
        `${path} is not a file of yours; Keydesk leaves it alone. Remove it and run keydesk use again.`,
      );
    }
    ftruncateSync(fd);
    writeSync(fd, lines.join('\n'));
  } finally {
    closeSync(fd);
  }
  // Written by this user through Keydesk: trusted as written.
  recordTrust(path, lines.join('\n'));
  return path;
}

/**
 * The application (or, where an account will do, the account) a command works on: the name given,
 * else the environment's or the folder's default, said on a terminal. None at all is a usage error
 * that says how to set one.
 */
export function chooseSubject(
  given: string | undefined,
  accepts: 'application' | 'application or account',
): { ref: string; defaults: FolderDefaults | undefined; fromDefaults: boolean } {
  const defaults = folderDefaults();
  if (given !== undefined) return { ref: given, defaults, fromDefaults: false };
  const application = defaults?.application;
  const account = accepts === 'application or account' ? defaults?.account : undefined;
  const ref = application ?? account;
  if (!ref || !defaults) {
    throw new CliError(
      `Name the ${accepts}, or set a default: "keydesk use APP" writes ${defaultsFileName} in this folder, or set KEYDESK_APP.`,
      2,
    );
  }
  sayDefaultUsed(application ? 'application' : 'account', ref, defaults.source);
  return { ref, defaults, fromDefaults: true };
}

/**
 * The account a default scopes the lookup to, as jwt does: an application the default names must
 * belong to the default's account (a file saying `account = Acme` never hands out Globex's keys).
 */
export function defaultAccountScope(chosen: {
  defaults: FolderDefaults | undefined;
  fromDefaults: boolean;
}): { account?: string } {
  const account = chosen.fromDefaults ? chosen.defaults?.account : undefined;
  return account === undefined ? {} : { account };
}

/** A default that names nothing stored says where it came from, so it can be fixed there. */
export async function fromDefaultsSource<T>(
  chosen: { defaults: FolderDefaults | undefined; fromDefaults: boolean },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!chosen.fromDefaults || !(error instanceof CliError)) throw error;
    throw new CliError(`${chosen.defaults?.source}: ${error.message}`, error.exitCode, error.shape);
  }
}
