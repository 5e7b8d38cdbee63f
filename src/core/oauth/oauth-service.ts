import type { SignatureMethod } from '../../shared/oauth-schemas';
import type { AccessTokenSummary, ConsumerSummary } from '../../shared/oauth-schemas';
import { secretRefs } from '../keychain/keychain';
import type { Authorizer } from './authorizer';
import type { HttpResult } from './http-call';
import { createOAuthConsumers } from './oauth-consumers';
import { createOAuthContext, type OAuthDeps } from './oauth-context';
import { createOAuthLogins } from './oauth-login';
import { createOAuthTokens, type SignInput } from './oauth-tokens';
import type { SignedRequest } from './sign-request';

export type { OAuthDeps, SignInput };

/** A request signed with an access token, and what it was signed with. */
export type SignedWithToken = SignedRequest & {
  tokenId: string;
  tokenLabel: string;
  signatureMethod: SignatureMethod;
  timeoutMs: number;
};

/**
 * OAuth 1.0a consumers, logins and signing (oauth-consumers.ts, oauth-login.ts, oauth-tokens.ts).
 * Consumer secrets and access tokens are written to the keychain before their rows and taken back
 * out if the row fails, so a failed step never leaves a half-stored token.
 */
export interface OAuthService {
  consumers(accountId?: string): ConsumerSummary[];
  tokens(accountId?: string): AccessTokenSummary[];
  consumer(id: string, field?: string): ConsumerSummary;
  findConsumer(id: string): ConsumerSummary | undefined;
  addConsumer(input: {
    accountId: string;
    consumerKey: string;
    consumerSecret: string;
    baseUrl?: string;
    callbackUrl?: string | null;
  }): Promise<ConsumerSummary>;
  /** The consumer's secret, its tokens' secrets and the rows go together, or nothing does. */
  removeConsumer(id: string): Promise<{ removedTokens: number }>;
  forgetToken(id: string): Promise<AccessTokenSummary>;
  /** All three legs with an authorizer that catches the callback (the app's window, the CLI's port). */
  login(consumerId: string, authorizer: Authorizer, label?: string): Promise<AccessTokenSummary>;
  /** Out-of-band: the first leg, and the page where the user gets a PIN. */
  startLogin(consumerId: string): Promise<{ pendingId: string; authorizeUrl: string }>;
  finishLogin(pendingId: string, pin: string, label?: string): Promise<AccessTokenSummary>;
  sign(input: SignInput): Promise<SignedWithToken>;
  /** Sends a signed test request to the provider, Vonage's API or this machine only. */
  send(input: SignInput): Promise<{ signed: SignedWithToken; response: HttpResult }>;
}

export function createOAuthService(deps: OAuthDeps): OAuthService {
  const context = createOAuthContext(deps);
  const { repo, vault } = context;
  const { storeToken, ...tokens } = createOAuthTokens(context);
  // Removing an account removes its consumers' and tokens' secrets in the same write.
  vault.secretsOfAccountFrom((accountId) => {
    const { consumers, tokens: tokenIds } = repo.secretsOfAccount(accountId);
    return [
      ...tokenIds.map((id) => secretRefs.accessToken(id)),
      ...consumers.map((id) => secretRefs.consumerSecret(id)),
    ];
  });
  return {
    ...createOAuthConsumers(context),
    ...tokens,
    ...createOAuthLogins(context, storeToken),
  };
}
