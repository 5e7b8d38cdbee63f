import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import { writeSecretsAndRows, type SecretWrite } from '../vault/secret-write';
import { isLoopbackHost, isSecureOrLoopback, vonageApiHosts } from '../../shared/network-policy';
import { defaultOAuthBaseUrl } from '../../shared/oauth-constants';
import type {
  AccessTokenSummary,
  ConsumerSummary,
  SignatureMethod,
} from '../../shared/oauth-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import type { Vault } from '../vault/vault';
import type { Authorizer } from './authorizer';
import type { Network } from '../net/network';
import { httpCall } from './http-call';
import { createOAuthRepo } from './oauth-repo';
import {
  authorizeUrl,
  fetchAccessToken,
  fetchRequestToken,
  type Endpoint,
} from './provider-client';
import { signRequest, type Credentials } from './sign-request';

export interface OAuthDeps {
  db: Database.Database;
  keychain: Keychain;
  vault: Vault;
  timeoutMs: () => number;
  network: Network;
  now: () => Date;
}

export interface SignInput {
  accountId: string;
  method: string;
  url: string;
  params?: [string, string][];
  signatureMethod?: SignatureMethod;
  tokenId?: string;
}

interface PendingLogin {
  consumerId: string;
  requestToken: Credentials;
  expiresAt: number;
}

const pendingLifetimeMs = 15 * 60_000;

/**
 * OAuth 1.0a consumers, logins and signing. Consumer secrets and access tokens are written to the
 * keychain before their rows and taken back out if the row fails, so a failed step never leaves a
 * half-stored token.
 */
