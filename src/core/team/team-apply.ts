import type { AccountSummary } from '../../shared/vault-schemas';
import type { Vault } from '../vault/vault';
import type { TeamPayload } from './team-payload';

/** The name a team's account gets here: its own, unless another account of this vault has it. */
function nameHere(vault: Vault, name: string, selfId?: string): string {
  const taken = vault.accounts.findByName(name);
  return taken && taken.id !== selfId ? `${name} (team)` : name;
}

/** A team's account, new to this vault, stored as the vault stores any account. */
export async function addFromTeam(vault: Vault, { plain, sealed }: TeamPayload) {
  const account = await vault.accounts.create({
    name: nameHere(vault, plain.name),
    apiKey: plain.apiKey,
    apiSecret: sealed.apiSecret,
    ...(sealed.signatureSecret ? { signatureSecret: sealed.signatureSecret } : {}),
    ...(plain.signatureMethod ? { signatureMethod: plain.signatureMethod } : {}),
    ...(plain.color ? { color: plain.color } : {}),
  });
  await applyApplications(vault, account.id, { plain, sealed });
  return vault.accounts.get(account.id);
}

/**
 * The team's version of an account this vault holds: each field, secret, application and key
 * that differs is changed through the vault's own operations; an application the team no longer
 * has goes, with its key.
 */
export async function updateFromTeam(
  vault: Vault,
  accountId: string,
  { plain, sealed }: TeamPayload,
): Promise<AccountSummary> {
  const here = vault.accounts.get(accountId);
  const aliased = here.name === `${plain.name} (team)`;
  await vault.accounts.update({
    id: accountId,
    ...(aliased ? {} : { name: nameHere(vault, plain.name, accountId) }),
    apiKey: plain.apiKey,
    apiSecret: sealed.apiSecret,
    signatureSecret: sealed.signatureSecret ?? null,
    ...(plain.signatureMethod ? { signatureMethod: plain.signatureMethod } : {}),
    ...(plain.color ? { color: plain.color } : {}),
  });
  const wanted = new Set(plain.applications.map((a) => a.id));
  for (const app of here.applications)
    if (!wanted.has(app.id)) await vault.applications.remove(app.id);
  await applyApplications(vault, accountId, { plain, sealed });
  return vault.accounts.get(accountId);
}

async function applyApplications(vault: Vault, accountId: string, { plain, sealed }: TeamPayload) {
  for (const app of plain.applications) {
    const key = sealed.applications.find((k) => k.id === app.id);
    if (!key) continue;
    const held = vault.applications.find(app.id);
    if (held && held.accountId !== accountId) continue;
    if (!held) {
      await vault.applications.create({
        accountId,
        id: app.id,
        name: app.name,
        key: { kind: 'pem', pem: key.privateKey },
      });
      continue;
    }
    if (held.fingerprint !== app.fingerprint)
      await vault.applications.replaceKey({
        id: app.id,
        key: { kind: 'pem', pem: key.privateKey },
      });
    if (held.name !== app.name) vault.applications.update({ id: app.id, name: app.name });
  }
}
