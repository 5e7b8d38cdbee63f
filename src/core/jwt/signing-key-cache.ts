import type { KeyObject } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import type { ApplicationSummary } from '../../shared/vault-schemas';
import { parsePrivateKey } from '../keys/parse-private-key';

interface Entry {
  fingerprint: string;
  key: Promise<KeyObject>;
}

/**
 * Parsed private keys held in main-process memory, so a mint neither reads the keychain nor parses
 * PEM again. An entry is used only while its fingerprint equals the application's stored one, which
 * also catches a key replaced by another process (the CLI beside the app); the vault drops entries
 * as soon as a key is replaced or its application removed.
 */
export function createSigningKeyCache(
  readPrivateKeyPem: (applicationId: string) => Promise<string>,
) {
  const entries = new Map<string, Entry>();

  async function load(app: ApplicationSummary, pem?: string): Promise<KeyObject> {
    const parsed = parsePrivateKey(pem ?? (await readPrivateKeyPem(app.id)));
    if (parsed.fingerprint !== app.fingerprint) {
      throw new KeydeskError(
        'KEY_MISMATCH',
        `The private key in the keychain for "${app.name}" (${parsed.fingerprint}) is not the one Keydesk recorded (${app.fingerprint}). ` +
          'Run "keydesk doctor", or replace the key.',
      );
    }
    return parsed.keyObject;
  }

  return {
    /** `pem`: the key already read from the keychain (a bulk read), instead of reading it. */
    keyFor(app: ApplicationSummary, pem?: string): Promise<KeyObject> {
      const cached = entries.get(app.id);
      if (cached && cached.fingerprint === app.fingerprint) return cached.key;
      // The promise is cached, so concurrent first mints share one keychain read.
      const key = load(app, pem);
      entries.set(app.id, { fingerprint: app.fingerprint, key });
      key.catch(() => {
        if (entries.get(app.id)?.key === key) entries.delete(app.id);
      });
      return key;
    },
    drop: (applicationId: string) => entries.delete(applicationId),
    /** Every parsed key goes (the vault file was locked). */
    clear: () => entries.clear(),
    get size() {
      return entries.size;
    },
  };
}

export type SigningKeyCache = ReturnType<typeof createSigningKeyCache>;
