/**
 * The only door to the OS keychain. Entries are addressed by a ref (`account/<id>/apiSecret`) under
 * one service name. Implementations turn every failure into a KeydeskError with a KEYCHAIN_* code.
 */
export interface Keychain {
  get(ref: string): Promise<string | null>;
  set(ref: string, secret: string): Promise<void>;
  /** Resolves false when there was nothing to delete. */
  delete(ref: string): Promise<boolean>;
  /** Every ref stored under this vault's service. */
  listRefs(): Promise<string[]>;
}

export const defaultKeychainService = 'Keydesk';

export const secretRefs = {
  apiSecret: (accountId: string) => `account/${accountId}/apiSecret`,
  signatureSecret: (accountId: string) => `account/${accountId}/signatureSecret`,
  privateKey: (applicationId: string) => `application/${applicationId}/privateKey`,
  consumerSecret: (consumerId: string) => `oauthConsumer/${consumerId}/secret`,
  /** The access token and its secret, as one JSON entry so they are written and removed together. */
  accessToken: (tokenId: string) => `oauthToken/${tokenId}/credentials`,
} as const;
