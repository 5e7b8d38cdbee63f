import type { AccountSummary, ApplicationSummary } from '../../shared/vault-schemas';
import { basic, type VonageHosts } from './credential-checks';
import { vonageRequest, type RequestOptions, type VonageAnswer } from './vonage-request';

/** A token of the application is used for this long (it lives five minutes). */
const tokenReuseMs = 60_000;

/** One request to Vonage's API host: a path (with its query) and a JSON body when it has one. */
export interface VonageCall {
  method: NonNullable<RequestOptions['method']>;
  path: string;
  json?: unknown;
}

/** What the client is built from: where Vonage is, how long to wait, and how to authenticate. */
export interface VonageClientDeps {
  hosts: () => VonageHosts;
  requestOptions: () => RequestOptions;
  /** The account's API secret (Basic auth for account-level APIs: applications, secrets). */
  secretOf: (account: AccountSummary) => Promise<string>;
  /**
   * A short token of the application itself, without `sub` or `acl`, as Vonage's SDKs send for
   * the Users API (Vonage calls it an admin JWT).
   */
  applicationToken: (application: ApplicationSummary) => Promise<string>;
}

/**
 * Requests to Vonage's API host as an account (Basic) or as an application (Bearer): the one
 * place that knows the host, the deadline and the credentials each API wants. Answers come back
 * as status and body; 429, timeouts and unreachable hosts are CheckFailures (vonage-request.ts).
 */
export function createVonageClient(deps: VonageClientDeps) {
  // One token serves a whole list of pages; a new key (its fingerprint) gets a new token.
  const tokens = new Map<string, { token: Promise<string>; until: number }>();
  const tokenOf = (application: ApplicationSummary) => {
    const key = `${application.id}:${application.fingerprint}`;
    const kept = tokens.get(key);
    if (kept && kept.until > Date.now()) return kept.token;
    const token = deps.applicationToken(application);
    tokens.set(key, { token, until: Date.now() + tokenReuseMs });
    token.catch(() => tokens.delete(key));
    return token;
  };
  const send = (call: VonageCall, authorization: string): Promise<VonageAnswer> =>
    vonageRequest(
      new URL(call.path, deps.hosts().api),
      { authorization },
      { ...deps.requestOptions(), method: call.method, json: call.json },
    );
  return {
    hosts: deps.hosts,
    async asAccount(account: AccountSummary, call: VonageCall): Promise<VonageAnswer> {
      return send(call, basic(account.apiKey, await deps.secretOf(account)));
    },
    /** With a key and secret other than the stored ones: a new secret being proved, a subaccount's. */
    withSecret(apiKey: string, secret: string, call: VonageCall): Promise<VonageAnswer> {
      return send(call, basic(apiKey, secret));
    },
    async asApplication(application: ApplicationSummary, call: VonageCall): Promise<VonageAnswer> {
      return send(call, `Bearer ${await tokenOf(application)}`);
    },
  };
}

export type VonageClient = ReturnType<typeof createVonageClient>;
