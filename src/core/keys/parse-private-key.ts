import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import { findPemBlocks, toPem, type PemBlock } from './find-pem-blocks';
import { fingerprintOf } from './fingerprint';

export const minimumKeyBits = 2048;

export interface ParsedPrivateKey {
  format: 'pkcs8' | 'pkcs1';
  encrypted: boolean;
  bits: number;
  fingerprint: string;
  publicKeyPem: string;
  /** Unencrypted PKCS#8: the one form stored in the keychain, whatever was imported. */
  privateKeyPem: string;
  keyObject: KeyObject;
}

const privateLabels = new Map<string, { format: 'pkcs8' | 'pkcs1'; encrypted: boolean }>([
  ['PRIVATE KEY', { format: 'pkcs8', encrypted: false }],
  ['ENCRYPTED PRIVATE KEY', { format: 'pkcs8', encrypted: true }],
  ['RSA PRIVATE KEY', { format: 'pkcs1', encrypted: false }],
]);

/**
 * Turns whatever was pasted or read from a file into an RSA private key Vonage can use for RS256,
 * or a KeydeskError that says exactly what the text is instead and what to do.
 */
export function parsePrivateKey(
  text: string,
  passphrase?: string,
  field = 'pem',
): ParsedPrivateKey {
  const blocks = findPemBlocks(text);
  const block = blocks.find((b) => privateLabels.has(b.label));
  const kind = block && privateLabels.get(block.label);
  if (!block || !kind) {
    if (blocks[0]) throw rejectNonPrivateBlock(blocks[0], field);
    return parseBareDer(text, field);
  }
  const encrypted = kind.encrypted || block.headers.some((h) => /ENCRYPTED/i.test(h));
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(block.base64)) {
    throw malformed(field, 'the text between BEGIN and END has characters that are not base64');
  }
  if (encrypted && !passphrase) {
    throw new KeydeskError(
      'KEY_ENCRYPTED',
      'This private key is encrypted with a passphrase. Enter the passphrase to import it ' +
        '(Keydesk stores it unencrypted in the OS keychain, which is itself encrypted).',
      'passphrase',
    );
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({
      key: toPem(block.label, block.base64, block.headers),
      format: 'pem',
      ...(encrypted ? { passphrase } : {}),
    });
  } catch (error) {
    if (encrypted) {
      throw new KeydeskError(
        'KEY_PASSPHRASE_WRONG',
        'The passphrase does not unlock this private key. Check it and try again.',
        'passphrase',
      );
    }
    throw malformed(field, (error as Error).message);
  }
  return describe(keyObject, kind.format, encrypted, field);
}

function describe(
  keyObject: KeyObject,
  format: 'pkcs8' | 'pkcs1',
  encrypted: boolean,
  field: string,
): ParsedPrivateKey {
  const type = keyObject.asymmetricKeyType;
  if (type !== 'rsa') throw notRsa(type, keyObject, field);
  const bits = keyObject.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minimumKeyBits) {
    throw new KeydeskError(
      'KEY_TOO_SMALL',
      `This RSA key is ${bits} bits; Keydesk needs at least ${minimumKeyBits} bits for RS256. ` +
        'Generate a new key pair (in Keydesk or the dashboard) and upload its public key.',
      field,
    );
  }
  const publicKey = createPublicKey(keyObject);
  return {
    format,
    encrypted,
    bits,
    fingerprint: fingerprintOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: keyObject.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyObject,
  };
}

function rejectNonPrivateBlock(block: PemBlock, field: string): KeydeskError {
  const label = block.label;
  if (label.includes('PUBLIC KEY')) {
    return new KeydeskError(
      'KEY_IS_PUBLIC',
      'This is a public key. Keydesk needs the private key (the "private.key" file the dashboard downloaded, ' +
        'starting with -----BEGIN PRIVATE KEY-----) to sign JWTs.',
      field,
    );
  }
  if (label.includes('CERTIFICATE')) {
    return new KeydeskError(
      'KEY_IS_CERTIFICATE',
      `This is a ${label === 'CERTIFICATE REQUEST' ? 'certificate signing request' : 'certificate'}, not a private key. ` +
        'Paste the private key (-----BEGIN PRIVATE KEY-----) of the application instead.',
      field,
    );
  }
  if (label === 'EC PRIVATE KEY' || label === 'DSA PRIVATE KEY') {
    return new KeydeskError(
      'KEY_NOT_RSA',
      `This is an ${label.split(' ')[0]} key. Vonage signs JWTs with RS256, which needs an RSA key: ` +
        'generate an RSA key pair instead.',
      field,
    );
  }
  if (label === 'OPENSSH PRIVATE KEY') {
    return new KeydeskError(
      'KEY_MALFORMED',
      'This key is in OpenSSH format, which Vonage does not use. Use the application\'s "private.key" from the ' +
        'dashboard, or convert an RSA key with: ssh-keygen -p -m PKCS8 -f FILE',
      field,
    );
  }
  return malformed(field, `a "${label}" block is not a private key`);
}

function notRsa(type: string | undefined, keyObject: KeyObject, field: string): KeydeskError {
  const names: Record<string, string> = {
    ec: `an EC key${keyObject.asymmetricKeyDetails?.namedCurve ? ` (${keyObject.asymmetricKeyDetails.namedCurve})` : ''}`,
    ed25519: 'an Ed25519 key',
    ed448: 'an Ed448 key',
    'rsa-pss': 'an RSA-PSS key (restricted to PSS signatures)',
    dsa: 'a DSA key',
  };
  return new KeydeskError(
    'KEY_NOT_RSA',
    `This is ${names[type ?? ''] ?? `a ${type ?? 'non-RSA'} key`}. Vonage signs JWTs with RS256, which needs a plain RSA key: ` +
      'generate an RSA key pair instead.',
    field,
  );
}

function malformed(field: string, detail: string): KeydeskError {
  return new KeydeskError(
    'KEY_MALFORMED',
    `This private key is damaged or incomplete (${detail}). Copy the whole file again, from -----BEGIN to -----END.`,
    field,
  );
}

/** A key pasted as bare base64 DER (no BEGIN/END lines) still imports; anything else is garbage. */
function parseBareDer(text: string, field: string): ParsedPrivateKey {
  const base64 = text.replace(/\s+/g, '');
  if (base64.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    const der = Buffer.from(base64, 'base64');
    for (const type of ['pkcs8', 'pkcs1'] as const) {
      try {
        return describe(createPrivateKey({ key: der, format: 'der', type }), type, false, field);
      } catch (error) {
        if (error instanceof KeydeskError) throw error;
      }
    }
    if (parsesAsPublicKey(der)) {
      throw rejectNonPrivateBlock({ label: 'PUBLIC KEY', headers: [], base64 }, field);
    }
  }
  throw new KeydeskError(
    'KEY_MALFORMED',
    'This is not a private key: no "-----BEGIN PRIVATE KEY-----" block was found. ' +
      "Paste the contents of the application's private.key file.",
    field,
  );
}

function parsesAsPublicKey(der: Buffer): boolean {
  try {
    createPublicKey({ key: der, format: 'der', type: 'spki' });
    return true;
  } catch {
    return false;
  }
}
