import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseIni, safe } from 'ini';
import { parseDuration } from '../shared/durations';
import { CliError } from './cli-error';
import { note } from './output';

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

/** The nearest `.keydesk` in this folder or a parent, parsed; undefined when there is none. */
export function findDefaultsFile(from = process.cwd()): FolderDefaults | undefined {
  for (let folder = resolve(from); ; folder = dirname(folder)) {
    const path = join(folder, defaultsFileName);
    if (existsSync(path) && statSync(path).isFile()) return readDefaultsFile(path);
    if (dirname(folder) === folder) return undefined;
  }
}

function readDefaultsFile(path: string): FolderDefaults {
  const text = readFileSync(path, 'utf8');
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
export function folderDefaults(env: NodeJS.ProcessEnv = process.env): FolderDefaults | undefined {
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

/** Says which default a command used, when a person is watching (not in a pipe). */
export function sayDefaultUsed(what: string, name: string, source: string): void {
  if (process.stderr.isTTY) note(`keydesk: using ${what} "${name}" from ${source}`);
}

/** `keydesk use`: this folder's `.keydesk`, written so a person can read and edit it. */
export function writeDefaultsFile(folder: string, account: string, application?: string): string {
  const path = join(folder, defaultsFileName);
  const lines = [
    '; Keydesk defaults for this folder: keydesk jwt, exec and env use them when no name is given.',
    '; Optional: ttl = 15m, sub = alice, acl-preset = client-sdk',
    `account = ${safe(account)}`,
    ...(application ? [`application = ${safe(application)}`] : []),
    '',
  ];
  writeFileSync(path, lines.join('\n'));
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
