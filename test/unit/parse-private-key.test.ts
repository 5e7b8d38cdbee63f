import { generateKeyPairSync, createPublicKey, createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePrivateKey } from '../../src/core/keys/parse-private-key';
import { generateKeyPair } from '../../src/core/keys/generate-key-pair';
import { KeydeskError } from '../../src/shared/errors';
import { fixture, makeRsaKeys, type RsaKeys } from '../helpers/keys';

function rejection(text: string, passphrase?: string): KeydeskError {
  try {
    parsePrivateKey(text, passphrase);
  } catch (error) {
    if (error instanceof KeydeskError) return error;
    throw error;
  }
  throw new Error('expected the key to be rejected');
}

let keys: RsaKeys;
let expectedFingerprint: string;
beforeAll(() => {
  keys = makeRsaKeys();
  const der = createPublicKey(keys.pkcs8).export({ type: 'spki', format: 'der' });
  expectedFingerprint = `SHA256:${createHash('sha256').update(der).digest('base64').replace(/=+$/, '')}`;
});

describe('parsePrivateKey accepts the ways keys are pasted', () => {
  it('reads PKCS#8 and reports bits, fingerprint and public key', () => {
    const key = parsePrivateKey(keys.pkcs8);
    expect(key).toMatchObject({ format: 'pkcs8', encrypted: false, bits: 2048 });
    expect(key.fingerprint).toBe(expectedFingerprint);
    expect(key.publicKeyPem).toBe(keys.spki);
  });

  it('reads PKCS#1 and stores it as PKCS#8', () => {
    const key = parsePrivateKey(keys.pkcs1);
    expect(key.format).toBe('pkcs1');
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(key.fingerprint).toBe(expectedFingerprint);
  });

  it('tolerates CRLF, indentation and chat text around the block', () => {
    const pasted =
      'Hi! here is the key from the dashboard:\r\n\r\n' +
      keys.pkcs8
        .split('\n')
        .map((line) => `    ${line}`)
        .join('\r\n') +
      '\r\nthanks, Sam';
    expect(parsePrivateKey(pasted).fingerprint).toBe(expectedFingerprint);
  });

  it('tolerates a key with literal \\n escapes, as found in JSON and .env files', () => {
    const escaped = JSON.stringify(keys.pkcs8).slice(1, -1);
    expect(escaped).toContain('\\n');
    expect(parsePrivateKey(escaped).fingerprint).toBe(expectedFingerprint);
  });

  it('tolerates a key flattened onto one line', () => {
    expect(parsePrivateKey(keys.pkcs8.replace(/\n/g, ' ')).fingerprint).toBe(expectedFingerprint);
  });

  it('accepts bare base64 DER with no BEGIN/END lines', () => {
    expect(parsePrivateKey(keys.der).fingerprint).toBe(expectedFingerprint);
  });

  it('opens encrypted PKCS#8 and legacy encrypted PKCS#1 with the passphrase', () => {
    expect(parsePrivateKey(keys.pkcs8Encrypted('open sesame'), 'open sesame')).toMatchObject({
      encrypted: true,
      fingerprint: expectedFingerprint,
    });
    expect(parsePrivateKey(keys.pkcs1Encrypted('open sesame'), 'open sesame')).toMatchObject({
      encrypted: true,
      format: 'pkcs1',
      fingerprint: expectedFingerprint,
    });
  });

  it('generates an RSA-2048 pair whose public key matches the private key', async () => {
    const pair = await generateKeyPair();
    expect(pair.bits).toBe(2048);
    expect(createPublicKey(pair.privateKeyPem).export({ type: 'spki', format: 'pem' })).toBe(
      pair.publicKeyPem,
    );
  });
});

describe('parsePrivateKey rejects each wrong thing with its own message', () => {
  it('a public key (SPKI and PKCS#1)', () => {
    for (const pem of [keys.spki, keys.pkcs1Public]) {
      const error = rejection(pem);
      expect(error.code).toBe('KEY_IS_PUBLIC');
      expect(error.message).toMatch(/public key.*private key/);
    }
  });

  it('a public key given as bare DER', () => {
    const der = keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(rejection(der).code).toBe('KEY_IS_PUBLIC');
  });

  it('a certificate and a certificate request', () => {
    expect(rejection(fixture('certificate.pem'))).toMatchObject({
      code: 'KEY_IS_CERTIFICATE',
      message: expect.stringMatching(/certificate, not a private key/),
    });
    expect(rejection(fixture('certificate-request.pem')).message).toMatch(/signing request/);
  });

  it('EC, Ed25519 and RSA-PSS keys, naming what they are', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const ecError = rejection(ec.export({ type: 'pkcs8', format: 'pem' }).toString());
    expect(ecError).toMatchObject({
      code: 'KEY_NOT_RSA',
      message: expect.stringMatching(/EC key \(prime256v1\).*RS256/),
    });
    expect(rejection(ec.export({ type: 'sec1', format: 'pem' }).toString()).message).toMatch(
      /EC key/,
    );

    const ed = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' });
    expect(rejection(ed.toString())).toMatchObject({
      code: 'KEY_NOT_RSA',
      message: expect.stringMatching(/Ed25519/),
    });

    const pss = generateKeyPairSync('rsa-pss', { modulusLength: 2048 }).privateKey;
    expect(rejection(pss.export({ type: 'pkcs8', format: 'pem' }).toString()).message).toMatch(
      /RSA-PSS/,
    );
  });

  it('an encrypted key without a passphrase, and with a wrong one', () => {
    expect(rejection(keys.pkcs8Encrypted('right'))).toMatchObject({
      code: 'KEY_ENCRYPTED',
      field: 'passphrase',
    });
    expect(rejection(keys.pkcs1Encrypted('right'))).toMatchObject({ code: 'KEY_ENCRYPTED' });
    expect(rejection(keys.pkcs8Encrypted('right'), 'wrong')).toMatchObject({
      code: 'KEY_PASSPHRASE_WRONG',
    });
  });

  it('an RSA key under 2048 bits', () => {
    const small = makeRsaKeys(1024);
    expect(rejection(small.pkcs8)).toMatchObject({
      code: 'KEY_TOO_SMALL',
      message: expect.stringMatching(/1024 bits.*at least 2048/),
    });
  });

  it('an OpenSSH-format key, with the conversion command', () => {
    const openssh =
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmU=\n-----END OPENSSH PRIVATE KEY-----\n';
    expect(rejection(openssh).message).toMatch(/ssh-keygen -p -m PKCS8/);
  });

  it('a damaged block and plain garbage', () => {
    const truncated = keys.pkcs8.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n');
    expect(rejection(truncated)).toMatchObject({
      code: 'KEY_MALFORMED',
      message: expect.stringMatching(/damaged or incomplete/),
    });
    const badChars = keys.pkcs8.replace(/\n([A-Za-z0-9+/]{10})/, '\n$1%%%');
    expect(rejection(badChars).message).toMatch(/not base64/);
    expect(rejection('hello world, this is not a key')).toMatchObject({
      code: 'KEY_MALFORMED',
      message: expect.stringMatching(/no "-----BEGIN PRIVATE KEY-----" block/),
    });
  });
});
