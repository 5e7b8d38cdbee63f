import type * as z from 'zod';
import type { keychainStateSchema } from '../../shared/contract-system';
import { KeydeskError } from '../../shared/errors';
import { secretKindNames, secretRef, type SecretKindName } from '../../shared/secret-kinds';

/** How a keychain is, as the window and `keydesk doctor` show it (system:status). */
export type KeychainState = z.infer<typeof keychainStateSchema>;

/**
 * The only door to the OS keychain. Entries are addressed by a ref (`account/<id>/apiSecret`) under
 * one service name. Implementations turn every failure into a KeydeskError with a KEYCHAIN_* code.
 */
export interface Keychain {
  /** Which backend this is, and how a person knows it ("the vault file /…/vault.age"). */
  readonly kind?: 'os' | 'file' | 'memory';
  describe?(): string;
  /** How it is now: answering, locked, missing… asked without counting as a use of a secret. */
  status?(): Promise<KeychainState>;
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

const failedStates = {
  KEYCHAIN_UNAVAILABLE: 'unavailable',
  KEYCHAIN_LOCKED: 'locked',
  KEYCHAIN_TIMEOUT: 'timeout',
} as const;

/**
 * A keychain's state as listing its entries finds it: the OS keychain's own status, and that of a
 * keychain that keeps none of its own (a test's stand-in).
 */
export async function statusByListing(
  keychain: Pick<Keychain, 'listRefs'>,
  backend: 'os' | 'file',
): Promise<KeychainState> {
  try {
    await keychain.listRefs();
    return { state: 'ok', backend };
  } catch (error) {
    if (!(error instanceof KeydeskError)) throw error;
    const state = failedStates[error.code as keyof typeof failedStates] ?? 'failed';
    return { state, message: error.message, backend };
  }
}

/** A keychain's own status, or what listing it finds. */
export const statusOf = (keychain: Keychain, backend: 'os' | 'file'): Promise<KeychainState> =>
  keychain.status?.() ?? statusByListing(keychain, backend);
