import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir = join(import.meta.dirname, '..', 'fixtures');
export const fixture = (name: string) => readFileSync(join(fixturesDir, name), 'utf8');

/** Key material made fresh for each test run, in every form a customer might paste. */
export function makeRsaKeys(bits = 2048) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    pkcs8Encrypted: (passphrase: string) =>
      privateKey
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString(),
    pkcs1Encrypted: (passphrase: string) =>
      privateKey
        .export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString(),
    der: privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
    spki: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    pkcs1Public: publicKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
    privateKey,
  };
}

export type RsaKeys = ReturnType<typeof makeRsaKeys>;
