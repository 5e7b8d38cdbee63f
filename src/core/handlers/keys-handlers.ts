import { parsePrivateKey } from '../keys/parse-private-key';
import type { Services } from '../services';
import type { HandlersFor } from './handler-types';

/** What a private key is (format, size, fingerprint), before anything is stored. */
export function keysHandlers(_services: Services): HandlersFor<'keys'> {
  return {
    'keys:inspect': ({ pem, passphrase }) => {
      const { format, encrypted, bits, fingerprint, publicKeyPem } = parsePrivateKey(
        pem,
        passphrase,
      );
      return { format, encrypted, bits, fingerprint, publicKeyPem };
    },
  };
}
