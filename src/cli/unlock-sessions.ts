import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KeydeskError } from '../shared/errors';
import type { UnlockSessions } from '../core/keychain/file-keychain';
import type { OpenedKey } from '../core/keychain/age-file';
import { ensurePrivateFolder, keydeskRuntimeDir, readOwnFile } from './private-folder';
import { io, homeFolder } from './cli-io';

/**
 * `keydesk unlock` sessions. KEYDESK_SESSION is `<id>.<secret>`: the id names a file in a folder
 * of the user's own (XDG_RUNTIME_DIR, memory only, else the cache folder), holding the vault
 * file's key sealed with a key derived from the secret. Neither the passphrase nor the file key
 * is ever on disk in clear; the file alone opens nothing, the variable alone names a file. The
 * file's time is its last use (the idle limit); its hard limit is sealed with it.
 */
interface SessionFile {
  keydesk: 'unlock session';
  version: 1;
  vault: string;
  header: string;
  expiresAt: number;
  idleMs: number;
  nonce: string;
  sealed: string;
}

const tokenShape = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{43})$/;

export function unlockSessionsFolder(
  env: NodeJS.ProcessEnv = io().env,
  platform: NodeJS.Platform = process.platform,
  home: string = homeFolder(),
): string {
  return join(keydeskRuntimeDir(env, platform, home, ''), 'sessions');
}

const sealingKey = (id: string, secret: Buffer) =>
  Buffer.from(hkdfSync('sha256', secret, id, 'keydesk unlock session', 32));

/** What the seal vouches for besides the key: a file moved to another vault or limit fails. */
const boundTo = (file: Omit<SessionFile, 'nonce' | 'sealed'>) =>
  Buffer.from(JSON.stringify([file.vault, file.header, file.expiresAt, file.idleMs]));

export interface UnlockSessionsOptions {
  /** KEYDESK_SESSION's value, if the command was given one. */
  token: string | undefined;
  folder?: string;
  /** Says why a given session was not used (ended, idle, another vault's). */
  tell: (notice: string) => void;
  now?: () => number;
}

export function createUnlockSessions(options: UnlockSessionsOptions): UnlockSessions {
  const folder = options.folder ?? unlockSessionsFolder();
  const now = options.now ?? Date.now;
  const again = 'run eval "$(keydesk unlock)" to start a new one';

  function privateFolder(): string {
    const checked = ensurePrivateFolder(folder);
    if (!checked.ok)
      throw new KeydeskError(
        'VALIDATION',
        `Cannot keep unlock sessions in ${folder}: ${checked.why}. Make it a folder only you can open (chmod 700), or set XDG_RUNTIME_DIR to one.`,
      );
    return folder;
  }

  function ended(file: string, why: string) {
    rmSync(file, { force: true });
    options.tell(`the unlock session in KEYDESK_SESSION ${why}; ${again}.`);
    return undefined;
  }

  return {
    async keyFor(vault) {
      const { token } = options;
      if (!token) return undefined;
      const match = tokenShape.exec(token.trim());
      if (!match) {
        options.tell(`KEYDESK_SESSION is not a session Keydesk made; ${again}.`);
        return undefined;
      }
      const [, id = '', secret = ''] = match;
      const path = join(folder, `${id}.json`);
      const read = readOwnFile(path);
      if (!read) {
        options.tell(
          `the unlock session in KEYDESK_SESSION has ended (keydesk lock, or a logout); ${again}.`,
        );
        return undefined;
      }
      if ('why' in read) return ended(path, `is in a file Keydesk cannot trust (${read.why})`);
      let session: SessionFile;
      try {
        session = JSON.parse(read.bytes.toString('utf8')) as SessionFile;
      } catch {
        return ended(path, 'is damaged');
      }
      if (
        typeof session?.vault !== 'string' ||
        typeof session.expiresAt !== 'number' ||
        typeof session.idleMs !== 'number' ||
        typeof session.sealed !== 'string'
      )
        return ended(path, 'is damaged');
      if (session.vault !== vault) {
        options.tell(
          `the unlock session in KEYDESK_SESSION is for the vault file ${session.vault}, not ${vault}.`,
        );
        return undefined;
      }
      const lastUse = statSync(path).mtimeMs;
      if (now() >= session.expiresAt) return ended(path, 'has reached its time limit');
      if (now() - lastUse >= session.idleMs) return ended(path, 'ended after a while unused');
      try {
        const decipher = createDecipheriv(
          'chacha20-poly1305',
          sealingKey(id, Buffer.from(secret, 'base64url')),
          Buffer.from(session.nonce, 'base64'),
          { authTagLength: 16 },
        );
        const sealed = Buffer.from(session.sealed, 'base64');
        decipher.setAAD(boundTo(session), { plaintextLength: sealed.length - 16 });
        decipher.setAuthTag(sealed.subarray(sealed.length - 16));
        const fileKey = Buffer.concat([
          decipher.update(sealed.subarray(0, sealed.length - 16)),
          decipher.final(),
        ]);
        const at = new Date(now());
        utimesSync(path, at, at);
        return { fileKey, header: Buffer.from(session.header, 'base64') } satisfies OpenedKey;
      } catch {
        options.tell(`KEYDESK_SESSION does not open its session (mistyped or changed); ${again}.`);
        return undefined;
      }
    },

    async start(vault, key, { forMs, idleMs }) {
      const dir = privateFolder();
      const id = randomBytes(12).toString('base64url');
      const secret = randomBytes(32);
      const nonce = randomBytes(12);
      const plain = {
        keydesk: 'unlock session' as const,
        version: 1 as const,
        vault,
        header: key.header.toString('base64'),
        expiresAt: now() + forMs,
        idleMs: Math.min(idleMs, forMs),
      };
      const cipher = createCipheriv('chacha20-poly1305', sealingKey(id, secret), nonce, {
        authTagLength: 16,
      });
      cipher.setAAD(boundTo(plain), { plaintextLength: key.fileKey.length });
      const sealed = Buffer.concat([
        cipher.update(key.fileKey),
        cipher.final(),
        cipher.getAuthTag(),
      ]);
      const file: SessionFile = {
        ...plain,
        nonce: nonce.toString('base64'),
        sealed: sealed.toString('base64'),
      };
      writeFileSync(join(dir, `${id}.json`), JSON.stringify(file), { mode: 0o600, flag: 'wx' });
      return {
        token: `${id}.${secret.toString('base64url')}`,
        expiresAt: new Date(plain.expiresAt),
      };
    },

    async endAll() {
      let files: string[];
      try {
        files = readdirSync(folder).filter((name) => name.endsWith('.json'));
      } catch {
        return 0;
      }
      for (const name of files) rmSync(join(folder, name), { force: true });
      return files.length;
    },
  };
}
