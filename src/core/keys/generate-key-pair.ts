import { generateKeyPair as generateKeyPairCallback } from 'node:crypto';
import { promisify } from 'node:util';
import { parsePrivateKey, type ParsedPrivateKey } from './parse-private-key';

const generateKeyPairAsync = promisify(generateKeyPairCallback);

/** A new RSA-2048 key pair, made locally; the public half is what the user pastes into the dashboard. */
export async function generateKeyPair(): Promise<ParsedPrivateKey> {
  const { privateKey } = await generateKeyPairAsync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return parsePrivateKey(privateKey);
}
