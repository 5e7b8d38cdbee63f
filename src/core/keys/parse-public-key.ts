import { createPublicKey, type KeyObject } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';

/**
 * A public key someone gives to check a token with (the dashboard's, a customer's file): PEM
 * SPKI or PKCS#1, or a certificate. A private key or anything else is refused, saying what it is.
 */
export function parsePublicKey(text: string, field = 'publicKeyPem'): KeyObject {
  const refuse = (message: string) => new KeydeskError('KEY_MALFORMED', message, field);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw refuse(
      "That is a private key: give the application's public key (the dashboard shows it; keydesk apps public-key APP prints a stored one).",
    );
  }
  if (!/-----BEGIN (?:RSA )?PUBLIC KEY-----|-----BEGIN CERTIFICATE-----/.test(text)) {
    throw refuse(
      'That is not a PEM public key: it should start with "-----BEGIN PUBLIC KEY-----".',
    );
  }
  let key: KeyObject;
  try {
    key = createPublicKey(text);
  } catch (error) {
    throw refuse(`That public key cannot be read: ${(error as Error).message}.`);
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw refuse(
      `That is an ${String(key.asymmetricKeyType).toUpperCase()} key; Vonage signs application tokens with RS256, an RSA key.`,
    );
  }
  return key;
}
