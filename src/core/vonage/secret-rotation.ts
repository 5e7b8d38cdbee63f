import { KeydeskError } from '../../shared/errors';
import type { rotationSchema, VonageSecret } from '../../shared/secret-schemas';
import type * as z from 'zod';
import type { AccountSummary } from '../../shared/vault-schemas';
import type { Vault } from '../vault/vault-api';
import type { ConfirmChange } from './confirm-change';
import { makeApiSecret } from './make-secret';
import { addSecret, listSecrets, revokeSecret, secretWorks, type AsBasic } from './secrets-api';
import type { VonageClient } from './vonage-client';
import { CheckFailure } from './vonage-request';

export interface SecretDeps {
  vault: Vault;
  client: VonageClient;
}

const dated = (secret: VonageSecret) => `${secret.id} (made ${secret.createdAt})`;

/** Requests as the account with a given secret (the stored one, or a new one being proved). */
const asKey =
  (client: VonageClient, apiKey: string, secret: string): AsBasic =>
  (call) =>
    client.withSecret(apiKey, secret, call);

/** What Vonage holds for the account, asked with the stored secret; `held` where Keydesk knows. */
export async function secretsOf(deps: SecretDeps, account: AccountSummary) {
  const stored = await deps.vault.accounts.revealSecret(account.id, 'apiSecret');
  const secrets = await listSecrets(asKey(deps.client, account.apiKey, stored), account.apiKey);
  // One secret alone is the stored one: the list was asked with it.
  const heldId = account.secretId ?? (secrets.length === 1 ? secrets[0]?.id : undefined);
  return {
    stored,
    secrets,
    heldId,
    listed: secrets.map((s) => ({ ...s, held: s.id === heldId })),
  };
}

/**
 * Asks Vonage which secret works and settles a rotation that stopped half-way: the new secret is
 * adopted when it authenticates, else dropped. Either way the stored secret is one that works.
 */
export async function finishPendingSecret(
  deps: SecretDeps,
  account: AccountSummary,
): Promise<string> {
  const pending = await deps.vault.accounts.pendingSecret(account.id);
  if (pending === null) {
    await deps.vault.accounts.dropPendingSecret(account.id);
    return `The new API secret of "${account.name}" never reached the keychain; the stored one stays.`;
  }
  const asPending = asKey(deps.client, account.apiKey, pending);
  if (!(await secretWorks(asPending, account.apiKey))) {
    await deps.vault.accounts.dropPendingSecret(account.id);
    return `Vonage never took the new API secret of "${account.name}": it was discarded and the stored one stays in use.`;
  }
  const secrets = await listSecrets(asPending, account.apiKey);
  const others = secrets.filter((s) => s.id !== account.secretId);
  const newId = account.secretId && others.length === 1 ? (others[0]?.id ?? null) : null;
  await deps.vault.accounts.adoptSecret(account.id, newId);
  return `Vonage has the new API secret of "${account.name}": Keydesk now uses it. The previous one may still work; "keydesk accounts secrets" lists both.`;
}

/**
 * aws-vault's rotation for a Vonage API secret: a strong secret made here, kept beside the stored
 * one, added at Vonage, proved with Vonage, stored, and only then the old one revoked (unless
 * keepOld). Stopped at any point, the stored secret is one that works (doctor settles the rest).
 */
