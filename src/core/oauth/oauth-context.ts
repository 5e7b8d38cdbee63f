import type Database from 'better-sqlite3';
import { KeydeskError } from '../../shared/errors';
import type { ConsumerSummary } from '../../shared/oauth-schemas';
import { secretRefs, type Keychain } from '../keychain/keychain';
import type { Network } from '../net/network';
import { writeSecretsAndRows, type SecretWrite } from '../vault/secret-write';
import type { Vault } from '../vault/vault';
import { createOAuthRepo, type OAuthRepo } from './oauth-repo';
import type { Endpoint } from './provider-client';

export interface OAuthDeps {
  db: Database.Database;
  keychain: Keychain;
  vault: Vault;
  timeoutMs: () => number;
  network: Network;
  now: () => Date;
}

/** What the consumers, tokens and login parts of the OAuth service share. */
export interface OAuthContext extends OAuthDeps {
  repo: OAuthRepo;
  /** Secrets and rows together or not at all (secret-write.ts). */
  write: <T>(change: SecretWrite<T>) => Promise<T>;
  stamp: () => string;
  requireConsumer(id: string, field?: string): ConsumerSummary;
  /** The consumer's provider, with its secret from the keychain. */
  endpointOf(consumer: ConsumerSummary): Promise<Endpoint>;
}

export function createOAuthContext(deps: OAuthDeps): OAuthContext {
  const { db, keychain, timeoutMs, network, now } = deps;
  const repo = createOAuthRepo(db);

  function requireConsumer(id: string, field = 'consumerId'): ConsumerSummary {
    const consumer = repo.consumer(id);
    if (!consumer) throw new KeydeskError('NOT_FOUND', `No OAuth consumer with id "${id}".`, field);
    return consumer;
  }

  async function endpointOf(consumer: ConsumerSummary): Promise<Endpoint> {
    const secret = await keychain.get(secretRefs.consumerSecret(consumer.id));
    if (secret === null) {
      throw new KeydeskError(
        'NOT_FOUND',
        `The keychain has no secret for consumer ${consumer.consumerKey}; add the consumer again, or run "keydesk doctor".`,
      );
    }
    return {
      baseUrl: consumer.baseUrl,
      consumer: { key: consumer.consumerKey, secret },
      timeoutMs: timeoutMs(),
      network,
    };
  }

  return {
    ...deps,
    repo,
    write: (change) => writeSecretsAndRows(keychain, db, change),
    stamp: () => now().toISOString(),
    requireConsumer,
    endpointOf,
  };
}