export function createOAuthService({ db, keychain, vault, timeoutMs, network, now }: OAuthDeps) {
  const repo = createOAuthRepo(db);
  const write = <T>(change: SecretWrite<T>) => writeSecretsAndRows(keychain, db, change);
  const pending = new Map<string, PendingLogin>();
  const stamp = () => now().toISOString();

  function requireConsumer(id: string, field = 'consumerId'): ConsumerSummary {
    const consumer = repo.consumer(id);
    if (!consumer) throw new KeydeskError('NOT_FOUND', `No OAuth consumer with id "${id}".`, field);
    return consumer;
  }

  async function endpointOf(consumer: ConsumerSummary): Promise<Endpoint> {
    const secret = await keychain.get(secretRefs.consumerSecret(consumer.id));
    if (secret === null) {
      throw new KeydeskError(
        'NOT_FOUND',
        `The OS keychain has no secret for consumer ${consumer.consumerKey}; add the consumer again, or run "keydesk doctor".`,
      );
    }
    return {
      baseUrl: consumer.baseUrl,
      consumer: { key: consumer.consumerKey, secret },
      timeoutMs: timeoutMs(),
      network,
    };
  }

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
        `The OS keychain no longer holds access token "${summary.label}"; forget it and log in again.`,
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

  // Removing an account removes its consumers' and tokens' secrets in the same write.
  vault.secretsOfAccountFrom((accountId) => {
    const { consumers, tokens } = repo.secretsOfAccount(accountId);
    return [
      ...tokens.map((id) => secretRefs.accessToken(id)),
      ...consumers.map((id) => secretRefs.consumerSecret(id)),
    ];
  });

  return {
    consumers: (accountId?: string) => repo.consumers(accountId),
    tokens: (accountId?: string) => repo.tokens(accountId),
    consumer: requireConsumer,
    findConsumer: (id: string) => repo.consumer(id),

    async addConsumer(input: {
      accountId: string;
      consumerKey: string;
      consumerSecret: string;
      baseUrl?: string;
      callbackUrl?: string | null;
    }): Promise<ConsumerSummary> {
      vault.accounts.get(input.accountId);
      const clash = repo.consumerByKey(input.consumerKey);
      if (clash) {
        throw new KeydeskError(
          'CONFLICT',
          `Consumer key ${input.consumerKey} is already stored, for account "${clash.accountName}".`,
          'consumerKey',
        );
      }
      const id = randomUUID();
      await write({
        secrets: [[secretRefs.consumerSecret(id), input.consumerSecret]],
        rows: () =>
          repo.insertConsumer({
            id,
            accountId: input.accountId,
            consumerKey: input.consumerKey,
            baseUrl: input.baseUrl ?? defaultOAuthBaseUrl,
            callbackUrl: input.callbackUrl === undefined ? null : input.callbackUrl,
            now: stamp(),
          }),
      });
      return requireConsumer(id);
    },

    /** The consumer's secret, its tokens' secrets and the rows go together, or nothing does. */
    async removeConsumer(id: string): Promise<{ removedTokens: number }> {
      const consumer = requireConsumer(id, 'id');
      const tokenIds = repo.tokenIdsOfConsumer(consumer.id);
      await write({
        secrets: [
          ...tokenIds.map((tokenId) => [secretRefs.accessToken(tokenId), null] as const),
          [secretRefs.consumerSecret(consumer.id), null],
        ],
        rows: () => repo.removeConsumer(consumer.id),
      });
      return { removedTokens: tokenIds.length };
    },

    async forgetToken(id: string): Promise<AccessTokenSummary> {
      const token = repo.token(id);
      if (!token) throw new KeydeskError('NOT_FOUND', `No access token with id "${id}".`, 'id');
      await write({
        secrets: [[secretRefs.accessToken(token.id), null]],
        rows: () => repo.removeToken(token.id),
      });
      return token;
    },

    /** All three legs with an authorizer that catches the callback (the app's window, the CLI's port). */
    async login(
      consumerId: string,
      authorizer: Authorizer,
      label?: string,
    ): Promise<AccessTokenSummary> {
      const consumer = requireConsumer(consumerId);
      const configured = consumer.callbackUrl;
      if (configured === null) {
        throw new KeydeskError(
          'VALIDATION',
          `Consumer ${consumer.consumerKey} uses a PIN (oob): start the login and enter the PIN the provider shows.`,
          'consumerId',
        );
      }
      const endpoint = await endpointOf(consumer);
      const callbackUrl = authorizer.callbackUrl
        ? await authorizer.callbackUrl(configured)
        : configured;
      const requestToken = await fetchRequestToken(endpoint, callbackUrl);
      const verifier = await authorizer.authorize({
        authorizeUrl: authorizeUrl(consumer.baseUrl, requestToken.key),
        callbackUrl,
        requestToken: requestToken.key,
        timeoutMs: Math.max(endpoint.timeoutMs, 5 * 60_000),
      });
      return storeToken(consumer, await fetchAccessToken(endpoint, requestToken, verifier), label);
    },

    /** Out-of-band: the first leg, and the page where the user gets a PIN. */
    async startLogin(consumerId: string): Promise<{ pendingId: string; authorizeUrl: string }> {
      const consumer = requireConsumer(consumerId);
      const requestToken = await fetchRequestToken(await endpointOf(consumer), 'oob');
      const pendingId = randomUUID();
      for (const [id, login] of pending) if (login.expiresAt < now().getTime()) pending.delete(id);
      pending.set(pendingId, {
        consumerId,
        requestToken,
        expiresAt: now().getTime() + pendingLifetimeMs,
      });
      return { pendingId, authorizeUrl: authorizeUrl(consumer.baseUrl, requestToken.key) };
    },

    async finishLogin(pendingId: string, pin: string, label?: string): Promise<AccessTokenSummary> {
      const login = pending.get(pendingId);
      if (!login || login.expiresAt < now().getTime()) {
        pending.delete(pendingId);
        throw new KeydeskError(
          'NOT_FOUND',
          'This login has expired or was already finished; start it again.',
          'pendingId',
        );
      }
      pending.delete(pendingId);
      const consumer = requireConsumer(login.consumerId);
      const access = await fetchAccessToken(
        await endpointOf(consumer),
        login.requestToken,
        pin.trim(),
      );
      return storeToken(consumer, access, label);
    },

    /** Sends a signed test request and returns what came back (the body capped at 64 KiB). */
    sign,

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

export type OAuthService = ReturnType<typeof createOAuthService>;

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
