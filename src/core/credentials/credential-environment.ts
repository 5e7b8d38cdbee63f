import { environmentVariables as env, type EnvironmentVariables } from '../../shared/environment';
import { KeydeskError, isKeydeskError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { AccountSummary, ApplicationSummary } from '../../shared/vault-schemas';
import type { Services } from '../services';

export type CredentialSubject =
  | { kind: 'account'; account: AccountSummary }
  | { kind: 'application'; account: AccountSummary; application: ApplicationSummary };

type MintOptions = Pick<ParsedInput<'jwt:mint'>, 'ttlSeconds' | 'sub' | 'acl'>;

/**
 * An application (by id or name) or else an account (by name or id), as typed on the command line.
 * With `accountRef` (a folder's `account =`, say), only that account and its applications count:
 * a default file that names another customer's application is refused, not obeyed.
 */
export function resolveSubject(
  services: Services,
  ref: string,
  accountRef?: string,
): CredentialSubject {
  const { vault } = services;
  const lookup = <T>(find: () => T): T | undefined => {
    try {
      return find();
    } catch (error) {
      if (isKeydeskError(error) && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  };
  const scope = accountRef === undefined ? undefined : vault.accounts.resolve(accountRef);
  const application = lookup(() => vault.applications.resolve(ref, scope?.id));
  const account = lookup(() => vault.accounts.resolve(ref));
  if (scope) {
    if (application) return { kind: 'application', application, account: scope };
    if (account?.id === scope.id) return { kind: 'account', account };
    const elsewhere = lookup(() => vault.applications.resolve(ref));
    throw new KeydeskError(
      'NOT_FOUND',
      elsewhere
        ? `"${ref}" is an application of account "${elsewhere.accountName}", not of "${scope.name}".`
        : `Account "${scope.name}" has no application named "${ref}", and "${ref}" is not that account.`,
      'ref',
    );
  }
  if (application && account) {
    throw new KeydeskError(
      'CONFLICT',
      `"${ref}" names both an application and an account: give the application's id (${application.id}), or the account's.`,
      'ref',
    );
  }
  if (application) {
    return { kind: 'application', application, account: vault.accounts.get(application.accountId) };
  }
  if (account) return { kind: 'account', account };
  throw new KeydeskError(
    'NOT_FOUND',
    `No application or account named "${ref}". "keydesk apps list" and "keydesk accounts list" show them.`,
    'ref',
  );
}

/**
 * The variables a customer's script reads, with the secrets from the keychain and, for an
 * application, a JWT minted now (recorded as a mint). `secrets: false` keeps only the identifiers.
 */
export async function credentialEnvironment(
  services: Services,
  subject: CredentialSubject,
  options: { secrets: boolean; only?: 'jwt'; mint: MintOptions; mintToken: MintToken },
): Promise<EnvironmentVariables> {
  const { vault } = services;
  const { account } = subject;
  if (options.only === 'jwt') {
    if (subject.kind !== 'application') {
      throw new KeydeskError(
        'VALIDATION',
        `--only jwt needs an application; "${account.name}" is an account.`,
        'only',
      );
    }
    return [[env.jwt, await options.mintToken(subject.application.id, options.mint)]];
  }
  const variables: EnvironmentVariables = [[env.apiKey, account.apiKey]];
  if (options.secrets) {
    variables.push([env.apiSecret, await vault.accounts.revealSecret(account.id, 'apiSecret')]);
    if (account.hasSignatureSecret) {
      variables.push([
        env.signatureSecret,
        await vault.accounts.revealSecret(account.id, 'signatureSecret'),
      ]);
    }
  }
  if (subject.kind === 'application') {
    const { application } = subject;
    variables.push([env.applicationId, application.id]);
    if (options.secrets) {
      variables.push([env.privateKey, await vault.applications.exportPrivateKey(application.id)]);
      variables.push([env.jwt, await options.mintToken(application.id, options.mint)]);
    }
  }
  return variables;
}

export type MintToken = (applicationId: string, options: MintOptions) => Promise<string>;
