import type { KeySource } from '../../shared/vault-schemas';
import { generateKeyPair } from '../keys/generate-key-pair';
import { parsePrivateKey, type ParsedPrivateKey } from '../keys/parse-private-key';
import { KeydeskError } from '../../shared/errors';

/** Parses a pasted/imported key or makes a new one; error fields point into the `key` input. */
export async function materialiseKey(source: KeySource): Promise<ParsedPrivateKey> {
  if (source.kind === 'generate') return generateKeyPair();
  try {
    return parsePrivateKey(source.pem, source.passphrase, 'key.pem');
  } catch (error) {
    if (error instanceof KeydeskError && error.field === 'passphrase') {
      throw new KeydeskError(error.code, error.message, 'key.passphrase');
    }
    throw error;
  }
}
