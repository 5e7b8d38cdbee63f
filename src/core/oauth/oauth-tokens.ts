import { randomUUID } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import { isLoopbackHost, isSecureOrLoopback, vonageApiHosts } from '../../shared/network-policy';
import type {
  AccessTokenSummary,
  ConsumerSummary,
  SignatureMethod,
} from '../../shared/oauth-schemas';
import { secretRefs } from '../keychain/keychain';
import { httpCall } from './http-call';
import type { OAuthContext } from './oauth-context';
import { signRequest, type Credentials } from './sign-request';

/** A request to sign with an account's stored access token. */
export interface SignInput {
  accountId: string;
  method: string;
  url: string;
  params?: [string, string][];
  signatureMethod?: SignatureMethod;
  tokenId?: string;
}

/** Access tokens: stored, forgotten, and used to sign (and send) a request. */
export function createOAuthTokens(context: OAuthContext) {
  const { repo, keychain, network, write, stamp, requireConsumer, endpointOf } = context;

  async function storeToken(
    consumer: ConsumerSummary,
    token: Credentials,
    label?: string,
  ): Promise<AccessTokenSummary> {
    const id = randomUUID();
    await write({
      secrets: [[secretRefs.accessToken(id), JSON.stringify(token)]],
      rows: () =>
        repo.insertToken({
          id,
          consumerId: consumer.id,
          label:
            label?.trim() || `${consumer.consumerKey} ${stamp().slice(0, 16).replace('T', ' ')}`,
          now: stamp(),
        }),
    });
    const stored = repo.token(id);
    if (!stored)
      throw new KeydeskError('INTERNAL', 'The token row vanished right after it was written.');
    return stored;
  }

  async function tokenCredentials(
    accountId: string,
    tokenId?: string,
  ): Promise<{ summary: AccessTokenSummary; token: Credentials }> {
    const summary = tokenId ? repo.token(tokenId) : repo.tokens(accountId)[0];
    if (!summary || summary.accountId !== accountId) {
      throw new KeydeskError(
        'NOT_FOUND',
        tokenId
          ? `No access token "${tokenId}" for this account.`
          : 'This account has no OAuth access token yet: log in with Vonage first.',
        tokenId ? 'tokenId' : 'accountId',
      );
    }
    const stored = await keychain.get(secretRefs.accessToken(summary.id));
    if (stored === null) {
      throw new KeydeskError(
        'NOT_FOUND',
        `The keychain no longer holds access token "${summary.label}"; forget it and log in again.`,
      );
    }
    return { summary, token: JSON.parse(stored) as Credentials };
  }

  async function sign(input: SignInput) {
    const { summary, token } = await tokenCredentials(input.accountId, input.tokenId);
    const consumer = requireConsumer(summary.consumerId);
    const endpoint = await endpointOf(consumer);
    const signatureMethod = input.signatureMethod ?? 'HMAC-SHA1';
    if (signatureMethod === 'PLAINTEXT' && new URL(input.url).protocol !== 'https:') {
      throw new KeydeskError(
        'VALIDATION',
        'PLAINTEXT puts the consumer and token secrets in the request as they are: Keydesk signs with it only for https URLs (RFC 5849 section 3.4.4). Use HMAC-SHA1 or HMAC-SHA256.',
        'signatureMethod',
      );
    }
    const signed = signRequest({
      method: input.method,
      url: input.url,
      params: input.params,
      consumer: endpoint.consumer,
      token,
      signatureMethod,
    });
    return {
      ...signed,
      tokenId: summary.id,
      tokenLabel: summary.label,
      signatureMethod,
      timeoutMs: endpoint.timeoutMs,
    };
  }

  return {
    tokens: (accountId?: string) => repo.tokens(accountId),
    storeToken,
    async forgetToken(id: string): Promise<AccessTokenSummary> {
      const token = repo.token(id);
      if (!token) throw new KeydeskError('NOT_FOUND', `No access token with id "${id}".`, 'id');
      await write({
        secrets: [[secretRefs.accessToken(token.id), null]],
        rows: () => repo.removeToken(token.id),
      });
      return token;
    },

    /** Signs a request with the account's (or the given) access token. */
    sign,

    /** Sends a signed test request and returns what came back (the body capped at 64 KiB). */
    async send(input: SignInput) {
      const { summary } = await tokenCredentials(input.accountId, input.tokenId);
      refuseSendTarget(new URL(input.url), requireConsumer(summary.consumerId));
      const signed = await sign(input);
      const params = new URLSearchParams(input.params ?? []);
      const isGet = input.method === 'GET' || input.method === 'DELETE' || input.method === 'HEAD';
      const url = new URL(input.url);
      if (isGet) for (const [k, v] of params) url.searchParams.append(k, v);
      const result = await httpCall(
        network,
        url.toString(),
        {
          method: input.method,
          headers: {
            Authorization: signed.authorization,
            ...(isGet ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
          },
          ...(isGet ? {} : { body: params.toString() }),
        },
        signed.timeoutMs,
        'test request',
      );
      return { signed, response: result };
    },
  };
}

/**
 * A signed request goes only where its credentials belong: the consumer's own provider, Vonage's
 * API, or this machine; over https except to this machine. Anything else could carry a token to a
 * stranger, or reach a service on the local network.
 */
function refuseSendTarget(url: URL, consumer: ConsumerSummary): void {
  if (!isSecureOrLoopback(url)) {
    throw new KeydeskError(
      'VALIDATION',
      'Keydesk sends signed requests over https only (plain http only to 127.0.0.1 or localhost).',
      'url',
    );
  }
  const provider = new URL(consumer.baseUrl).hostname;
  const host = url.hostname.toLowerCase();
  if (host !== provider && !vonageApiHosts.includes(host) && !isLoopbackHost(host)) {
    throw new KeydeskError(
      'VALIDATION',
      `Keydesk sends this account's signed requests only to its provider (${provider}) or Vonage's API hosts (${vonageApiHosts.join(', ')}), not to ${host}.`,
      'url',
    );
  }
}
