import { createCipheriv, createDecipheriv, hkdfSync, randomBytes, scrypt } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Identity, Recipient, Stanza } from 'age-encryption';

type AgeModule = typeof import('age-encryption');

/** Loaded on first use: only the file vault needs it, and the OS keychain's commands stay fast. */
let ageModule: AgeModule | undefined;
function loadAge(): AgeModule {
  ageModule ??= createRequire(import.meta.url)('age-encryption') as AgeModule;
  return ageModule;
}

/** age's default work factor (age -p, and age-encryption's Encrypter): about a second here. */
export const scryptWorkFactor = 18;
const scryptLabel = 'age-encryption.org/v1/scrypt';
const chunkSize = 64 * 1024;

/**
 * What opening an age file leaves in memory so that it can be read again and rewritten without
 * scrypt: the file key and the header it was opened with (stanza and MAC, as written).
 */
export interface OpenedKey {
  fileKey: Buffer;
  header: Buffer;
}

export class WrongPassphraseError extends Error {}
export class NotAnAgeFileError extends Error {}

/**
 * scrypt as age's scrypt stanza uses it, in Node's thread pool: the app's main stays responsive.
 * The passphrase's UTF-8 bytes as typed, as age takes them (age does not normalise, so neither
 * may Keydesk: `age -d` must open the file with the same keystrokes).
 */
function scryptKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = Buffer.concat([Buffer.from(scryptLabel), salt]);
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase,
      labelAndSalt,
      32,
      { N: 2 ** logN, r: 8, p: 1, maxmem: 2 ** logN * 1024 + 32 * 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

function chacha(key: Uint8Array, nonce: Uint8Array, data: Uint8Array): Buffer {
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  return Buffer.concat([cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}

function unchacha(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Buffer {
  const decipher = createDecipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

const zeroNonce = Buffer.alloc(12);

/** age's scrypt recipient, with Node's scrypt; `keep` receives the file key it wraps. */
function passphraseRecipient(passphrase: string, keep: (fileKey: Buffer) => void): Recipient {
  return {
    async wrapFileKey(fileKey) {
      keep(Buffer.from(fileKey));
      const salt = randomBytes(16);
      const key = await scryptKey(passphrase, salt, scryptWorkFactor);
      const { Stanza } = loadAge();
      const args = ['scrypt', salt.toString('base64').replace(/=+$/, ''), String(scryptWorkFactor)];
      return [new Stanza(args, chacha(key, zeroNonce, fileKey))];
    },
  };
}

/** age's scrypt identity, with the same checks as age's own (one stanza, 16-byte salt, logN ≤ 20). */
function passphraseIdentity(passphrase: string): Identity {
  return {
    async unwrapFileKey(stanzas: Stanza[]) {
      const stanza = stanzas.find((s) => s.args[0] === 'scrypt');
      if (!stanza) return null;
      const [, saltText = '', logNText = ''] = stanza.args;
      const salt = Buffer.from(saltText, 'base64');
      const logN = Number(logNText);
      if (stanzas.length !== 1 || stanza.args.length !== 3 || salt.length !== 16)
        throw new NotAnAgeFileError('its scrypt stanza is malformed');
      if (!/^[1-9]\d*$/.test(logNText) || logN > 20)
        throw new NotAnAgeFileError(`its scrypt work factor (${logNText}) is out of range`);
      if (stanza.body.length !== 32) throw new NotAnAgeFileError('its scrypt stanza is malformed');
      // Files written before Keydesk stopped normalising took the NFC form: tried second.
      const forms = [...new Set([passphrase, passphrase.normalize('NFC')])];
      for (const form of forms) {
        const key = await scryptKey(form, salt, logN);
        try {
          return unchacha(key, zeroNonce, stanza.body);
        } catch {
          // The next form, if any.
        }
      }
      throw new WrongPassphraseError('wrong passphrase');
    },
  };
}

/** The file key already in memory, for a file whose header is still the one it was opened with. */
function keptIdentity(kept: OpenedKey, bytes: Uint8Array): Identity {
  return {
    unwrapFileKey: () =>
      Buffer.from(bytes.subarray(0, kept.header.length)).equals(kept.header) ? kept.fileKey : null,
  };
}

/** The header's length: everything up to and including the "--- <mac>" line. */
function headerLength(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
  if (!text.startsWith('age-encryption.org/v1\n'))
    throw new NotAnAgeFileError('it does not start with an age header');
  const mac = text.indexOf('\n--- ');
  const end = mac < 0 ? -1 : text.indexOf('\n', mac + 1);
  if (end < 0) throw new NotAnAgeFileError('its header never ends');
  return end + 1;
}

/**
 * Opens an age file: with the key kept from an earlier opening when the header is unchanged (no
 * scrypt), else with the passphrase (asked only then). age-encryption checks the header's MAC and
 * every payload chunk. Answers the plaintext and the key to keep.
 */
export async function openAgeFile(
  bytes: Uint8Array,
  kept: OpenedKey | undefined,
  passphrase: () => Promise<string>,
): Promise<{ plaintext: Buffer; key: OpenedKey }> {
  const header = Buffer.from(bytes.subarray(0, headerLength(bytes)));
  // The header this key was proved on (its MAC checked then): the payload alone is left to open,
  // with node:crypto, so a read in an unlock session never loads age-encryption (~150 ms).
  if (kept?.header.equals(header)) return { plaintext: openPayload(kept, bytes), key: kept };
  const { Decrypter } = loadAge();
  const decrypter = new Decrypter();
  let fileKey: Buffer | undefined;
  if (kept) decrypter.addIdentity(keptIdentity(kept, bytes));
  const identity = kept?.header.equals(header) ? undefined : passphraseIdentity(await passphrase());
  if (identity)
    decrypter.addIdentity({
      async unwrapFileKey(stanzas: Stanza[]) {
        const key = await identity.unwrapFileKey(stanzas);
        if (key) fileKey = Buffer.from(key);
        return key;
      },
    });
  try {
    const plaintext = Buffer.from(await decrypter.decrypt(bytes));
    const key = fileKey ?? kept?.fileKey;
    if (!key) throw new NotAnAgeFileError('no file key was found for it');
    return { plaintext, key: { fileKey: key, header } };
  } catch (error) {
    if (error instanceof WrongPassphraseError || error instanceof NotAnAgeFileError) throw error;
    throw new NotAnAgeFileError((error as Error).message);
  }
}

/** A new age file for `passphrase` (scrypt once), and the key to rewrite it with. */
export async function createAgeFile(
  passphrase: string,
  plaintext: Uint8Array,
): Promise<{ bytes: Buffer; key: OpenedKey }> {
  const { Encrypter } = loadAge();
  const encrypter = new Encrypter();
  let fileKey: Buffer | undefined;
  encrypter.addRecipient(passphraseRecipient(passphrase, (key) => (fileKey = key)));
  const bytes = Buffer.from(await encrypter.encrypt(plaintext));
  if (!fileKey) throw new Error('age-encryption did not ask the recipient to wrap a file key');
  return { bytes, key: { fileKey, header: bytes.subarray(0, headerLength(bytes)) } };
}

/** sealAgeFile's reverse: every chunk authenticated, the last one flagged as last. */
function openPayload(key: OpenedKey, bytes: Uint8Array): Buffer {
  const payload = Buffer.from(bytes.subarray(key.header.length));
  if (payload.length < 16 + 16) throw new NotAnAgeFileError('its payload is cut short');
  const nonce = payload.subarray(0, 16);
  const payloadKey = Buffer.from(hkdfSync('sha256', key.fileKey, nonce, 'payload', 32));
  const sealedChunk = chunkSize + 16;
  const chunks: Buffer[] = [];
  for (let at = 16, index = 0; at < payload.length; at += sealedChunk, index += 1) {
    const sealed = payload.subarray(at, at + sealedChunk);
    const last = at + sealedChunk >= payload.length;
    if (sealed.length < 16 || (last && sealed.length === 16 && index > 0))
      throw new NotAnAgeFileError('its payload is cut short');
    const chunkNonce = Buffer.alloc(12);
    chunkNonce.writeUIntBE(index, 5, 6);
    if (last) chunkNonce[11] = 1;
    try {
      chunks.push(unchacha(payloadKey, chunkNonce, sealed));
    } catch {
      throw new NotAnAgeFileError('its payload does not authenticate (damaged, or cut short)');
    }
  }
  return Buffer.concat(chunks);
}

/**
 * The same file rewritten with new contents: its header and file key as they were, a fresh
 * 16-byte nonce and so a fresh payload key (age's STREAM: ChaCha20-Poly1305 over 64 KiB chunks,
 * an 11-byte counter and a last-chunk flag in the nonce). No scrypt, and still a file `age -d`
 * opens with the same passphrase.
 */
export function sealAgeFile(key: OpenedKey, plaintext: Uint8Array): Buffer {
  const nonce = randomBytes(16);
  const payloadKey = Buffer.from(hkdfSync('sha256', key.fileKey, nonce, 'payload', 32));
  const chunks: Buffer[] = [key.header, nonce];
  const count = Math.max(1, Math.ceil(plaintext.length / chunkSize));
  for (let index = 0; index < count; index += 1) {
    const chunkNonce = Buffer.alloc(12);
    chunkNonce.writeUIntBE(index, 5, 6);
    if (index === count - 1) chunkNonce[11] = 1;
    chunks.push(
      chacha(
        payloadKey,
        chunkNonce,
        plaintext.subarray(index * chunkSize, (index + 1) * chunkSize),
      ),
    );
  }
  return Buffer.concat(chunks);
}
