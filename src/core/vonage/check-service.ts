import type { CheckInput, CheckResult } from '../../shared/check-schemas';
import { isSecureOrLoopback } from '../../shared/network-policy';
import { KeydeskError } from '../../shared/errors';
import type { AccountSummary, ApplicationSummary } from '../../shared/vault-schemas';
import { resolveSubject, type CredentialSubject } from '../credentials/credential-environment';
import { secretRefs } from '../keychain/keychain';
import type { Services } from '../services';
import { checkAccount, checkApplication, type VonageHosts } from './credential-checks';
import { CheckFailure } from './vonage-request';

/** How many checks run at once when the caller does not say: kind to Vonage's rate limits. */
export const defaultConcurrency = 4;
/** From this many checks on, the secrets are read from the keychain in one request. */
const bulkReadFrom = 8;

/**
 * The hosts from the settings, unless KEYDESK_VONAGE_API_HOST / KEYDESK_VONAGE_REST_HOST say
 * otherwise for this process (staging, tests). The API secret goes to these hosts and no other.
 */
export function vonageHosts(
  services: Services,
  env: NodeJS.ProcessEnv = services.env,
): VonageHosts {
  const settings = services.settings.read();
  const host = (variable: string, fallback: string) => {
    const text = env[variable]?.trim() || fallback;
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new KeydeskError('VALIDATION', `${variable} is not a URL: "${text}".`);
    }
    if (!isSecureOrLoopback(url)) {
      throw new KeydeskError(
        'VALIDATION',
        `${variable} must be https (plain http only to 127.0.0.1 or localhost): "${text}".`,
      );
    }
    return url;
  };
  return {
    api: host('KEYDESK_VONAGE_API_HOST', settings.vonageApiHost),
    rest: host('KEYDESK_VONAGE_REST_HOST', settings.vonageRestHost),
  };
}

/** Each request's deadline, from the settings. */
export const requestOptions = (services: Services) => ({
  timeoutMs: services.settings.read().vonageTimeoutSeconds * 1000,
  network: services.network,
});

/** What Vonage is asked with for one account: its secret, the hosts and the deadline. */
export async function vonageAccess(services: Services, account: AccountSummary) {
  const secret = await services.vault.accounts.revealSecret(account.id, 'apiSecret');
  return { secret, hosts: vonageHosts(services), options: requestOptions(services) };
}

function targetsOf(services: Services, input: CheckInput): CredentialSubject[] {
  if ('refs' in input) return input.refs.map((ref) => resolveSubject(services, ref));
  const accounts = services.vault.accounts.list();
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return [
    ...accounts.map((account): CredentialSubject => ({ kind: 'account', account })),
    ...services.vault.applications.list().flatMap((application): CredentialSubject[] => {
      const account = byId.get(application.accountId);
      return account ? [{ kind: 'application', application, account }] : [];
    }),
  ];
}

/**
 * Asks Vonage about each account and application, a few at a time, and records each result in
 * the history (the code and message; never a secret or a token). A keychain that cannot give a
 * secret stops the run: that is not Vonage's answer.
 */
export async function runChecks(
  services: Services,
  input: CheckInput,
  onResult: (result: CheckResult, done: number, total: number) => void = () => undefined,
): Promise<CheckResult[]> {
  const hosts = vonageHosts(services);
  const options = requestOptions(services);
  const targets = targetsOf(services, input);
  // Many checks read their secrets in one request (one read each costs ~20 ms on the Secret
  // Service: npm run bench -- check). A keychain that refuses it is asked per secret below,
  // where its error reaches the user.
  const bulk =
    targets.length >= bulkReadFrom
      ? await services.keychain.readAll().catch(() => undefined)
      : undefined;
  const secrets = new Map<string, Promise<string>>();
  const secretOf = (account: AccountSummary) => {
    let secret = secrets.get(account.id);
    if (!secret) {
      const read = bulk?.get(secretRefs.apiSecret(account.id));
      secret =
        read === undefined
          ? services.vault.accounts.revealSecret(account.id, 'apiSecret')
          : Promise.resolve(read);
      secrets.set(account.id, secret);
    }
    return secret;
  };

  /** A fresh token for a Voice application's check, its key from the bulk read when there was one. */
  const tokenFor = (application: ApplicationSummary) => async () => {
    const pem = bulk?.get(secretRefs.privateKey(application.id));
    if (pem !== undefined) await services.signingKeys.keyFor(application, pem);
    return (await services.mint({ applicationId: application.id })).token;
  };

  async function check(target: CredentialSubject): Promise<CheckResult> {
    const { account } = target;
    const secret = await secretOf(account);
    const base =
      target.kind === 'account'
        ? { kind: 'account' as const, id: account.id, name: account.name, account: account.name }
        : {
            kind: 'application' as const,
            id: target.application.id,
            name: target.application.name,
            account: account.name,
          };
    let found;
    try {
      found =
        target.kind === 'account'
          ? await checkAccount(account, secret, hosts, options)
          : await checkApplication(
              target.application,
              account,
              secret,
              tokenFor(target.application),
              hosts,
              options,
            );
    } catch (error) {
      if (!(error instanceof CheckFailure)) throw error;
      found = { code: error.code, message: error.message, details: {} };
    }
    const result = {
      ...base,
      ...found,
      ok: found.code === 'OK',
      checkedAt: services.now().toISOString(),
    };
    services.audit.record({
      action: 'check',
      summary: `Checked ${result.kind} "${result.name}": ${result.code}`,
      accountId: account.id,
      accountName: account.name,
      ...(target.kind === 'application'
        ? { applicationId: target.application.id, applicationName: target.application.name }
        : {}),
      details: { what: result.message },
    });
    services.checkResults.save(result);
    const { dashboardName, capabilities } = result.details;
    if (target.kind === 'application' && Array.isArray(capabilities)) {
      // What the dashboard said is kept as a sync keeps it, shown beside Keydesk's name.
      services.vault.applications.setDashboard(target.application.id, {
        name: typeof dashboardName === 'string' ? dashboardName : '',
        capabilities: capabilities.map(String),
        at: result.checkedAt,
      });
    }
    return result;
  }

  const results: CheckResult[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  const workers = Array.from(
    { length: Math.min(input.concurrency ?? defaultConcurrency, targets.length) },
    async () => {
      while (next < targets.length) {
        const index = next++;
        const target = targets[index];
        if (!target) continue;
        results[index] = await check(target);
        onResult(results[index], ++done, targets.length);
      }
    },
  );
  try {
    await Promise.all(workers);
  } finally {
    bulk?.clear();
  }
  return results;
}
