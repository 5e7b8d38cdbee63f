import { secretKindNames, secretRef, type SecretKindName } from '../../shared/secret-kinds';

/**
 * The only door to the OS keychain. Entries are addressed by a ref (`account/<id>/apiSecret`) under
 * one service name. Implementations turn every failure into a KeydeskError with a KEYCHAIN_* code.
 */
export interface Keychain {
  /** Which backend this is, and how a person knows it ("the vault file /…/vault.age"). */
  readonly kind?: 'os' | 'file' | 'memory';
  describe?(): string;
  get(ref: string): Promise<string | null>;
  set(ref: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(ref: string): Promise<boolean>;
  /** Every ref stored under this vault's service. */
  listRefs(): Promise<string[]>;
  /**
   * Every entry with its secret, in one request: for work over many secrets at once (a check of
   * the whole vault), where one read per entry costs ~20 ms each on the Secret Service.
   */
  readAll(): Promise<Map<string, string>>;
  /**
   * Many entries written (or removed) as one change, where the backend can do better than one
   * change each: the vault file rewrites itself once instead of once per entry.
   */
  setMany?(entries: Iterable<[string, string]>): Promise<void>;
  /** Answers the refs that were there. */
  deleteMany?(refs: Iterable<string>): Promise<string[]>;
}

/** Every entry written, in one change where the backend has one. */
export async function setEntries(keychain: Keychain, entries: Iterable<[string, string]>) {
  if (keychain.setMany) return keychain.setMany(entries);
  for (const [ref, secret] of entries) await keychain.set(ref, secret);
}

/**
 * Every ref removed, in one change where the backend has one; answers the refs that could not be
 * removed (one change that fails leaves them all).
 */
export async function deleteEntries(keychain: Keychain, refs: string[]): Promise<string[]> {
  if (keychain.deleteMany) {
    try {
      await keychain.deleteMany(refs);
      return [];
    } catch {
      return refs;
    }
  }
  const left: string[] = [];
  for (const ref of refs) await keychain.delete(ref).catch(() => left.push(ref));
  return left;
}

export const defaultKeychainService = 'Keydesk';

/**
 * The keychain reference of each secret kind (src/shared/secret-kinds.ts). An access token and its
 * secret are one JSON entry, so they are written and removed together.
 */
export const secretRefs = Object.fromEntries(
  secretKindNames.map((kind) => [kind, (ownerId: string) => secretRef(kind, ownerId)]),
) as Record<SecretKindName, (ownerId: string) => string>;
