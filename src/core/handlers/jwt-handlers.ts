import { inspectToken } from '../jwt/inspect-token';
import { parseToken } from '../jwt/parse-token';
import { parsePublicKey } from '../keys/parse-public-key';
import type { Services } from '../services';
import { mintAudited } from '../jwt/mint-audited';
import type { HandlersFor } from './handler-types';

/** Minting and decoding. */
export function jwtHandlers(services: Services): HandlersFor<'jwt'> {
  const { vault } = services;
  return {
    'jwt:mint': (input) => mintAudited(services, input),
    'jwt:decode': ({ token, publicKeyPem }) => {
      const now = Math.floor(services.now().getTime() / 1000);
      const givenKey = publicKeyPem === undefined ? undefined : parsePublicKey(publicKeyPem);
      const parsed = parseToken(token);
      return givenKey
        ? inspectToken(parsed, [], services.publicKeyOf, now, givenKey)
        : inspectToken(parsed, vault.applications.list(), services.publicKeyOf, now);
    },
  };
}
