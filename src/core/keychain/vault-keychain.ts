import { setEntries, type Keychain } from './keychain';

const vaultPrefix = 'vault/';

/** The keychain reference of `ref` in vault `vaultId`. */
export function vaultRef(vaultId: string, ref: string): string {
  return `${vaultPrefix}${vaultId}/${ref}`;
}

export interface OtherVaultEntries {
  /** null: entries without a vault id, written by a Keydesk from before vault ids. */
  vaultId: string | null;
  entries: number;
}

export interface VaultKeychain extends Keychain {
  readonly vaultId: string;
  /** Entries under the same service that belong to other vaults: counted, never touched. */
  otherVaults(): Promise<OtherVaultEntries[]>;
}

/**
 * One vault's view of the shared keychain service: every reference is put under
 * `vault/<vaultId>/`, and `listRefs` answers only this vault's entries, so nothing that works on
 * "all the entries" (the doctor, above all its --fix) can reach another data folder's secrets.
 */
export function scopeToVault(keychain: Keychain, vaultId: string): VaultKeychain {
  const own = vaultRef(vaultId, '');
  return {
    vaultId,
    get: (ref) => keychain.get(vaultRef(vaultId, ref)),
    set: (ref, secret) => keychain.set(vaultRef(vaultId, ref), secret),
    delete: (ref) => keychain.delete(vaultRef(vaultId, ref)),
    ...(keychain.setMany && {
      setMany: (entries: Iterable<[string, string]>) =>
        setEntries(
          keychain,
          [...entries].map(([ref, secret]): [string, string] => [vaultRef(vaultId, ref), secret]),
        ),
    }),
    ...(keychain.deleteMany && {
      deleteMany: async (refs: Iterable<string>) =>
        (await keychain.deleteMany?.([...refs].map((ref) => vaultRef(vaultId, ref))))?.map((ref) =>
          ref.slice(own.length),
        ) ?? [],
    }),
    async listRefs() {
      return (await keychain.listRefs())
        .filter((ref) => ref.startsWith(own))
        .map((ref) => ref.slice(own.length));
    },
    async readAll() {
      const mine = new Map<string, string>();
      for (const [ref, secret] of await keychain.readAll()) {
        if (ref.startsWith(own)) mine.set(ref.slice(own.length), secret);
      }
      return mine;
    },
    async otherVaults() {
      const counts = new Map<string | null, number>();
      for (const ref of await keychain.listRefs()) {
        if (ref.startsWith(own)) continue;
        const other = ref.startsWith(vaultPrefix) ? (ref.split('/')[1] ?? null) : null;
        counts.set(other, (counts.get(other) ?? 0) + 1);
      }
      return [...counts].map(([id, entries]) => ({ vaultId: id, entries }));
    },
  };
}
