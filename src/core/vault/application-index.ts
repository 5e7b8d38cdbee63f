import type { Vault } from './vault-api';

/** Every application as a search list names it: id, name and its account (the sidebar, quick copy). */
export function applicationIndex(vault: Vault) {
  return vault.applications
    .list()
    .map(({ id, name, accountId, accountName }) => ({ id, name, accountId, accountName }));
}