export async function rotateSecret(
  deps: SecretDeps,
  account: AccountSummary,
  options: { keepOld?: boolean | undefined; confirm: ConfirmChange },
): Promise<z.infer<typeof rotationSchema>> {
  const { vault, client } = deps;
  const { stored, secrets, heldId } = await secretsOf(deps, account);
  if (secrets.length >= 2) {
    const held = heldId ? ` Keydesk holds ${heldId}.` : '';
    const other = secrets.find((s) => s.id !== heldId) ?? secrets[0];
    throw new KeydeskError(
      'CONFLICT',
      `"${account.name}" already has two API secrets at Vonage, its most: ${secrets.map(dated).join(' and ')}.${held} Nothing was changed. Revoke the one no program uses first: keydesk accounts revoke-secret "${account.name}" ${other?.id ?? 'ID'}`,
      'account',
    );
  }
  const old = secrets[0];
  await options.confirm(
    {
      action: 'Rotate secret',
      message: `Rotate the API secret of "${account.name}" (${account.apiKey})?`,
      detail: options.keepOld
        ? 'A new secret is made here, added at Vonage, proved and stored. The current one keeps working until you revoke it.'
        : 'A new secret is made here, added at Vonage, proved and stored; then the current one is revoked: programs still using it stop working.',
    },
    'The API secret was not rotated.',
  );
  const secret = makeApiSecret();
  await vault.accounts.beginSecretRotation(account.id, secret);
  let added: VonageSecret;
  try {
    added = await addSecret(asKey(client, account.apiKey, stored), account.apiKey, secret);
  } catch (error) {
    if (error instanceof KeydeskError) {
      // Vonage answered and refused: nothing changed there.
      await vault.accounts.dropPendingSecret(account.id);
      throw error;
    }
    throw await undecided(deps, account, error);
  }
  let works: boolean;
  try {
    works = await secretWorks(asKey(client, account.apiKey, secret), account.apiKey);
  } catch (error) {
    throw await undecided(deps, account, error);
  }
  if (!works) {
    await vault.accounts.dropPendingSecret(account.id);
    throw new KeydeskError(
      'VONAGE_FAILED',
      `Vonage added the new secret (${added.id}) but refused it when asked with it; the stored secret stays in use. Revoke ${added.id} with: keydesk accounts revoke-secret "${account.name}" ${added.id}`,
    );
  }
  const updated = await vault.accounts.adoptSecret(account.id, added.id);
  const result = { account: updated, newSecret: added, oldStillWorks: false, revokeFailed: false };
  if (!old || options.keepOld) {
    return {
      ...result,
      oldStillWorks: Boolean(old),
      message: `Rotated the API secret of "${account.name}": Vonage has the new one (${added.id}) and Keydesk uses it.${old ? ` The previous one (${old.id}) still works until you revoke it: keydesk accounts revoke-secret "${account.name}" ${old.id}` : ''}`,
    };
  }
  try {
    await revokeSecret(asKey(client, account.apiKey, secret), account.apiKey, old.id);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...result,
      oldStillWorks: true,
      revokeFailed: true,
      message: `The new API secret of "${account.name}" (${added.id}) is stored and in use, but revoking the previous one failed: it still works. ${reason} Revoke it later with: keydesk accounts revoke-secret "${account.name}" ${old.id}`,
    };
  }
  return {
    ...result,
    revoked: old,
    message: `Rotated the API secret of "${account.name}": Vonage has the new one (${added.id}), Keydesk uses it, and the previous one (${old.id}) is revoked. Programs still using it must get the new one (keydesk env or exec).`,
  };
}

/** Vonage may or may not have the new secret: asked again now, or left for doctor. */
async function undecided(deps: SecretDeps, account: AccountSummary, error: unknown) {
  const reason = error instanceof CheckFailure ? `${error.code}: ${error.message}` : String(error);
  try {
    const settled = await finishPendingSecret(deps, account);
    return new KeydeskError('VONAGE_FAILED', `${reason} ${settled}`);
  } catch {
    return new KeydeskError(
      'VONAGE_FAILED',
      `${reason} Keydesk cannot tell whether Vonage took the new secret, so it is kept as pending beside the stored one (which still works); run "keydesk doctor --fix" once Vonage answers.`,
    );
  }
}

/** Revokes one secret at Vonage; never the one Keydesk holds. */
export async function revokeOne(
  deps: SecretDeps,
  account: AccountSummary,
  id: string,
  confirm: ConfirmChange,
) {
  const { stored, secrets, heldId } = await secretsOf(deps, account);
  const target = secrets.find((s) => s.id === id);
  if (!target) {
    throw new KeydeskError(
      'NOT_FOUND',
      `Vonage has no API secret ${id} for "${account.name}"; it has ${secrets.map(dated).join(' and ')}.`,
      'id',
    );
  }
  if (id === heldId) {
    throw new KeydeskError(
      'VALIDATION',
      `${id} is the API secret Keydesk holds for "${account.name}": revoking it would lock Keydesk out. Rotate instead (keydesk accounts rotate-secret "${account.name}").`,
      'id',
    );
  }
  await confirm(
    {
      action: 'Revoke secret',
      message: `Revoke API secret ${id} of "${account.name}" (${account.apiKey})?`,
      detail: heldId
        ? 'Programs still using that secret stop working. Keydesk keeps the one it holds.'
        : 'Programs still using that secret stop working. Keydesk did not make its stored secret, so it cannot tell which one that is: if it is this one, Keydesk is locked out until you paste the other (keydesk accounts edit --secret-stdin).',
    },
    'The API secret was not revoked.',
  );
  const asStored = asKey(deps.client, account.apiKey, stored);
  await revokeSecret(asStored, account.apiKey, id);
  const stillWorks = await secretWorks(asStored, account.apiKey).catch(() => true);
  if (!stillWorks) {
    throw new KeydeskError(
      'VONAGE_FAILED',
      `Revoked ${id}: it was the secret Keydesk held for "${account.name}", which no longer works. Paste the remaining one: keydesk accounts edit "${account.name}" --secret-stdin`,
    );
  }
  if (!heldId)
    deps.vault.accounts.setSecretId(account.id, secrets.find((s) => s.id !== id)?.id ?? null);
  return { message: `Revoked API secret ${id} of "${account.name}" at Vonage.` };
}
