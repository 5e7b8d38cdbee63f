import { randomUUID } from 'node:crypto';
import { KeydeskError } from '../../shared/errors';
import { defaultOAuthBaseUrl } from '../../shared/oauth-constants';
import type { ConsumerSummary } from '../../shared/oauth-schemas';
import { secretRefs } from '../keychain/keychain';
import type { OAuthContext } from './oauth-context';

/** OAuth consumers: the consumer secret in the keychain, the rest in SQLite. */
export function createOAuthConsumers({ repo, vault, write, stamp, requireConsumer }: OAuthContext) {
  return {
    consumers: (accountId?: string) => repo.consumers(accountId),
    consumer: requireConsumer,
    findConsumer: (id: string) => repo.consumer(id),

    async addConsumer(input: {
      accountId: string;
      consumerKey: string;
      consumerSecret: string;
      baseUrl?: string;
      callbackUrl?: string | null;
    }): Promise<ConsumerSummary> {
      vault.accounts.get(input.accountId);
      const clash = repo.consumerByKey(input.consumerKey);
      if (clash) {
        throw new KeydeskError(
          'CONFLICT',
          `Consumer key ${input.consumerKey} is already stored, for account "${clash.accountName}".`,
          'consumerKey',
        );
      }
      const id = randomUUID();
      await write({
        secrets: [[secretRefs.consumerSecret(id), input.consumerSecret]],
        rows: () =>
          repo.insertConsumer({
            id,
            accountId: input.accountId,
            consumerKey: input.consumerKey,
            baseUrl: input.baseUrl ?? defaultOAuthBaseUrl,
            callbackUrl: input.callbackUrl === undefined ? null : input.callbackUrl,
            now: stamp(),
          }),
      });
      return requireConsumer(id);
    },

    /** The consumer's secret, its tokens' secrets and the rows go together, or nothing does. */
    async removeConsumer(id: string): Promise<{ removedTokens: number }> {
      const consumer = requireConsumer(id, 'id');
      const tokenIds = repo.tokenIdsOfConsumer(consumer.id);
      await write({
        secrets: [
          ...tokenIds.map((tokenId) => [secretRefs.accessToken(tokenId), null] as const),
          [secretRefs.consumerSecret(consumer.id), null],
        ],
        rows: () => repo.removeConsumer(consumer.id),
      });
      return { removedTokens: tokenIds.length };
    },
  };
}
