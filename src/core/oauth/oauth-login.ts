import { randomUUID } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import type { AccessTokenSummary, ConsumerSummary } from '../../shared/oauth-schemas';
import type { Authorizer } from './authorizer';
import type { OAuthContext } from './oauth-context';
import { authorizeUrl, fetchAccessToken, fetchRequestToken } from './provider-client';
import type { Credentials } from './sign-request';

interface PendingLogin {
  consumerId: string;
  requestToken: Credentials;
  expiresAt: number;
}

const pendingLifetimeMs = 15 * 60_000;

/** The three legs of RFC 5849's login, with a callback caught by an authorizer or a PIN. */
export function createOAuthLogins(
  { now, requireConsumer, endpointOf }: OAuthContext,
  storeToken: (
    consumer: ConsumerSummary,
    token: Credentials,
    label?: string,
  ) => Promise<AccessTokenSummary>,
) {
  const pending = new Map<string, PendingLogin>();
  return {
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
  };
}
