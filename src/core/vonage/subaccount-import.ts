import { KeydeskError } from '../../shared/errors';
import type { ParsedInput } from '../../shared/contract';
import type { Subaccount } from '../../shared/secret-schemas';
import type { AccountSummary } from '../../shared/vault-schemas';
import type { Vault } from '../vault/vault-api';
import type { ConfirmChange } from './confirm-change';
import { makeApiSecret } from './make-secret';
import { addSecret, secretWorks, type AsBasic } from './secrets-api';
import { createSubaccount, listSubaccounts } from './subaccounts-api';
import type { VonageClient } from './vonage-client';

interface SubaccountDeps {
  vault: Vault;
  client: VonageClient;
}

const asPrimary =
  (deps: SubaccountDeps, primary: AccountSummary): AsBasic =>
  (call) =>
    deps.client.asAccount(primary, call);

/** Vonage's subaccounts of the primary, each with its stored account when there is one. */
export async function subaccountsOf(deps: SubaccountDeps, primary: AccountSummary) {
  const { subaccounts, totalBalance } = await listSubaccounts(
    asPrimary(deps, primary),
    primary.apiKey,
  );
  return {
    primary,
    totalBalance,
    subaccounts: subaccounts.map((sub) => {
      const stored = deps.vault.accounts.findByApiKey(sub.apiKey);
      return { ...sub, ...(stored ? { stored: { id: stored.id, name: stored.name } } : {}) };
    }),
  };
}

/** A name the vault does not use yet, or CONFLICT beside the name field. */
function assertNameFree(vault: Vault, name: string) {
  const taken = vault.accounts.findByName(name);
  if (taken) {
    throw new KeydeskError(
      'CONFLICT',
      `An account named "${taken.name}" already exists; give the subaccount another name (--name).`,
      'name',
    );
  }
}

/** Stores the subaccount with its secret and its primary; says what to do if the store fails. */
async function store(
  deps: SubaccountDeps,
  primary: AccountSummary,
  sub: Subaccount,
  name: string,
  secret: string,
  secretId: string | null,
): Promise<AccountSummary> {
  try {
    const account = await deps.vault.accounts.create({
      name,
      apiKey: sub.apiKey,
      apiSecret: secret,
    });
    if (secretId) deps.vault.accounts.setSecretId(account.id, secretId);
    return deps.vault.accounts.setPrimary(account.id, primary.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeydeskError(
      error instanceof KeydeskError ? error.code : 'INTERNAL',
      `Vonage has subaccount ${sub.apiKey}, but Keydesk could not store it: ${reason} Bring it in later with a new secret: keydesk subaccounts import "${primary.name}" ${sub.apiKey} --new-secret`,
    );
  }
}

export async function createStoredSubaccount(
  deps: SubaccountDeps,
  primary: AccountSummary,
  input: ParsedInput<'subaccounts:create'>,
) {
  assertNameFree(deps.vault, input.name);
  const created = await createSubaccount(asPrimary(deps, primary), primary.apiKey, {
    name: input.name,
    ownBalance: input.ownBalance === true,
  });
  const { secret, ...subaccount } = created;
  const account = await store(deps, primary, subaccount, input.name, secret, null);
  return {
    account,
    subaccount,
    message: `Created subaccount "${input.name}" (${subaccount.apiKey}) of "${primary.name}" with ${subaccount.sharesBalance ? "the primary's balance" : 'its own balance'}, and stored it with the secret Vonage returned (Vonage never shows it again).`,
  };
}

/**
 * A subaccount into the vault: with the secret the person has (checked with Vonage first), or a
 * new one made here and added through the primary's credentials (confirmed first).
 */
export async function importSubaccount(
  deps: SubaccountDeps,
  primary: AccountSummary,
  input: ParsedInput<'subaccounts:import'>,
  confirm: ConfirmChange,
) {
  const { subaccounts } = await listSubaccounts(asPrimary(deps, primary), primary.apiKey);
  const sub = subaccounts.find((s) => s.apiKey === input.apiKey);
  if (!sub) {
    throw new KeydeskError(
      'NOT_FOUND',
      `${input.apiKey} is not a subaccount of "${primary.name}" at Vonage (${subaccounts.length} subaccount(s): keydesk subaccounts list "${primary.name}").`,
      'apiKey',
    );
  }
  const existing = deps.vault.accounts.findByApiKey(sub.apiKey);
  if (existing) {
    const account = deps.vault.accounts.setPrimary(existing.id, primary.id);
    return {
      account,
      subaccount: sub,
      message: `${sub.apiKey} is already stored as "${existing.name}"; it is now shown under "${primary.name}". Its secret was not changed.`,
    };
  }
  const name = input.name ?? sub.name;
  assertNameFree(deps.vault, name);
  if (input.secret !== undefined) {
    const asSub: AsBasic = (call) => deps.client.withSecret(sub.apiKey, input.secret ?? '', call);
    if (!(await secretWorks(asSub, sub.apiKey))) {
      throw new KeydeskError(
        'VALIDATION',
        `Vonage refused that secret for subaccount ${sub.apiKey} (401); nothing was stored. Copy its current secret, or ask for a new one (--new-secret).`,
        'secret',
      );
    }
    const account = await store(deps, primary, sub, name, input.secret, null);
    return {
      account,
      subaccount: sub,
      message: `Stored subaccount "${name}" (${sub.apiKey}) of "${primary.name}"; Vonage accepted its secret.`,
    };
  }
  await confirm(
    {
      action: 'Add secret',
      message: `Add a new API secret to subaccount ${sub.apiKey} ("${sub.name}") of "${primary.name}"?`,
      detail:
        "Keydesk makes the secret here and adds it at Vonage with the primary account's credentials; the subaccount's other secret keeps working. A subaccount holds two secrets at most.",
    },
    'Nothing was added or stored.',
  );
  const secret = makeApiSecret();
  const added = await addSecret(asPrimary(deps, primary), sub.apiKey, secret);
  const account = await store(deps, primary, sub, name, secret, added.id);
  return {
    account,
    subaccount: sub,
    message: `Added a new API secret (${added.id}) to subaccount ${sub.apiKey} and stored it as "${name}" under "${primary.name}".`,
  };
}
