import { KeydeskError } from '../../shared/errors';
import type { SignatureMethod } from '../../shared/oauth-schemas';
import type { Network } from '../net/network';
import { httpCall, rejected } from './http-call';
import { parseTokenResponse } from './parse-token-response';
import { signRequest, type Credentials } from './sign-request';

export interface Endpoint {
  baseUrl: string;
  consumer: Credentials;
  timeoutMs: number;
  network: Network;
}

/** The legs of RFC 5849 section 2 against `baseUrl` (request_token, authorize, access_token). */
const signatureMethod: SignatureMethod = 'HMAC-SHA1';

async function tokenLeg(
  endpoint: Endpoint,
  path: string,
  what: string,
  token: Credentials | undefined,
  extraOAuth: Record<string, string>,
  required: string[],
) {
  const url = new URL(path, endpoint.baseUrl).toString();
  const { authorization } = signRequest({
    method: 'POST',
    url,
    consumer: endpoint.consumer,
    token,
    signatureMethod,
    extraOAuth,
  });
  const result = await httpCall(
    endpoint.network,
    url,
    {
      method: 'POST',
      headers: { Authorization: authorization, Accept: 'application/x-www-form-urlencoded' },
    },
    endpoint.timeoutMs,
    what,
  );
  if (result.status < 200 || result.status > 299) throw rejected(result, what);
  return parseTokenResponse(result, what, required);
}

export async function fetchRequestToken(
  endpoint: Endpoint,
  callback: string,
): Promise<Credentials> {
  const fields = await tokenLeg(
    endpoint,
    'request_token',
    'request token',
    undefined,
    { oauth_callback: callback },
    ['oauth_token', 'oauth_token_secret'],
  );
  if (fields.oauth_callback_confirmed !== 'true') {
    throw new KeydeskError(
      'OAUTH_BAD_RESPONSE',
      'The request token response does not confirm the callback (oauth_callback_confirmed is not "true"): the provider does not speak OAuth 1.0a.',
    );
  }
  return { key: fields.oauth_token ?? '', secret: fields.oauth_token_secret ?? '' };
}

export function authorizeUrl(baseUrl: string, requestToken: string): string {
  const url = new URL('authorize', baseUrl);
  url.searchParams.set('oauth_token', requestToken);
  return url.toString();
}

export async function fetchAccessToken(
  endpoint: Endpoint,
  requestToken: Credentials,
  verifier: string,
): Promise<Credentials> {
  const fields = await tokenLeg(
    endpoint,
    'access_token',
    'access token',
    requestToken,
    { oauth_verifier: verifier },
    ['oauth_token', 'oauth_token_secret'],
  );
  return { key: fields.oauth_token ?? '', secret: fields.oauth_token_secret ?? '' };
}
