import { KeydeskError } from '../../shared/errors';
import type {
  WebhookSignInput,
  WebhookSignOutput,
  WebhookVerdict,
  WebhookVerifyInput,
} from '../../shared/webhook-schemas';
import type { AccountSummary } from '../../shared/vault-schemas';
import type { Vault } from '../vault/vault';
import { parseRawRequest, queryOf } from './parse-raw-request';
import { parseParams } from './sig-params';
import { signParams, signWebhookToken, webhookCurl } from './sign-webhook';
import type { SigningAccount } from './signing-accounts';
import { verifySigParams } from './verify-sig-params';
import { verifySignedWebhook } from './verify-signed-webhook';

/**
 * Verifies what a customer received and signs what they send, with the signature secrets in the
 * keychain. A verification reads every stored signature secret: a webhook signed with another
 * account's secret is the commonest cause of "invalid signature", and only that finds it.
 */
export function createWebhookService(vault: Vault, now: () => Date) {
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  async function signingAccount(account: AccountSummary): Promise<SigningAccount> {
    return {
      id: account.id,
      name: account.name,
      apiKey: account.apiKey,
      method: account.signatureMethod,
      secret: account.hasSignatureSecret
        ? await vault.accounts.revealSecret(account.id, 'signatureSecret')
        : null,
    };
  }

  async function signingAccounts(): Promise<SigningAccount[]> {
    const all: SigningAccount[] = [];
    for (const account of vault.accounts.list()) all.push(await signingAccount(account));
    return all;
  }

  async function secretOf(
    accountRef: string,
  ): Promise<{ account: AccountSummary; secret: string }> {
    const account = vault.accounts.resolve(accountRef);
    if (!account.hasSignatureSecret) {
      throw new KeydeskError(
        'NOT_FOUND',
        `Account "${account.name}" has no signature secret. Add it (the dashboard shows it under Settings > API settings): "keydesk accounts edit ${JSON.stringify(account.name)} --signature-secret-stdin", or Edit account in the app.`,
        'account',
      );
    }
    return { account, secret: await vault.accounts.revealSecret(account.id, 'signatureSecret') };
  }

  return {
    async verify(input: WebhookVerifyInput): Promise<WebhookVerdict> {
      const named = input.account ? vault.accounts.resolve(input.account) : undefined;
      const accounts = await signingAccounts();
      const chosen = named && accounts.find((a) => a.id === named.id);
      if (input.scheme === 'sig') {
        return verifySigParams(parseParams(input.params), accounts, chosen, nowSeconds());
      }
      if ('token' in input) {
        return verifySignedWebhook(
          { token: input.token, body: input.body, query: [] },
          accounts,
          chosen,
          nowSeconds(),
        );
      }
      const request = parseRawRequest(input.request);
      const authorization = request.headers.get('authorization');
      if (!authorization || !/^bearer\s+\S/i.test(authorization)) {
        return {
          valid: false,
          scheme: 'jwt',
          account: chosen ? { id: chosen.id, name: chosen.name } : null,
          method: 'HS256',
          reasons: [
            {
              code: 'MALFORMED',
              message: authorization
                ? `The Authorization header is "${authorization.slice(0, 30)}…", not "Bearer <token>": signed webhooks carry a Bearer token. Is signing turned on for this application?`
                : 'The request has no Authorization header, so it carries no signature: turn on signed webhooks for the application in the dashboard, or paste the request with its headers.',
            },
          ],
          details: {},
        };
      }
      return verifySignedWebhook(
        { token: authorization, body: request.body, query: queryOf(request.target) },
        accounts,
        chosen,
        nowSeconds(),
      );
    },

    async sign(input: WebhookSignInput): Promise<WebhookSignOutput> {
      const { account, secret } = await secretOf(input.account);
      if (input.scheme === 'sig') {
        const method = input.method ?? account.signatureMethod;
        const signed = signParams(parseParams(input.params), secret, method, nowSeconds());
        return { scheme: 'sig', method, ...signed };
      }
      const applicationId = input.application
        ? vault.applications.resolve(input.application).id
        : undefined;
      const { token, claims } = signWebhookToken({
        secret,
        apiKey: account.apiKey,
        body: input.body,
        ...(applicationId ? { applicationId } : {}),
        nowSeconds: nowSeconds(),
      });
      return {
        scheme: 'jwt',
        token,
        authorization: `Authorization: Bearer ${token}`,
        curl: input.url ? webhookCurl(input.url, token, input.body) : null,
        claims,
      };
    },
  };
}

export type WebhookService = ReturnType<typeof createWebhookService>;
