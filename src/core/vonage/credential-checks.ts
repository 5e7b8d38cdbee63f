import { createPublicKey } from 'node:crypto';
import type { CheckCode, CheckResult } from '../../shared/check-schemas';
import type { AccountSummary, ApplicationSummary } from '../../shared/vault-schemas';
import { readDashboardApplication, type DashboardApplication } from './dashboard-application';
import {
  CheckFailure,
  jsonObject,
  secretRefused,
  vonageRequest,
  type RequestOptions,
} from './vonage-request';

export interface VonageHosts {
  api: URL;
  rest: URL;
}

export type Outcome = Pick<CheckResult, 'code' | 'message' | 'details'>;

export const basic = (apiKey: string, secret: string) =>
  `Basic ${Buffer.from(`${apiKey}:${secret}`).toString('base64')}`;

const outcome = (code: CheckCode, message: string, details: Record<string, unknown> = {}) => ({
  code,
  message,
  details,
});

const refused = (account: AccountSummary) => outcome('AUTH_FAILED', secretRefused(account.apiKey));

/** The account's key and secret, asked through the balance: OK with the balance and auto-reload. */
export async function checkAccount(
  account: AccountSummary,
  secret: string,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<Outcome> {
  const url = new URL('/account/get-balance', hosts.rest);
  const answer = await vonageRequest(
    url,
    { authorization: basic(account.apiKey, secret) },
    options,
  );
  if (answer.status === 401) return refused(account);
  if (answer.status !== 200) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      `The balance request answered HTTP ${answer.status}, not 200.`,
    );
  }
  const balance = jsonObject(answer, 'the balance request');
  if (typeof balance.value !== 'number') {
    throw new CheckFailure('BAD_RESPONSE', 'The balance answer has no numeric "value".');
  }
  return outcome(
    'OK',
    `The key and secret work: balance ${balance.value.toFixed(2)}${balance.autoReload ? ', auto-reload on' : ''}.`,
    { balance: balance.value, autoReload: balance.autoReload === true },
  );
}

/** Two PEM public keys are the same key (whatever their line breaks or PEM type). */
export function sameKey(a: string, b: string): boolean {
  try {
    const der = (pem: string) => createPublicKey(pem).export({ type: 'spki', format: 'der' });
    return der(a).equals(der(b));
  } catch {
    return false;
  }
}

export const applicationUrl = (hosts: VonageHosts, applicationId: string) =>
  new URL(`/v2/applications/${encodeURIComponent(applicationId)}`, hosts.api);

/** The application object exactly as the dashboard answers it (what a PUT writes back). */
export async function fetchApplicationObject(
  account: AccountSummary,
  secret: string,
  applicationId: string,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<{ object: Record<string, unknown> } | { outcome: Outcome }> {
  const answer = await vonageRequest(
    applicationUrl(hosts, applicationId),
    { authorization: basic(account.apiKey, secret) },
    { ...options, method: 'GET' },
  );
  if (answer.status === 401) return { outcome: refused(account) };
  if (answer.status === 404) {
    return {
      outcome: outcome(
        'NOT_FOUND',
        `Account ${account.apiKey} has no application ${applicationId}: it was deleted in the dashboard, or belongs to another account (or a subaccount).`,
      ),
    };
  }
  if (answer.status !== 200) {
    throw new CheckFailure(
      'BAD_RESPONSE',
      `The application request answered HTTP ${answer.status}.`,
    );
  }
  return { object: jsonObject(answer, 'the application request') };
}

/** The application as the dashboard has it, through the account's key and secret. */
export async function fetchApplication(
  account: AccountSummary,
  secret: string,
  applicationId: string,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<DashboardApplication | Outcome> {
  const found = await fetchApplicationObject(account, secret, applicationId, hosts, options);
  return 'outcome' in found ? found.outcome : readDashboardApplication(found.object);
}

/**
 * The application exists in the account, its dashboard key is the public half of the stored
 * private key, and for Voice a fresh token is accepted.
 */
export async function checkApplication(
  application: ApplicationSummary,
  account: AccountSummary,
  secret: string,
  mintToken: () => Promise<string>,
  hosts: VonageHosts,
  options: RequestOptions,
): Promise<Outcome> {
  const found = await fetchApplication(account, secret, application.id, hosts, options);
  if ('code' in found) return found;
  const details = { dashboardName: found.name, capabilities: found.capabilities };
  if (!found.publicKey || !sameKey(found.publicKey, application.publicKeyPem)) {
    return outcome(
      'KEY_MISMATCH',
      `The dashboard's public key for "${found.name || application.name}" is not the public half of the stored private key: the key was regenerated in the dashboard, so tokens from Keydesk will be refused. Put the dashboard's new private key in Keydesk (Replace the key), or rotate the key with Vonage (Rotate with Vonage, or keydesk apps rotate-key) to make a pair that matches again.`,
      details,
    );
  }
  if (found.capabilities.includes('voice')) {
    const url = new URL('/v1/calls', hosts.api);
    url.searchParams.set('page_size', '1');
    const answer = await vonageRequest(
      url,
      { authorization: `Bearer ${await mintToken()}` },
      options,
    );
    if (answer.status === 401 || answer.status === 403) {
      return outcome(
        'TOKEN_REFUSED',
        `The key matches, but the Voice API refused a fresh token (${answer.status}). Check that the application's Voice capability is enabled and the account may use Voice.`,
        details,
      );
    }
    if (answer.status !== 200) {
      throw new CheckFailure(
        'BAD_RESPONSE',
        `The Voice API answered HTTP ${answer.status} to a token check.`,
      );
    }
    return outcome(
      'OK',
      `Exists in the dashboard as "${found.name}", the key matches, and the Voice API accepts its tokens.`,
      details,
    );
  }
  return outcome('OK', `Exists in the dashboard as "${found.name}" and the key matches.`, details);
}
