import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';
import type { SignatureMethod } from '../../shared/oauth-schemas';

export interface Credentials {
  key: string;
  secret: string;
}

export interface SignRequest {
  method: string;
  url: string;
  /** Request parameters (query or form body), signed with the OAuth ones. */
  params?: readonly (readonly [string, string])[];
  consumer: Credentials;
  token?: Credentials;
  signatureMethod: SignatureMethod;
  /** Protocol parameters beyond the usual (oauth_callback, oauth_verifier). */
  extraOAuth?: Record<string, string>;
  /** For tests against published examples; otherwise the library's fresh values. */
  nonce?: string;
  timestamp?: number;
}

export interface SignedRequest {
  authorization: string;
  baseString: string;
  oauthParams: Record<string, string>;
}

function oauthFor(consumer: Credentials, method: SignatureMethod): OAuth {
  return new OAuth({
    consumer,
    signature_method: method,
    hash_function(base, key) {
      if (method === 'PLAINTEXT') return key;
      return createHmac(method === 'HMAC-SHA1' ? 'sha1' : 'sha256', key)
        .update(base)
        .digest('base64');
    },
  });
}

/**
 * Signs a request with the oauth-1.0a library (RFC 5849): the Authorization header, and the
 * signature base string a support engineer compares with a customer's when their signature fails.
 */
export function signRequest(request: SignRequest): SignedRequest {
  const oauth = oauthFor(request.consumer, request.signatureMethod);
  if (request.nonce !== undefined) oauth.getNonce = () => request.nonce ?? '';
  if (request.timestamp !== undefined) oauth.getTimeStamp = () => request.timestamp ?? 0;
  // The query goes to the library as decoded parameters, beside the request's own: oauth-1.0a
  // neither decodes query names ("c%40" stayed double-encoded) nor keeps a name that appears in
  // both the query and the body (RFC 5849 3.4.1.1's example lost "a3=2 q"). Extra protocol
  // parameters are signed like request parameters, then sent in the header.
  const target = new URL(request.url);
  const pairs = [
    ...target.searchParams,
    ...(request.params ?? []),
    ...Object.entries(request.extraOAuth ?? {}),
  ];
  target.search = '';
  target.hash = '';
  const data: Record<string, string | string[]> = {};
  for (const [name, value] of pairs) {
    const existing = data[name];
    data[name] =
      existing === undefined
        ? value
        : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const libraryRequest = { url: target.toString(), method: request.method.toUpperCase(), data };
  const signed = oauth.authorize(libraryRequest, request.token);
  const { oauth_signature: signature, ...unsigned } = signed;
  const oauthParams: Record<string, string> = {
    ...(unsigned as unknown as Record<string, string>),
    ...request.extraOAuth,
    oauth_signature: signature,
  };
  return {
    authorization: oauth.toHeader(oauthParams as unknown as OAuth.Authorization).Authorization,
    baseString: oauth.getBaseString(libraryRequest, unsigned as unknown as OAuth.Data),
    oauthParams,
  };
}
